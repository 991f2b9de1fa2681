"""Webhooks: subscriptions, the fan-out follower, the dispatcher and the SSRF policy."""
