"""Versioned reads: every form of each extracted event with the log positions it held between
(`valid_from` inclusive, `valid_to` exclusive, NULL while current), and named releases.

`GET /events?as_of=<position>` and `?release=<name>` read the versions open at that position;
`?changed_since=<position>` reads the versions opened or closed after it. Releases themselves are
events (`ReleaseCreated` in the stream `release-<name>`), so they need no table.

Revision ID: 0009
Revises: 0008
"""

from infra.migrations.sql import execute_script

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE rm_event_versions (
            LIKE rm_conflict_events INCLUDING DEFAULTS INCLUDING GENERATED INCLUDING CONSTRAINTS,
            valid_from_tx  bigint NOT NULL,
            valid_from_pos bigint NOT NULL,
            valid_to_tx    bigint,
            valid_to_pos   bigint,
            PRIMARY KEY (event_id, valid_from_tx, valid_from_pos)
        );
        CREATE UNIQUE INDEX rm_event_versions_current_uq ON rm_event_versions (event_id) WHERE valid_to_tx IS NULL;
        CREATE INDEX rm_event_versions_log_order_idx ON rm_event_versions (tx_id, global_position);
        CREATE INDEX rm_event_versions_from_idx ON rm_event_versions (valid_from_tx, valid_from_pos);
        CREATE INDEX rm_event_versions_to_idx ON rm_event_versions (valid_to_tx, valid_to_pos)
            WHERE valid_to_tx IS NOT NULL;
        """
    )


def downgrade() -> None:
    execute_script("DROP TABLE rm_event_versions;")
