"""Least privilege: a role for the running service, apart from the owner that migrates.

`conflictdb_service` (NOLOGIN: grant it to the service's login role, or `SET ROLE` to it) may
read everything, write the read models, checkpoints, outbox and keys, but may only INSERT into
`events`, and only the columns a writer supplies: `global_position`, `tx_id` and `recorded_at`
come from the database, so an event cannot be back-dated or slipped below a reader's position,
and UPDATE, DELETE and TRUNCATE are refused by the privileges before the trigger is reached
(a superuser could disable the trigger; this role cannot). It may also read every session's
activity, which the feed-stall report needs (pg_read_all_stats), when the migrating role may
grant that.

Revision ID: 0010
Revises: 0009
"""

from infra.migrations.sql import execute_script

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ROLE = "conflictdb_service"


def upgrade() -> None:
    execute_script(
        f"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ROLE}') THEN
                CREATE ROLE {ROLE} NOLOGIN;
            END IF;
        END $$;
        GRANT USAGE ON SCHEMA public TO {ROLE};
        GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ROLE};
        GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ROLE};
        REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON events FROM {ROLE};
        GRANT INSERT (event_id, stream_id, category, stream_version, event_type, schema_version, data, metadata)
            ON events TO {ROLE};
        REVOKE UPDATE, DELETE, TRUNCATE ON alembic_version FROM {ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO {ROLE};
        DO $$ BEGIN
            GRANT pg_read_all_stats TO {ROLE};
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'cannot grant pg_read_all_stats to {ROLE}: the feed-stall report sees only its own sessions';
        END $$;
        """
    )


def downgrade() -> None:
    execute_script(
        f"""
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON TABLES FROM {ROLE};
        ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE ALL ON SEQUENCES FROM {ROLE};
        REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {ROLE};
        REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {ROLE};
        REVOKE ALL ON SCHEMA public FROM {ROLE};
        """
    )
