"""Event store: streams, the append-only events log, checkpoints.

Revision ID: 0001
Revises:
"""

from infra.migrations.sql import execute_script

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE streams (
            stream_id   text        PRIMARY KEY,
            category    text        NOT NULL,
            version     bigint      NOT NULL DEFAULT 0 CHECK (version >= 0),
            created_at  timestamptz NOT NULL DEFAULT now(),
            updated_at  timestamptz NOT NULL DEFAULT now()
        );

        -- tx_id orders the feed: readers only read below the oldest running
        -- transaction (pg_snapshot_xmin), so an event that commits late is never skipped.
        CREATE TABLE events (
            global_position bigint      GENERATED ALWAYS AS IDENTITY,
            tx_id           xid8        NOT NULL DEFAULT pg_current_xact_id(),
            event_id        uuid        NOT NULL,
            stream_id       text        NOT NULL,  -- streams row guaranteed by the append CAS
            category        text        NOT NULL,
            stream_version  bigint      NOT NULL CHECK (stream_version >= 1),
            event_type      text        NOT NULL,
            schema_version  smallint    NOT NULL DEFAULT 1,
            data            jsonb       NOT NULL,
            metadata        jsonb       NOT NULL DEFAULT '{}'::jsonb,
            recorded_at     timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT events_stream_version_uq UNIQUE (stream_id, stream_version),
            CONSTRAINT events_event_id_uq UNIQUE (event_id),
            -- the feed's order is the key: one index serves both identity and paging
            CONSTRAINT events_pkey PRIMARY KEY (tx_id, global_position)
        );

        CREATE FUNCTION events_forbid_mutation() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION 'events is append-only: % is not allowed', TG_OP
                USING ERRCODE = 'feature_not_supported';
        END $$;
        CREATE TRIGGER events_append_only
            BEFORE UPDATE OR DELETE OR TRUNCATE ON events
            FOR EACH STATEMENT EXECUTE FUNCTION events_forbid_mutation();

        CREATE TABLE checkpoints (
            subscriber      text        PRIMARY KEY,
            tx_id           xid8        NOT NULL DEFAULT '0',
            global_position bigint      NOT NULL DEFAULT 0,
            updated_at      timestamptz NOT NULL DEFAULT now(),
            last_error      text
        );
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP TABLE checkpoints;
        DROP TABLE events;
        DROP FUNCTION events_forbid_mutation();
        DROP TABLE streams;
        """
    )
