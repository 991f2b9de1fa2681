"""HTTP resources, one module each. ROUTE_HANDLERS is what the app mounts."""

from __future__ import annotations

from typing import Any

from api.routes import events, health, projections

ROUTE_HANDLERS: list[Any] = [health.health, health.ready, *events.ROUTES, *projections.ROUTES]
