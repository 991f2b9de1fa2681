"""The webhook client's connection pool never closes a connection a waiting request holds.

httpcore 1.0.9 (encode/httpcore#1110): one pass over the pool hands an idle kept-alive connection
to a waiting request; before that request starts, another pass (a response ending elsewhere) finds
the connection still idle, its keep-alive run out, and closes it, in an await that can land after
the request has sent on it. The receiver got the webhook, the dispatcher sees a ReadError and the
retry delivers it twice. bench/soak.py (50 receivers, a loaded machine) saw it a few times a minute.
"""

from __future__ import annotations

import httpcore
from httpcore._async.connection_pool import AsyncPoolRequest

from infra.webhooks.ssrf import http_client


class Expired:
    """A kept-alive connection, idle, whose keep-alive has run out."""

    def is_closed(self) -> bool:
        return False

    def has_expired(self) -> bool:
        return True

    def is_idle(self) -> bool:
        return True

    def is_available(self) -> bool:
        return True

    def can_handle_request(self, origin: httpcore.Origin) -> bool:
        return True


async def test_an_expired_connection_a_request_holds_is_kept_and_the_others_closed() -> None:
    for allow_private in (True, False):
        async with http_client(allow_private=allow_private, timeout=1) as client:
            pool = client._transport._pool
            held, spare = Expired(), Expired()
            pool._connections.extend([held, spare])
            waiting = AsyncPoolRequest(httpcore.Request("POST", "http://127.0.0.1:9/hook"))
            waiting.assign_to_connection(held)
            pool._requests.append(waiting)
            assert pool._assign_requests_to_connections() == [spare]
            assert pool._connections == [held]
            pool._requests.remove(waiting)
            pool._connections.clear()
