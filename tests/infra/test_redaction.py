"""Credentials never reach a log line: URLs lose user info and query, secret shapes are masked."""

from __future__ import annotations

from infra.redaction import redact_url, scrub


def test_urls_lose_their_credentials_and_query() -> None:
    assert (
        redact_url("https://user:pw@hooks.example.org:8443/in?token=abc#x")
        == "https://***@hooks.example.org:8443/in?***"
    )
    assert redact_url("https://hooks.example.org/in") == "https://hooks.example.org/in"


def test_secret_shapes_are_masked_in_free_text() -> None:
    text = (
        "Authorization: Bearer cdb_abc-DEF_123 and whsec_c2VjcmV0 at "
        "http://u:p@h.example/x?api_key=1&page=2&signature=zz"
    )
    cleaned = scrub(text)
    for secret in ("cdb_abc-DEF_123", "c2VjcmV0", "u:p@", "api_key=1", "signature=zz"):
        assert secret not in cleaned
    assert "page=2" in cleaned and "Bearer ***" in cleaned


def test_text_without_secrets_is_unchanged() -> None:
    text = "GET /events/3f1c 200 1.25 ms from 127.0.0.1"
    assert scrub(text) == text
