"""Deliveries in order per lane (issue 9): each outbox row names its lane, the stream whose order a
receiver relies on (an article's stream for log events, `incident-<id>` for incident changes).
A dispatcher claims a delivery only when no earlier pending delivery of the same subscription and lane
is in flight or waiting for a retry, so several dispatch loops (and processes) never overtake one
another within a lane: a subscriber gets an event before its retraction.

The partial index keeps that check an index probe however long the backlog is.

Revision ID: 0017
Revises: 0016
"""

from infra.migrations.sql import execute_script

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE wh_deliveries ADD COLUMN lane text;
        UPDATE wh_deliveries d SET lane = e.stream_id FROM events e
            WHERE d.payload IS NULL AND e.event_id = d.event_id AND d.status = 'pending';
        UPDATE wh_deliveries SET lane = 'incident-' || (payload::jsonb ->> 'incident_id')
            WHERE payload IS NOT NULL AND status = 'pending';
        CREATE INDEX wh_deliveries_lane_idx ON wh_deliveries (subscription_id, lane, delivery_id)
            WHERE status = 'pending';
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP INDEX wh_deliveries_lane_idx;
        ALTER TABLE wh_deliveries DROP COLUMN lane;
        """
    )
