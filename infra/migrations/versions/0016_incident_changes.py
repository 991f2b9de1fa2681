"""Incident changes pushed to subscribers (issue 14): the incidents read model records each change
(created, corroborated, updated, merged, closed) as a row keyed by the log position that caused it,
and the webhook outbox carries such a change's body itself.

- rm_incident_changes: derived like every `rm_` table (rebuilt with the incidents projection);
  (tx_id, global_position, seq) orders it as the log orders the events that caused the changes;
- wh_deliveries.payload: the signed body of a delivery that is no log event (an incident change),
  copied at fan-out so a rebuild of the read model never changes what an outbox row sends;
- checkpoint `incident-fanout`: the follower that enqueues incident changes for subscriptions,
  starting where the incidents projection stands now (history is not sent to anyone).

A store that already has incidents asks for a rebuild of the incidents projection (shadow tables
from position 0, swapped in when caught up), so the changes of the incidents it holds are there too.

Revision ID: 0016
Revises: 0014
"""

from infra.migrations.sql import execute_script

revision = "0016"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE rm_incident_changes (
            tx_id              bigint      NOT NULL,
            global_position    bigint      NOT NULL,
            seq                integer     NOT NULL,
            change_id          uuid        NOT NULL,
            change_type        text        NOT NULL,
            incident_id        uuid        NOT NULL,
            body               jsonb       NOT NULL,
            PRIMARY KEY (tx_id, global_position, seq)
        );
        CREATE INDEX rm_incident_changes_incident_idx ON rm_incident_changes (incident_id, tx_id, global_position);

        ALTER TABLE wh_deliveries ADD COLUMN payload text;

        INSERT INTO checkpoints (subscriber, tx_id, global_position)
        SELECT 'incident-fanout', tx_id, global_position FROM checkpoints WHERE subscriber = 'projection:incidents'
        ON CONFLICT (subscriber) DO NOTHING;
        INSERT INTO checkpoints (subscriber) VALUES ('incident-fanout') ON CONFLICT (subscriber) DO NOTHING;

        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM rm_incidents) THEN
                DROP TABLE IF EXISTS rm_incidents_shadow, rm_incident_members_shadow, rm_incident_decisions_shadow,
                    rm_incident_articles_shadow, rm_incident_changes_shadow;
                CREATE TABLE rm_incidents_shadow (LIKE rm_incidents INCLUDING ALL);
                CREATE TABLE rm_incident_members_shadow (LIKE rm_incident_members INCLUDING ALL);
                CREATE TABLE rm_incident_decisions_shadow (LIKE rm_incident_decisions INCLUDING ALL);
                CREATE TABLE rm_incident_articles_shadow (LIKE rm_incident_articles INCLUDING ALL);
                CREATE TABLE rm_incident_changes_shadow (LIKE rm_incident_changes INCLUDING ALL);
                INSERT INTO checkpoints (subscriber) VALUES ('rebuild:incidents')
                    ON CONFLICT (subscriber) DO UPDATE
                    SET tx_id = '0', global_position = 0, updated_at = now(), last_error = NULL;
            END IF;
        END $$;
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DELETE FROM checkpoints WHERE subscriber IN ('incident-fanout', 'rebuild:incidents');
        DROP TABLE IF EXISTS rm_incidents_shadow, rm_incident_members_shadow, rm_incident_decisions_shadow,
            rm_incident_articles_shadow, rm_incident_changes_shadow;
        DELETE FROM wh_deliveries WHERE payload IS NOT NULL;
        ALTER TABLE wh_deliveries DROP COLUMN payload;
        DROP TABLE rm_incident_changes;
        """
    )
