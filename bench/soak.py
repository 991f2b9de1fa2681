"""Soak: the served app under mixed load for --minutes (default 10), then a drain and a reckoning.

The server is the real `conflictdb serve` in a subprocess on 127.0.0.1 (projections, webhook fan-out
and dispatcher in the same process; `--separate-worker` runs `serve --no-workers` plus `conflictdb
worker`) with CONFLICTDB_WEBHOOK_ALLOW_PRIVATE=true, against a throwaway embedded PostgreSQL (or
DATABASE_URL). At the same time, from this process:

- ingest: POST /articles at --ingest-rate articles/s, the seeds made new articles (a marker line, a
  shifted publication date);
- reads: --readers loops over filtered GET /events, /incidents and /stats;
- --subscribers webhook receivers (raw HTTP/1.1 on loopback), each subscribed with its own filter,
  each verifying the Standard Webhooks signature of every delivery and recording its webhook-id; one
  in ten answers 503 to the first attempt of one webhook-id in ten, so retries are exercised;
- --sse clients on /events/stream (three quarters, some with a `type` filter) and /incidents/stream,
  all from `after=0`, reconnecting with Last-Event-ID when dropped.

Figures (one JSON line each, `bench: soak`): p50/p99 per route beside the same route during warm-up
(the first tenth); RSS of each process at start, every --sample-every s and at the end beside its
RSS after warm-up; 5xx responses (seen by the clients and counted by the server's /metrics); lost
deliveries (what each subscriber's filter should have received, from /log and the incident changes,
minus what it received after the drain; duplicates, i.e. one webhook-id accepted twice, reported
apart) and SSE events each client missed. Goals beside them: 0 x 5xx, 0 lost, 0 missed, 0 bad
signatures, flat memory: each process's end RSS within 10 % of its RSS after warm-up.

    .venv/bin/python bench/soak.py [--minutes 10] [--ingest-rate 1] [--readers 4] [--sse 200]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
import httpx
import psutil  # type: ignore[import-untyped]
from standardwebhooks import Webhook
from standardwebhooks.webhooks import WebhookVerificationError

from bench._common import bench_database, report, seed_articles
from infra.api_keys import create_api_key

REPO = Path(__file__).resolve().parent.parent
BENCH = "soak"
CONFLICT_TYPES = ("TalksHeld", "CeasefireAnnounced", "OffensiveLaunched", "ResolutionBlocked")
# What a subscriber without event_types and a stream without `type` get of the log (domain.webhooks.LOG_TYPES).
LOG_TYPES = frozenset(CONFLICT_TYPES) | {
    "EventRetracted",
    "EventConfirmed",
    "EventRejected",
    "EventCorrected",
    "EventFlaggedForRereview",
}
INCIDENT_TYPES = ("IncidentCreated", "IncidentCorroborated", "IncidentUpdated", "IncidentMerged", "IncidentClosed")
FLAT_RSS_PCT = 10.0
READS: tuple[tuple[str, dict[str, str]], ...] = (
    ("/events", {"type": "OffensiveLaunched", "country": "SY", "limit": "50"}),
    ("/events", {"actor": "RUS", "from": "2016-01-01", "sort": "occurred", "limit": "100"}),
    ("/events", {"q": "Aleppo", "min_confidence": "0.5", "limit": "20"}),
    ("/events", {"type": "TalksHeld", "country": "KZ", "collapse": "incident"}),
    ("/incidents", {"min_sources": "2", "sort": "sources", "limit": "50"}),
    ("/incidents", {"type": "OffensiveLaunched", "country": "SY", "sort": "date"}),
    ("/stats", {"group_by": "country"}),
    ("/stats", {"unit": "incidents", "group_by": "interval", "interval": "month", "country": "SY"}),
)


# --- ids: every webhook-id and stream position seen gets a small int, so each receiver and stream
# client keeps one byte per id (a count) instead of a set of strings: the bench's own memory stays flat.


class Ids:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def of(self, key: str) -> int:
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.index)
        return found


class Tally:
    """How often each id arrived (saturating at 255)."""

    def __init__(self, ids: Ids) -> None:
        self.ids, self.counts = ids, bytearray()

    def add(self, key: str) -> bool:
        """Record one arrival; True when the id had arrived before."""
        i = self.ids.of(key)
        if i >= len(self.counts):
            self.counts.extend(bytes(max(1024, i + 1 - len(self.counts))))
        seen = self.counts[i]
        self.counts[i] = min(255, seen + 1)
        return seen > 0

    def count(self, key: str) -> int:
        i = self.ids.index.get(key)
        return self.counts[i] if i is not None and i < len(self.counts) else 0

    def distinct(self) -> int:
        return sum(1 for c in self.counts if c)


# --- webhook receivers


@dataclass
class Subscriber:
    """A receiver on 127.0.0.1 and what its subscription asks for."""

    index: int
    kind: str
    ids: Ids
    flaky: bool = False
    secret: str = ""
    port: int = 0
    tally: Tally = field(init=False)
    refused: set[str] = field(default_factory=set)  # webhook-ids answered 503 once (flaky receivers)
    requests: int = 0
    bad_signatures: int = 0
    subscription_id: str = ""
    duplicates: list[tuple[str, float, str]] = field(default_factory=list)  # (webhook-id, arrival, its timestamp)
    _webhook: Webhook | None = None
    _server: asyncio.Server | None = None

    def __post_init__(self) -> None:
        self.tally = Tally(self.ids)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hook/{self.index}"

    def body(self) -> dict[str, Any]:
        spec: dict[str, Any] = {"url": self.url, "description": f"soak {self.kind} {self.index}"}
        if self.kind == "talks":
            spec["event_types"] = ["TalksHeld", "CeasefireAnnounced"]
        elif self.kind == "syria":
            spec["event_types"], spec["filter"] = ["OffensiveLaunched"], {"country": "SY"}
        elif self.kind == "confident":
            spec["event_types"], spec["filter"] = list(CONFLICT_TYPES), {"min_confidence": 0.9}
        elif self.kind == "incidents":
            spec["event_types"] = list(INCIDENT_TYPES)
        elif self.kind == "incidents-sy":
            spec["event_types"], spec["filter"] = list(INCIDENT_TYPES), {"country": "SY"}
        return spec

    def wants_event(self, entry: dict[str, Any]) -> bool:
        """Should this subscriber receive a log entry (GET /log's shape)?"""
        kind, kind_of, data = self.kind, entry["type"], entry["data"]
        location = data.get("location") or {}
        if kind == "all":
            return kind_of in LOG_TYPES
        if kind == "talks":
            return kind_of in ("TalksHeld", "CeasefireAnnounced")
        if kind == "syria":
            return kind_of == "OffensiveLaunched" and (location.get("country") or "").upper() == "SY"
        if kind == "confident":
            return kind_of in CONFLICT_TYPES and float(data.get("confidence", 0.0)) >= 0.9
        return False

    def wants_change(self, change_type: str, body: dict[str, Any]) -> bool:
        """Should it receive an incident change (a row of rm_incident_changes)?"""
        if self.kind in ("all", "incidents"):
            return True
        if self.kind == "incidents-sy":
            place = (body.get("incident") or {}).get("place") or {}
            return (place.get("country") or "").upper() == "SY"
        return False

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, reuse_address=True)
        self.port = self._server.sockets[0].getsockname()[1]

    def set_secret(self, secret: str) -> None:
        self.secret, self._webhook = secret, Webhook(secret)

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._server.wait_closed(), 5)

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.decode("latin-1").split("\r\n")[1:]
                headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines if ln)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                status = self._judge(headers, body)
                reply = b"ok" if status < 300 else b"no"
                writer.write(f"HTTP/1.1 {status} X\r\nContent-Length: {len(reply)}\r\n\r\n".encode() + reply)
                await writer.drain()
        except (ConnectionError, asyncio.IncompleteReadError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    def _judge(self, headers: dict[str, str], body: bytes) -> int:
        self.requests += 1
        msg_id = headers.get("webhook-id", "")
        try:
            assert self._webhook is not None
            payload = self._webhook.verify(body, headers)
        except (WebhookVerificationError, AssertionError, ValueError):
            self.bad_signatures += 1
            return 401
        if not isinstance(payload, dict) or msg_id != f"msg_{payload.get('id')}":
            self.bad_signatures += 1
            return 400
        if self.flaky and zlib.crc32(msg_id.encode()) % 10 == 0 and msg_id not in self.refused:
            self.refused.add(msg_id)
            return 503
        if self.tally.add(msg_id):
            self.duplicates.append((msg_id, time.monotonic(), headers.get("webhook-timestamp", "")))
        return 200


def subscriber_kinds(n: int) -> list[str]:
    kinds = ("all", "talks", "syria", "confident", "incidents", "incidents-sy")
    return [kinds[i % len(kinds)] for i in range(n)]


# --- SSE clients: raw HTTP/1.1 (chunked) over asyncio streams, cheap enough for hundreds in one process


@dataclass
class SseClient:
    path: str
    types: tuple[str, ...]
    ids: Ids
    port: int
    tally: Tally = field(init=False)
    messages: int = 0
    duplicates: int = 0
    out_of_order: int = 0
    reconnects: int = 0
    failures: Counter[int] = field(default_factory=Counter)  # HTTP status of a refused connect
    last_id: str | None = None
    _last_key: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        self.tally = Tally(self.ids)

    def wants(self, event_type: str) -> bool:
        return event_type in self.types if self.types else event_type in LOG_TYPES

    async def run(self) -> None:
        first = True
        while True:
            if not first:
                self.reconnects += 1
                await asyncio.sleep(0.5)
            first = False
            with contextlib.suppress(ConnectionError, asyncio.IncompleteReadError, OSError, ValueError):
                await self._once()

    async def _once(self) -> None:
        query = "&".join(["after=0", *(f"type={t}" for t in self.types)])
        resume = f"Last-Event-ID: {self.last_id}\r\n" if self.last_id else ""
        reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        try:
            request = f"GET {self.path}?{query} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
            writer.write(f"{request}{resume}\r\n".encode())
            await writer.drain()
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
            status = int(head.split(" ", 2)[1])
            if status != 200:
                self.failures[status] += 1
                return
            await self._read_events(reader)
        finally:
            writer.close()

    async def _read_events(self, reader: asyncio.StreamReader) -> None:
        """The chunked body, message by message (the task is cancelled to stop)."""
        pending = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip().split(b";")[0], 16)
            if size == 0:
                return
            chunk = await reader.readexactly(size + 2)
            pending += chunk[:-2].replace(b"\r\n", b"\n")
            *messages, pending = pending.split(b"\n\n")
            for message in messages:
                self._message(message)

    def _message(self, raw: bytes) -> None:
        event_id = None
        for line in raw.decode().splitlines():
            if line.startswith("id:"):
                event_id = line[3:].strip()
        if event_id is None:
            return  # a keep-alive comment
        self.messages += 1
        self.last_id = event_id
        key = tuple(int(p) for p in event_id.split("-"))
        if key <= self._last_key:
            self.out_of_order += 1
        self._last_key = max(key, self._last_key)
        if self.tally.add(event_id):
            self.duplicates += 1


# --- the served app


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def served(url: str, port: int, separate_worker: bool, log_dir: Path) -> Iterator[dict[str, subprocess.Popen[bytes]]]:
    """`conflictdb serve` (and `conflictdb worker`) in subprocesses; their stderr in log_dir."""
    env = {**os.environ, "CONFLICTDB_WEBHOOK_ALLOW_PRIVATE": "true", "CONFLICTDB_LOG_LEVEL": "warning"}
    serve = [sys.executable, "-m", "api.cli", "serve", f"--database-url={url}", f"--port={port}"]
    commands = {"server": serve + (["--no-workers"] if separate_worker else [])}
    if separate_worker:
        commands["worker"] = [sys.executable, "-m", "api.cli", "worker", f"--database-url={url}"]
    processes: dict[str, subprocess.Popen[bytes]] = {}
    try:
        for name, command in commands.items():
            with (log_dir / f"{name}.log").open("wb") as log:
                processes[name] = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=log)
        yield processes
    finally:
        for process in processes.values():
            process.terminate()
        for process in processes.values():
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


async def wait_ready(client: httpx.AsyncClient, processes: dict[str, subprocess.Popen[bytes]]) -> None:
    for _ in range(600):
        if any(p.poll() is not None for p in processes.values()):
            raise SystemExit("bench/soak.py: the server exited during start-up")
        with contextlib.suppress(httpx.TransportError):
            if (await client.get("/health")).status_code == 200:
                return
        await asyncio.sleep(0.1)
    raise SystemExit("bench/soak.py: the server did not start within 60 s")


def load_average() -> tuple[float, float, float]:
    one, five, fifteen = os.getloadavg()
    return one, five, fifteen


def uptime_line() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "load average: {:.2f}, {:.2f}, {:.2f}".format(*load_average())


# --- the load


def article(seeds: list[dict[str, Any]], i: int) -> dict[str, Any]:
    """The i-th new article: a seed with a marker (a new text, so a new article) and a publication date
    moved by whole weeks per round of the seeds, so some reports link into incidents and others do not."""
    seed = seeds[i % len(seeds)]
    published = dt.date.fromisoformat(seed["published_at"]) + dt.timedelta(days=7 * ((i // len(seeds)) % 400))
    return {
        **seed,
        "title": f"{seed['title']} soak {i}",
        "text": f"{seed['text']}\n[soak {i}]",
        "published_at": published.isoformat(),
    }


@dataclass
class Latencies:
    """Per route: (monotonic time, seconds) of every answered request, and status counts."""

    samples: dict[str, list[tuple[float, float]]] = field(default_factory=dict)
    statuses: Counter[tuple[str, int]] = field(default_factory=Counter)
    transport_errors: Counter[str] = field(default_factory=Counter)

    def add(self, route: str, started: float, status: int) -> None:
        now = time.monotonic()
        self.samples.setdefault(route, []).append((now, now - started))
        self.statuses[route, status] += 1

    def five_xx(self) -> int:
        return sum(n for (_, status), n in self.statuses.items() if status >= 500)


async def ingest_loop(
    client: httpx.AsyncClient, key: str, rate: float, until: float, lat: Latencies, posted: list[int]
) -> None:
    """POST /articles at `rate`/s (at most 4 in flight; a late schedule is not made up)."""
    seeds, slots, tasks = seed_articles(), asyncio.Semaphore(4), set()
    headers = {"Authorization": f"Bearer {key}"}

    async def post(i: int) -> None:
        async with slots:
            started = time.monotonic()
            try:
                response = await client.post("/articles", json=article(seeds, i), headers=headers, timeout=120)
            except httpx.HTTPError as exc:
                lat.transport_errors[f"POST /articles {type(exc).__name__}"] += 1
                return
            lat.add("POST /articles", started, response.status_code)
            if response.status_code in (200, 201):
                posted[0] += 1

    i, started = 0, time.monotonic()
    while time.monotonic() < until:
        due = started + i / rate
        await asyncio.sleep(max(0.0, due - time.monotonic()))
        if slots.locked():  # four in flight: skip this slot
            i += 1
            continue
        task = asyncio.create_task(post(i))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        i += 1
    await asyncio.gather(*tasks)


async def read_loop(client: httpx.AsyncClient, offset: int, pause: float, until: float, lat: Latencies) -> None:
    i = offset
    while time.monotonic() < until:
        path, params = READS[i % len(READS)]
        i += 1
        started = time.monotonic()
        try:
            response = await client.get(path, params=params, timeout=60)
        except httpx.HTTPError as exc:
            lat.transport_errors[f"GET {path} {type(exc).__name__}"] += 1
            continue
        lat.add(f"GET {path}", started, response.status_code)
        await asyncio.sleep(pause)


@dataclass
class Memory:
    processes: dict[str, psutil.Process]
    samples: list[tuple[float, dict[str, float]]] = field(default_factory=list)
    backlog: list[tuple[float, int]] = field(default_factory=list)  # (t, deliveries pending in the outbox)

    def sample(self, at: float) -> dict[str, float]:
        rss: dict[str, float] = {}
        for name, process in self.processes.items():
            with contextlib.suppress(psutil.Error):
                rss[name] = process.memory_info().rss / 2**20
        if self.samples and at - self.samples[-1][0] < 1.0:  # the warm-up's and an interval's at once
            self.samples[-1] = (at, rss)
        else:
            self.samples.append((at, rss))
        return rss


async def sample_loop(
    memory: Memory, pool: asyncpg.Pool, client: httpx.AsyncClient, t0: float, every: float, until: float
) -> None:
    while True:
        await asyncio.sleep(max(0.0, min(every, until - time.monotonic())))
        if time.monotonic() >= until:
            return
        at = time.monotonic() - t0
        rss = memory.sample(at)
        one, five, _ = load_average()
        shown = ", ".join(f"{k} {v:.0f} MB" for k, v in rss.items())
        backlog = (await outbox(pool)).get("pending", 0)
        memory.backlog.append((at, backlog))
        catch_ups = await metric(client, "conflictdb_stream_log_reads_total")
        print(
            f"# soak t={at:.0f}s RSS {shown}; webhook outbox pending {backlog}; SSE catch-up reads {catch_ups:.0f};"
            f" load average {one:.2f} {five:.2f}",
            file=sys.stderr,
            flush=True,
        )


# --- the reckoning


async def read_log(client: httpx.AsyncClient) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    after: str | None = None
    while True:
        params = {"limit": "1000", **({"after": after} if after else {})}
        page = (await client.get("/log", params=params, timeout=120)).json()
        entries.extend(page["items"])
        if not page["items"] or page.get("next_cursor") is None:
            return entries
        after = page["items"][-1]["position"]


async def incident_changes(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return list(
        await pool.fetch(
            "SELECT tx_id, global_position, seq, change_id, change_type, body FROM rm_incident_changes"
            " ORDER BY tx_id, global_position, seq"
        )
    )


async def caught_up(client: httpx.AsyncClient, within_s: float) -> bool:
    """Until every projection has applied the whole log (/ready answers 200 and /projections shows no lag)."""
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        with contextlib.suppress(httpx.HTTPError, ValueError, KeyError):
            body = (await client.get("/projections", timeout=30)).json()
            items = body["items"] if isinstance(body, dict) else body
            if all(int(p.get("lag", 0) or 0) == 0 for p in items):
                return True
        await asyncio.sleep(1)
    return False


def expected_for(
    subscribers: list[Subscriber], log: list[dict[str, Any]], changes: list[asyncpg.Record]
) -> dict[int, set[str]]:
    bodies = [(r["change_id"], r["change_type"], json.loads(r["body"])) for r in changes]
    expected: dict[int, set[str]] = {}
    for s in subscribers:
        wanted = {f"msg_{e['event_id']}" for e in log if s.wants_event(e)}
        wanted |= {f"msg_{cid}" for cid, ctype, body in bodies if s.wants_change(ctype, body)}
        expected[s.index] = wanted
    return expected


def sse_expected(client: SseClient, log: list[dict[str, Any]], changes: list[asyncpg.Record]) -> set[str]:
    if client.path == "/incidents/stream":
        return {
            f"{r['tx_id']}-{r['global_position']}-{r['seq']}"
            for r in changes
            if not client.types or r["change_type"] in client.types
        }
    return {e["position"] for e in log if client.wants(e["type"])}


async def drain(
    pool: asyncpg.Pool,
    subscribers: list[Subscriber],
    expected: dict[int, set[str]],
    clients: list[SseClient],
    sse_wanted: list[set[str]],
    within_s: float,
) -> float:
    """Wait until every receiver and stream has all it should and the outbox holds nothing pending (or
    `within_s`); the seconds it took."""
    started = time.monotonic()
    while time.monotonic() - started < within_s:
        hooks_done = all(all(s.tally.count(m) for m in expected[s.index]) for s in subscribers)
        sse_done = all(all(c.tally.count(p) for p in want) for c, want in zip(clients, sse_wanted, strict=True))
        if hooks_done and sse_done and not (await outbox(pool)).get("pending"):
            break
        await asyncio.sleep(2)
    await asyncio.sleep(5)  # a late duplicate still counts
    return time.monotonic() - started


async def metric(client: httpx.AsyncClient, name: str) -> float:
    """One unlabelled metric of the server's /metrics (0 when absent or unreadable)."""
    with contextlib.suppress(httpx.HTTPError, ValueError):
        for line in (await client.get("/metrics", timeout=30)).text.splitlines():
            if line.startswith(f"{name} "):
                return float(line.rsplit(" ", 1)[1])
    return 0.0


async def server_5xx(client: httpx.AsyncClient) -> int:
    text = (await client.get("/metrics", timeout=30)).text
    total = 0
    for line in text.splitlines():
        if line.startswith("conflictdb_http_requests_total{") and re.search(r'status="5\d\d"', line):
            total += int(float(line.rsplit(" ", 1)[1]))
    return total


async def delivery_ledger(pool: asyncpg.Pool) -> dict[tuple[str, str], str]:
    """(subscription id, webhook-id) -> the outbox's status of that delivery."""
    rows = await pool.fetch("SELECT subscription_id::text AS s, event_id::text AS e, status FROM wh_deliveries")
    return {(r["s"], f"msg_{r['e']}"): str(r["status"]) for r in rows}


async def outbox(pool: asyncpg.Pool) -> dict[str, int]:
    rows = await pool.fetch("SELECT status, count(*) AS n FROM wh_deliveries GROUP BY status")
    return {str(r["status"]): int(r["n"]) for r in rows}


async def explain_duplicates(pool: asyncpg.Pool, subscribers: list[Subscriber]) -> None:
    """What the outbox says about each webhook-id a receiver accepted twice (to stderr)."""
    for s in subscribers:
        for msg_id, _, stamp in s.duplicates[:10]:
            rows = await pool.fetch(
                """SELECT d.delivery_id, d.status, d.attempt_count, d.generation, d.manual,
                          array_agg(concat_ws(' ', a.status_code, a.trigger, a.attempted_at,
                                              a.duration_ms || ' ms', a.error) ORDER BY a.attempt_id) AS attempts
                   FROM wh_deliveries d LEFT JOIN wh_attempts a USING (delivery_id)
                   WHERE d.subscription_id = $1::uuid AND d.event_id = $2::uuid
                   GROUP BY d.delivery_id""",
                s.subscription_id,
                msg_id.removeprefix("msg_"),
            )
            shown = [dict(r) for r in rows]
            print(f"# soak: duplicate {msg_id} at subscriber {s.index} (timestamp {stamp}): {shown}", file=sys.stderr)


def goal(figure: str, value: float, unit: str) -> None:
    """A count whose goal is 0 (errors, losses), with whether it met it."""
    report(BENCH, figure, value, unit, "goal 0", 0, False, goal_met=value == 0)


def percentile_ms(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(p * len(ordered)))] if ordered else 0.0


def log_problems(log_dir: Path) -> list[str]:
    lines: list[str] = []
    for path in sorted(log_dir.glob("*.log")):
        for line in path.read_text(errors="replace").splitlines():
            if re.search(r"WARNING|ERROR|Traceback|CRITICAL", line):
                lines.append(f"{path.stem}: {line}")
    return lines


# --- the run


async def soak(url: str, args: argparse.Namespace, log_dir: Path) -> None:
    pool = await asyncpg.create_pool(url, min_size=1, max_size=4)
    _, key = await create_api_key(pool, "soak", "ingest,admin")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    duration = args.minutes * 60
    warmup = duration / 10
    every = args.sample_every or max(10.0, duration / 10)
    ids = Ids()
    with served(url, port, args.separate_worker, log_dir) as processes:
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
            await wait_ready(client, processes)
            memory = Memory({name: psutil.Process(p.pid) for name, p in processes.items()})
            memory.processes["bench"] = psutil.Process(os.getpid())
            admin = {"Authorization": f"Bearer {key}"}

            subscribers = [
                Subscriber(i, kind, ids, flaky=i % 10 == 0) for i, kind in enumerate(subscriber_kinds(args.subscribers))
            ]
            for s in subscribers:
                await s.start()
                response = await client.post("/subscriptions", json=s.body(), headers=admin)
                if response.status_code != 201:
                    raise SystemExit(f"bench/soak.py: POST /subscriptions answered {response.status_code}")
                s.set_secret(response.json()["secret"])
                s.subscription_id = response.json()["subscription"]["id"]

            clients = [sse_client(i, args.sse, ids, port) for i in range(args.sse)]
            streams = [asyncio.create_task(c.run()) for c in clients]
            await asyncio.sleep(2)  # streams connected

            print(f"# soak start: {uptime_line()}", file=sys.stderr, flush=True)
            one, five, fifteen = load_average()
            t0 = time.monotonic()
            start_rss = memory.sample(0.0)
            until = t0 + duration
            lat, posted = Latencies(), [0]
            work = [
                asyncio.create_task(ingest_loop(client, key, args.ingest_rate, until, lat, posted)),
                *(asyncio.create_task(read_loop(client, k, args.read_pause, until, lat)) for k in range(args.readers)),
                asyncio.create_task(sample_loop(memory, pool, client, t0, every, until)),
            ]
            warm_rss: dict[str, float] = {}

            async def after_warmup() -> None:
                await asyncio.sleep(warmup)
                warm_rss.update(memory.sample(time.monotonic() - t0))

            work.append(asyncio.create_task(after_warmup()))
            await asyncio.gather(*work)
            end_rss = memory.sample(time.monotonic() - t0)
            end_load = load_average()
            print(f"# soak load ends: {uptime_line()}; draining", file=sys.stderr, flush=True)

            projected = await caught_up(client, within_s=args.drain)
            log = await read_log(client)
            changes = await incident_changes(pool)
            expected = expected_for(subscribers, log, changes)
            sse_wanted = [sse_expected(c, log, changes) for c in clients]
            drained_s = await drain(pool, subscribers, expected, clients, sse_wanted, args.drain)
            for stream in streams:
                stream.cancel()
            await asyncio.gather(*streams, return_exceptions=True)
            after_drain_rss = memory.sample(time.monotonic() - t0)
            five_xx_server = await server_5xx(client)
            states = await outbox(pool)
            ledger = await delivery_ledger(pool)
            await explain_duplicates(pool, subscribers)
        for s in subscribers:
            await s.stop()
    await pool.close()

    figures = Figures(
        args=args,
        duration=duration,
        warmup=warmup,
        lat=lat,
        memory=memory,
        start_rss=start_rss,
        warm_rss=warm_rss,
        end_rss=end_rss,
        after_drain_rss=after_drain_rss,
        subscribers=subscribers,
        expected=expected,
        clients=clients,
        sse_wanted=sse_wanted,
        five_xx_server=five_xx_server,
        states=states,
        ledger=ledger,
        log=log,
        changes=len(changes),
        posted=posted[0],
        drained_s=drained_s,
        projected=projected,
        load_start=(one, five, fifteen),
        load_end=end_load,
        problems=log_problems(log_dir),
    )
    figures.print()


def sse_client(i: int, n: int, ids: Ids, port: int) -> SseClient:
    """Three quarters on /events/stream (every third of those with a type filter), the rest on incidents."""
    if i < n * 3 // 4:
        types = ("OffensiveLaunched", "TalksHeld") if i % 3 == 2 else ()
        return SseClient("/events/stream", types, ids, port)
    types = ("IncidentCreated", "IncidentCorroborated") if i % 2 else ()
    return SseClient("/incidents/stream", types, ids, port)


@dataclass
class Figures:
    args: argparse.Namespace
    duration: float
    warmup: float
    lat: Latencies
    memory: Memory
    start_rss: dict[str, float]
    warm_rss: dict[str, float]
    end_rss: dict[str, float]
    after_drain_rss: dict[str, float]
    subscribers: list[Subscriber]
    expected: dict[int, set[str]]
    clients: list[SseClient]
    sse_wanted: list[set[str]]
    five_xx_server: int
    states: dict[str, int]
    ledger: dict[tuple[str, str], str]
    log: list[dict[str, Any]]
    changes: int
    posted: int
    drained_s: float
    projected: bool
    load_start: tuple[float, float, float]
    load_end: tuple[float, float, float]
    problems: list[str]

    def print(self) -> None:
        self._context()
        self._latency()
        self._memory()
        self._errors()
        self._deliveries()
        self._streams()

    def _context(self) -> None:
        events = sum(1 for e in self.log if e["type"] in CONFLICT_TYPES)
        print(
            f"# soak: {self.duration / 60:g} min, {self.posted} articles posted, {events} conflict events, "
            f"{self.changes} incident changes, {len(self.subscribers)} subscribers, {len(self.clients)} SSE clients; "
            f"projections caught up: {self.projected}; drain {self.drained_s:.0f} s",
            file=sys.stderr,
        )
        for when, load in (("start", self.load_start), ("end", self.load_end)):
            report(
                BENCH, f"load_average_1m_{when}", load[0], "load", "cores on this machine", os.cpu_count() or 1, False
            )
        report(BENCH, "articles_posted", self.posted, "articles", "scheduled", self.args.ingest_rate * self.duration)
        report(BENCH, "conflict_events_appended", events, "events", "articles posted", self.posted)

    def _latency(self) -> None:
        warm_end = min(t for samples in self.lat.samples.values() for t, _ in samples) + self.warmup
        for route, samples in sorted(self.lat.samples.items()):
            every = [s for _, s in samples]
            warm = [s for t, s in samples if t <= warm_end] or every
            for name, p in (("p50", 0.50), ("p99", 0.99)):
                report(
                    BENCH,
                    f"{route} {name}_ms ({len(every)} requests)",
                    percentile_ms(every, p),
                    "ms",
                    "same route during warm-up",
                    percentile_ms(warm, p),
                    higher_is_better=False,
                )

    def _memory(self) -> None:
        for name in self.memory.processes:
            warm = self.warm_rss.get(name, 0.0)
            for at, rss in self.memory.samples:
                if name in rss:
                    report(BENCH, f"rss_{name}_mb t={at:.0f}s", rss[name], "MB", "RSS after warm-up", warm, False)
            end = self.end_rss.get(name, 0.0)
            growth = 100 * (end - warm) / warm if warm else 0.0
            report(
                BENCH,
                f"rss_{name}_growth_pct (start {self.start_rss.get(name, 0):.0f} MB, warm {warm:.0f}, end {end:.0f},"
                f" after drain {self.after_drain_rss.get(name, 0):.0f})",
                growth,
                "%",
                f"goal: flat, end RSS within {FLAT_RSS_PCT:g} % of RSS after warm-up",
                FLAT_RSS_PCT,
                higher_is_better=False,
                goal_met=growth <= FLAT_RSS_PCT,
            )

    def _errors(self) -> None:
        client_5xx = self.lat.five_xx() + sum(
            n for c in self.clients for status, n in c.failures.items() if status >= 500
        )
        goal("responses_5xx_seen_by_clients", client_5xx, "responses")
        goal("responses_5xx_counted_by_server", self.five_xx_server, "responses")
        other = sum(n for (_, status), n in self.lat.statuses.items() if not 200 <= status < 300 and status < 500)
        goal("responses_4xx", other, "responses")
        goal("transport_errors", sum(self.lat.transport_errors.values()), "errors")
        for (route, status), n in sorted(self.lat.statuses.items()):
            if not 200 <= status < 300:
                print(f"# soak: {route} answered {status} {n} times", file=sys.stderr)
        for what, n in self.lat.transport_errors.items():
            print(f"# soak: {what} x {n}", file=sys.stderr)
        goal("server_log_warning_or_error_lines", len(self.problems), "lines")
        for line in self.problems[:20]:
            print(f"# soak: {line}", file=sys.stderr)

    def _deliveries(self) -> None:
        wanted = lost = duplicates = received = unexpected = 0
        why: Counter[str] = Counter()  # each lost delivery by what the outbox says of it
        for s in self.subscribers:
            expect = self.expected[s.index]
            wanted += len(expect)
            missing = [m for m in expect if not s.tally.count(m)]
            lost += len(missing)
            why.update(self.ledger.get((s.subscription_id, m), "not in the outbox") for m in missing)
            duplicates += sum(max(0, s.tally.count(m) - 1) for m in expect)
            received += s.tally.distinct()
            unexpected += s.tally.distinct() - (len(expect) - len(missing))
            if missing:
                print(
                    f"# soak: subscriber {s.index} ({s.kind}) lost {len(missing)}: {sorted(missing)[:5]}",
                    file=sys.stderr,
                )
        report(BENCH, "webhook_deliveries_expected", wanted, "deliveries", "received (distinct webhook-ids)", received)
        goal("webhook_lost_deliveries", lost, "deliveries")
        for state, n in sorted(why.items()):
            # pending: late (the drain ended first); failed: dead-lettered; succeeded: the outbox says
            # delivered but the receiver never accepted it; not in the outbox: never fanned out.
            print(f"# soak: {n} lost deliveries are '{state}' in the outbox", file=sys.stderr)
            report(BENCH, f"webhook_lost_deliveries_{state.replace(' ', '_')}", n, "deliveries", "goal 0", 0, False)
        report(BENCH, "webhook_duplicate_deliveries", duplicates, "deliveries", "allowed (one webhook-id again)", 0)
        goal("webhook_unexpected_deliveries", unexpected, "deliveries")
        bad = sum(s.bad_signatures for s in self.subscribers)
        goal("webhook_bad_signatures", bad, "requests")
        refused = sum(len(s.refused) for s in self.subscribers)
        requests = sum(s.requests for s in self.subscribers)
        report(BENCH, "webhook_first_attempts_refused_503", refused, "requests", "requests received", requests)
        print(f"# soak: outbox after drain {self.states}", file=sys.stderr)

    def _streams(self) -> None:
        missed = duplicates = unexpected = out_of_order = reconnects = messages = 0
        worst = 0
        for c, want in zip(self.clients, self.sse_wanted, strict=True):
            gone = sum(1 for p in want if not c.tally.count(p))
            missed += gone
            worst = max(worst, gone)
            duplicates += c.duplicates
            unexpected += c.tally.distinct() - (len(want) - gone)
            out_of_order += c.out_of_order
            reconnects += c.reconnects
            messages += c.messages
        refused = sum(sum(c.failures.values()) for c in self.clients)
        expected = sum(len(w) for w in self.sse_wanted)
        report(BENCH, "sse_events_expected", expected, "events", "received", messages)
        goal("sse_missed_events", missed, "events")
        goal("sse_most_missed_by_one_client", worst, "events")
        goal("sse_duplicate_events", duplicates, "events")
        goal("sse_unexpected_events", unexpected, "events")
        goal("sse_out_of_order", out_of_order, "events")
        goal("sse_reconnects", reconnects, "reconnects")
        goal("sse_connects_refused", refused, "responses")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0, help="how long the load runs")
    parser.add_argument("--ingest-rate", type=float, default=1.0, help="POST /articles per second")
    parser.add_argument("--readers", type=int, default=4, help="concurrent read loops")
    parser.add_argument("--read-pause", type=float, default=0.1, help="seconds each reader waits between requests")
    parser.add_argument("--subscribers", type=int, default=50, help="webhook receivers, one subscription each")
    parser.add_argument("--sse", type=int, default=200, help="SSE clients")
    parser.add_argument("--drain", type=float, default=600.0, help="at most this long for the backlog after the load")
    parser.add_argument("--sample-every", type=float, default=0.0, help="RSS sampling period (default a tenth)")
    parser.add_argument("--logs", help="keep the server's stderr in this folder (default: a temporary one)")
    parser.add_argument("--separate-worker", action="store_true", help="serve --no-workers plus conflictdb worker")
    args = parser.parse_args()
    # A SIGTERM (make interrupted, a CI timeout) unwinds like an exception: the server and the
    # embedded PostgreSQL are stopped rather than left running.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    with contextlib.ExitStack() as stack:
        logs = args.logs or stack.enter_context(tempfile.TemporaryDirectory(prefix="conflictdb-soak-"))
        Path(logs).mkdir(parents=True, exist_ok=True)
        url = stack.enter_context(bench_database())
        asyncio.run(soak(url, args, Path(logs)))


if __name__ == "__main__":
    main()
