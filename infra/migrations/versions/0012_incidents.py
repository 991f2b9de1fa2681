"""The incidents read model (issue 14): events of different articles linked into incidents.

Revision ID: 0012
Revises: 0011

Derived data like every `rm_` table: dropped and rebuilt from the log gives the same rows.
- rm_incidents: one row per incident, its aggregate as columns to filter and sort on, and `body`
  (domain.incidents.projection.IncidentView) to serve;
- rm_incident_members: which incident each live event is in, with the report linking re-reads
  and the columns the candidate lookup filters on (type, span, place);
- rm_incident_decisions: every linking decision with its rule and reason, in log order;
- rm_incident_articles: each article's outlet and publication day, as linking reads them.
"""

from infra.migrations.sql import execute_script

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE rm_incidents (
            incident_id        uuid        PRIMARY KEY,
            type               text        NOT NULL,
            opened_at          bigint      NOT NULL,
            occurred_start     date,
            occurred_end       date,
            location_name      text,
            country            text,
            lat                double precision,
            lon                double precision,
            actor_codes        text[]      NOT NULL DEFAULT '{}',
            killed_low         integer,
            killed_best        integer,
            killed_high        integer,
            article_count      integer     NOT NULL,
            outlet_count       integer     NOT NULL,
            first_reported     date,
            last_reported      date,
            confidence         real        NOT NULL,
            updated_at         bigint      NOT NULL,
            body               jsonb       NOT NULL
        );
        CREATE INDEX rm_incidents_type_idx ON rm_incidents (type);
        CREATE INDEX rm_incidents_country_idx ON rm_incidents (country);
        CREATE INDEX rm_incidents_actors_idx ON rm_incidents USING gin (actor_codes);
        CREATE INDEX rm_incidents_occurred_idx ON rm_incidents (occurred_start, incident_id);

        CREATE TABLE rm_incident_members (
            event_id           uuid        PRIMARY KEY,
            incident_id        uuid        NOT NULL,
            article_id         uuid        NOT NULL,
            type               text        NOT NULL,
            global_position    bigint      NOT NULL,
            span_start         date,
            span_end           date,
            location_name      text,
            country            text,
            lat                double precision,
            lon                double precision,
            place_precision    text,
            rule               text        NOT NULL,
            report             jsonb       NOT NULL
        );
        CREATE INDEX rm_incident_members_incident_idx ON rm_incident_members (incident_id, global_position);
        -- the candidate lookup: spans overlapping a window (an unknown span is unbounded: it overlaps all)
        CREATE INDEX rm_incident_members_span_idx ON rm_incident_members
            USING gist (daterange(span_start, span_end, '[]'));

        CREATE TABLE rm_incident_decisions (
            global_position    bigint      NOT NULL,
            event_id           uuid        NOT NULL,
            decision           text        NOT NULL,
            incident_id        uuid        NOT NULL,
            rule               text,
            reason             text        NOT NULL,
            body               jsonb       NOT NULL,
            PRIMARY KEY (global_position, event_id)
        );
        CREATE INDEX rm_incident_decisions_incident_idx ON rm_incident_decisions (incident_id, global_position);

        CREATE TABLE rm_incident_articles (
            article_id         uuid        PRIMARY KEY,
            outlet             text        NOT NULL,
            published          date
        );
        """
    )


def downgrade() -> None:
    execute_script("DROP TABLE rm_incident_articles, rm_incident_decisions, rm_incident_members, rm_incidents;")
