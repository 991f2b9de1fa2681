"""Webhook subscriptions, delivery outbox and attempt log (issue 5).

Revision ID: 0004
Revises: 0003

`wh_subscriptions` is the state table beside the `subscription-<id>` event streams (it
also holds the signing secrets, which never enter the log). `wh_deliveries` is the
outbox: one row per (subscription, event, generation); generation 0 comes from the
fan-out follower, replays use fresh generations so history can be re-sent while the
webhook-id (from event_id) stays the same. `wh_attempts` logs every HTTP attempt.
"""

from infra.migrations.sql import execute_script

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE wh_subscriptions (
            subscription_id  uuid        PRIMARY KEY,
            url              text        NOT NULL,
            secrets          text[]      NOT NULL,  -- [0] signs; the rest until grace_until
            grace_until      timestamptz,
            event_types      text[],                -- NULL: the four conflict types
            filter           jsonb,
            description      text,
            paused           boolean     NOT NULL DEFAULT false,
            disabled_at      timestamptz,
            disabled_reason  text,
            first_failure_at timestamptz,           -- circuit-breaker clock, cleared on success
            created_tx_id    bigint      NOT NULL,  -- log position of SubscriptionCreated:
            created_position bigint      NOT NULL,  -- only later events are fanned out to it
            replay_generation integer    NOT NULL DEFAULT 0,
            created_at       timestamptz NOT NULL DEFAULT now(),
            updated_at       timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE wh_deliveries (
            delivery_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscription_id  uuid        NOT NULL REFERENCES wh_subscriptions ON DELETE CASCADE,
            event_id         uuid        NOT NULL,
            event_type       text        NOT NULL,
            tx_id            bigint      NOT NULL,
            global_position  bigint      NOT NULL,
            generation       integer     NOT NULL DEFAULT 0,
            status           text        NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled')),
            attempt_count    integer     NOT NULL DEFAULT 0,
            schedule_step    integer     NOT NULL DEFAULT 0,   -- failed attempts since (re)start
            next_attempt_at  timestamptz NOT NULL DEFAULT now(),
            lease_id         uuid,                             -- fences a stale dispatcher's outcome
            manual           boolean     NOT NULL DEFAULT false,
            last_attempt_at  timestamptz,
            last_status_code integer,
            last_error       text,
            delivered_at     timestamptz,
            created_at       timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT wh_deliveries_once_uq UNIQUE (subscription_id, event_id, generation)
        );
        CREATE INDEX wh_deliveries_due_idx ON wh_deliveries (next_attempt_at) WHERE status = 'pending';
        CREATE INDEX wh_deliveries_subscription_idx ON wh_deliveries (subscription_id, delivery_id DESC);

        CREATE TABLE wh_attempts (
            attempt_id       bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            delivery_id      bigint      NOT NULL REFERENCES wh_deliveries ON DELETE CASCADE,
            attempted_at     timestamptz NOT NULL DEFAULT now(),
            trigger          text        NOT NULL CHECK (trigger IN ('scheduled', 'manual')),
            status_code      integer,
            duration_ms      integer     NOT NULL,
            response_excerpt text,                 -- at most 20,000 bytes
            error            text
        );
        CREATE INDEX wh_attempts_delivery_idx ON wh_attempts (delivery_id, attempt_id);

        INSERT INTO checkpoints (subscriber) VALUES ('webhook-fanout') ON CONFLICT DO NOTHING;
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DROP TABLE wh_attempts, wh_deliveries, wh_subscriptions;
        DELETE FROM checkpoints WHERE subscriber = 'webhook-fanout';
        """
    )
