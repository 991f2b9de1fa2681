"""Which EventRetracted actually withdraws a live event (so counts are decremented exactly once).

A retraction is effective when its target is a conflict event of the same stream,
written earlier, and no earlier retraction in that stream already withdrew it.
Everything needed is in the immutable log, so a rebuild decides exactly as the live run did.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable


def is_effective(
    *,
    stream_id: str,
    version: int,
    target_stream_id: str | None,
    target_version: int | None,
    target_is_conflict: bool,
    earlier_retractions: Iterable[tuple[int, uuid.UUID]],
    target_id: uuid.UUID,
) -> bool:
    """`earlier_retractions`: (stream_version, retracted_event_id) of the stream's retractions."""
    if target_stream_id != stream_id or target_version is None or not target_is_conflict:
        return False
    if target_version >= version:
        return False
    return not any(v < version and rid == target_id for v, rid in earlier_retractions)
