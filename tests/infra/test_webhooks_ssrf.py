"""The SSRF guard: IPv6 forms that carry an IPv4 address are judged by the address they carry,
when a subscription is created and again when the dispatcher connects."""

from __future__ import annotations

import ipaddress

import asyncpg
import pytest

from domain.errors import ValidationError
from infra.event_store import EventStore
from infra.webhooks import subscriptions
from infra.webhooks.dispatcher import dispatch_once
from infra.webhooks.fanout import ensure_checkpoint, fanout_once
from infra.webhooks.ssrf import BlockedAddressError, GuardedBackend, check_url, http_client, is_public
from tests.infra.test_webhooks_delivery import append, delivery_rows, settings, talks

# Each embeds 127.0.0.1, 10.0.0.1, 192.168.1.1 or 169.254.169.254 (the metadata service).
EMBEDDING_PRIVATE = [
    "2002:7f00:1::1",  # 6to4 of 127.0.0.1
    "2002:a00:1::",  # 6to4 of 10.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of 169.254.169.254
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "2001:0:a00:1::1",  # Teredo, server 10.0.0.1
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "::ffff:10.0.0.1",  # IPv4-mapped
    "::ffff:169.254.169.254",
    "::127.0.0.1",  # IPv4-compatible
    "::c0a8:101",  # IPv4-compatible 192.168.1.1
]
EMBEDDING_PUBLIC = ["2002:808:808::1", "64:ff9b::808:808", "::ffff:8.8.8.8", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"]


@pytest.mark.parametrize("address", EMBEDDING_PRIVATE)
def test_ipv6_forms_embedding_a_private_ipv4_are_not_public(address: str) -> None:
    assert not is_public(ipaddress.IPv6Address(address))


@pytest.mark.parametrize("address", EMBEDDING_PUBLIC)
def test_ipv6_forms_embedding_a_public_ipv4_are_judged_by_it(address: str) -> None:
    assert is_public(ipaddress.IPv6Address(address))


@pytest.mark.parametrize("address", EMBEDDING_PRIVATE)
async def test_check_url_refuses_ipv6_literals_embedding_a_private_ipv4(address: str) -> None:
    with pytest.raises(ValidationError, match="non-public"):
        await check_url(f"http://[{address}]/hook", allow_private=False)


@pytest.mark.parametrize("address", ["2002:7f00:1::1", "64:ff9b::a9fe:a9fe", "2001:0:4136:e378:8000:63bf:80ff:fffe"])
async def test_the_guarded_backend_refuses_to_connect_to_embedded_private_targets(address: str) -> None:
    with pytest.raises(BlockedAddressError):
        await GuardedBackend().connect_tcp(address, 80, timeout=1)


async def test_a_6to4_target_stored_earlier_is_refused_at_send_time(pool: asyncpg.Pool, store: EventStore) -> None:
    await subscriptions.create(pool, url="http://[2002:7f00:1::1]:9/hook", allow_private=True)
    await append(store, talks())
    await ensure_checkpoint(pool)
    await fanout_once(pool)
    async with http_client(allow_private=False, timeout=2) as client:
        await dispatch_once(pool, client, settings(webhook_allow_private=False))
    [row] = await delivery_rows(pool)
    assert "non-public" in row["last_error"]
