"""Where webhooks may go: http(s) URLs whose host resolves only to public addresses.

Checked when a subscription is created or changed, and again at every connection: the
guarded network backend resolves the host itself, refuses any non-public address and
connects to the address it checked, so a DNS answer that changes between the check and
the connection (rebinding) cannot reach the loopback, private networks or the cloud
metadata service. `allow_private` (CONFLICTDB_WEBHOOK_ALLOW_PRIVATE) lifts the address
rule for local development and tests; the scheme rule always holds.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from domain.errors import ValidationError
from domain.webhooks import MAX_URL_LENGTH

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class BlockedAddressError(httpcore.ConnectError):
    """The target resolved to an address the SSRF policy refuses."""


def check_url_syntax(url: str) -> tuple[str, int]:
    """(host, port) of an acceptable URL, or a ValidationError saying why not."""
    if len(url) > MAX_URL_LENGTH:
        raise ValidationError(f"url is longer than {MAX_URL_LENGTH} characters")
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        raise ValidationError("url must not contain spaces or control characters (percent-encode them)")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise ValidationError(f"url is not valid: {exc}") from None
    if parts.scheme not in ("http", "https"):
        raise ValidationError("url must use http or https")
    if not parts.hostname:
        raise ValidationError("url must name a host")
    if parts.username is not None or parts.password is not None:
        raise ValidationError("url must not carry credentials")
    _check_host(parts.hostname)
    return parts.hostname, port or (443 if parts.scheme == "https" else 80)


_LABEL = re.compile(r"^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$")


def _check_host(host: str) -> None:
    """An IP literal or a DNS name (IDNA allowed) whose labels are at most 63 characters."""
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    try:
        name = host.encode("idna").decode("ascii").rstrip(".")
    except UnicodeError:
        name = ""
    if not name or len(name) > 253 or not all(_LABEL.match(label) for label in name.split(".")):
        raise ValidationError(f"url host {host[:80]!r} is not a valid host name or IP address")


def is_public(address: IPAddress) -> bool:
    """Globally routable unicast only: no loopback, private, link-local (169.254.169.254,
    the metadata service), shared, multicast, reserved or unspecified addresses. An IPv6
    address that carries an IPv4 one (6to4, Teredo, NAT64, IPv4-mapped or -compatible) is
    judged by what it carries, since a relay or translator delivers it there."""
    embedded = embedded_ipv4(address) if isinstance(address, ipaddress.IPv6Address) else ()
    if embedded:
        return all(_is_public_unicast(v4) for v4 in embedded)
    return _is_public_unicast(address)


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")  # RFC 6052 well-known prefix
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")  # RFC 4291, deprecated


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[ipaddress.IPv4Address, ...]:
    """The IPv4 addresses an IPv6 address embeds (Teredo embeds its server and its client)."""
    if address.ipv4_mapped is not None:
        return (address.ipv4_mapped,)
    if address.sixtofour is not None:
        return (address.sixtofour,)
    if address.teredo is not None:
        return address.teredo
    if address in _NAT64 or address in _IPV4_COMPATIBLE:
        return (ipaddress.IPv4Address(int(address) & 0xFFFFFFFF),)
    return ()


def _is_public_unicast(address: IPAddress) -> bool:
    return address.is_global and not (address.is_multicast or address.is_reserved)


async def resolve(host: str, port: int) -> list[IPAddress]:
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise ValidationError(f"url host {host!r} does not resolve: {exc.strerror}") from None
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


def refused(addresses: Iterable[IPAddress]) -> list[IPAddress]:
    return [a for a in addresses if not is_public(a)]


async def check_url(url: str, *, allow_private: bool) -> None:
    """Raise ValidationError unless `url` is an http(s) URL to a permitted target."""
    host, port = check_url_syntax(url)
    if allow_private:
        return
    bad = refused(await resolve(host, port))
    if bad:
        raise ValidationError(
            f"url host {host!r} resolves to a non-public address ({bad[0]}); refused "
            "(CONFLICTDB_WEBHOOK_ALLOW_PRIVATE=true allows it for local development)"
        )


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves, checks every address, then connects to a checked one (no rebinding gap)."""

    def __init__(self) -> None:
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await resolve(host, port)
        except ValidationError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        bad = refused(addresses)
        if bad or not addresses:
            raise BlockedAddressError(f"{host} resolves to non-public address {bad[0] if bad else '?'}; refused")
        return await self._inner.connect_tcp(
            str(addresses[0]), port, timeout=timeout, local_address=local_address, socket_options=socket_options
        )

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,  # noqa: ASYNC109 (httpcore's interface)
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not webhook targets")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


class _Pool(httpcore.AsyncConnectionPool):
    """httpcore's pool, minus one race (httpcore 1.0.9, encode/httpcore#1110): a pass over the pool
    hands an idle connection to a waiting request, and a later pass (another request ending) closes
    that same connection, still idle, because its keep-alive ran out meanwhile or to make room. The
    close lands after the waiting request has sent on it: the receiver got the webhook, the answer
    is lost (ReadError), and the retry delivers it a second time. bench/soak.py saw it a few times a
    minute with 50 receivers on a loaded machine. A connection a request holds is kept here; the
    request finds out itself if the peer has closed it (a fresh connection, or a failed attempt)."""

    def _assign_requests_to_connections(self) -> list[httpcore.AsyncConnectionInterface]:
        closing = super()._assign_requests_to_connections()
        held = {id(r.connection) for r in self._requests if r.connection is not None}
        for connection in closing:
            if id(connection) in held:
                self._connections.append(connection)
        return [c for c in closing if id(c) not in held]


def http_client(*, allow_private: bool, timeout: float, max_connections: int = 100) -> httpx.AsyncClient:
    """The client every webhook goes through: no redirects, no proxies from the environment,
    and (unless private targets are allowed) the guarded backend."""
    transport = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=max_connections))
    # httpx exposes no backend or pool option; its transport wraps an httpcore pool, replaced here
    # (httpx's own keeps every connection alive for 5 s; the guarded one at most 20 idle ones).
    transport._pool = _Pool(
        ssl_context=httpx.create_ssl_context(),
        max_connections=max_connections,
        max_keepalive_connections=None if allow_private else 20,
        keepalive_expiry=5.0,
        network_backend=None if allow_private else GuardedBackend(),
    )
    return httpx.AsyncClient(transport=transport, timeout=timeout, follow_redirects=False, trust_env=False)
