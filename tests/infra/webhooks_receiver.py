"""A real (tiny) HTTP/1.1 webhook receiver on 127.0.0.1 for tests and the benchmark.

It records every request, answers with a configurable status, can be slowed down, and
notes when the same webhook-id arrives while an earlier request with it is still open.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float
    status: int
    answered: bool = False


@dataclass
class Receiver:
    status: int = 200
    delay_s: float = 0.0
    extra_headers: dict[str, str] = field(default_factory=dict)
    requests: list[Received] = field(default_factory=list)
    overlaps: list[str] = field(default_factory=list)
    port: int = 0
    _in_flight: Counter[str] = field(default_factory=Counter)
    _server: asyncio.Server | None = None
    _writers: set[asyncio.StreamWriter] = field(default_factory=set)
    arrived: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook"

    def ids(self) -> Counter[str]:
        """Accepted (2xx) requests per webhook-id."""
        return Counter(r.headers["webhook-id"] for r in self.accepted())

    def accepted(self) -> list[Received]:
        return [r for r in self.requests if r.answered and 200 <= r.status < 300]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", self.port, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            for writer in list(self._writers):
                writer.close()
            await self._server.wait_closed()
            self._server = None

    async def wait_for(self, count: int, within_s: float = 10.0) -> None:
        """Until `count` distinct webhook-ids arrived."""
        deadline = time.monotonic() + within_s
        while len(self.ids()) < count:
            if time.monotonic() > deadline:
                raise AssertionError(f"only {len(self.ids())} of {count} webhooks arrived")
            self.arrived.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.arrived.wait(), 0.05)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._writers.add(writer)
        try:
            while await self._one(reader, writer):
                pass
        except (ConnectionError, asyncio.IncompleteReadError):
            pass
        finally:
            self._writers.discard(writer)
            writer.close()

    async def _one(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> bool:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")[1:]
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines if line)}
        body = await reader.readexactly(int(headers.get("content-length", "0")))
        msg_id = headers.get("webhook-id", "")
        if self._in_flight[msg_id]:
            self.overlaps.append(msg_id)
        self._in_flight[msg_id] += 1
        request = Received(headers, body, time.monotonic(), self.status)
        self.requests.append(request)
        try:
            if self.delay_s:
                await asyncio.sleep(self.delay_s)
            extra = "".join(f"{k}: {v}\r\n" for k, v in self.extra_headers.items())
            reply = b"ok" if request.status < 300 else b"nope"
            head = f"HTTP/1.1 {request.status} X\r\nContent-Length: {len(reply)}\r\n{extra}\r\n"
            writer.write(head.encode() + reply)
            await writer.drain()
            request.answered = True
        finally:
            self._in_flight[msg_id] -= 1
            self.arrived.set()
        return True
