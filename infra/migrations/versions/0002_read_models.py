"""Read models written by the projections (issue 4).

Revision ID: 0002
Revises: 0001

Tables prefixed `rm_` are derived data: they can be dropped and rebuilt from the log.
`rm_conflict_events.body` keeps the event in the API's wire format so reads need no assembly.
"""

from infra.migrations.sql import execute_script

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE rm_articles (
            article_id    uuid        PRIMARY KEY,
            title         text        NOT NULL,
            url           text,
            source        text,
            published_at  text,
            language      text        NOT NULL,
            external_id   text,
            content_hash  text        NOT NULL,
            text          text        NOT NULL,
            event_count   integer     NOT NULL DEFAULT 0,
            global_position bigint    NOT NULL,
            recorded_at   timestamptz NOT NULL
        );
        CREATE INDEX rm_articles_recorded_idx ON rm_articles (global_position);

        CREATE TABLE rm_conflict_events (
            event_id           uuid        PRIMARY KEY,
            article_id         uuid        NOT NULL,
            type               text        NOT NULL,
            occurred_start     date,
            occurred_end       date,
            occurred_precision text,
            location_name      text,
            country            text,
            lat                double precision,
            lon                double precision,
            actor_codes        text[]      NOT NULL DEFAULT '{}',
            killed             integer,
            evidence_text      text        NOT NULL,
            confidence         real        NOT NULL,
            tx_id              bigint      NOT NULL,
            global_position    bigint      NOT NULL,
            recorded_at        timestamptz NOT NULL,
            body               jsonb       NOT NULL,
            search             tsvector GENERATED ALWAYS AS (
                to_tsvector('german', evidence_text) || to_tsvector('english', evidence_text)
            ) STORED
        );
        CREATE INDEX rm_conflict_events_type_idx ON rm_conflict_events (type);
        CREATE INDEX rm_conflict_events_actors_idx ON rm_conflict_events USING gin (actor_codes);
        CREATE INDEX rm_conflict_events_country_idx ON rm_conflict_events (country);
        CREATE INDEX rm_conflict_events_occurred_idx ON rm_conflict_events (occurred_start, event_id);
        CREATE INDEX rm_conflict_events_article_idx ON rm_conflict_events (article_id);
        CREATE INDEX rm_conflict_events_search_idx ON rm_conflict_events USING gin (search);
        CREATE INDEX rm_conflict_events_lonlat_idx ON rm_conflict_events (lon, lat) WHERE lon IS NOT NULL;

        CREATE TABLE rm_actors (
            code          text        PRIMARY KEY,
            names         text[]      NOT NULL DEFAULT '{}',
            event_count   integer     NOT NULL DEFAULT 0,
            first_seen    date,
            last_seen     date
        );

        CREATE TABLE rm_places (
            name          text        NOT NULL,
            country       text        NOT NULL DEFAULT '',
            lat           double precision,
            lon           double precision,
            precision     text,
            event_count   integer     NOT NULL DEFAULT 0,
            first_seen    date,
            last_seen     date,
            PRIMARY KEY (name, country)
        );

        CREATE INDEX rm_actors_count_idx ON rm_actors (event_count DESC, code);
        CREATE INDEX rm_places_count_idx ON rm_places (event_count DESC, name, country);

        -- Per-key detail behind rm_actors / rm_places, so a retraction can take back a name
        -- or a day exactly (names, first_seen and last_seen are recomputed from these).
        CREATE TABLE rm_actor_names (
            code          text        NOT NULL,
            name          text        NOT NULL,
            event_count   integer     NOT NULL,
            PRIMARY KEY (code, name)
        );
        CREATE TABLE rm_actor_days (
            code          text        NOT NULL,
            day           date        NOT NULL,
            event_count   integer     NOT NULL,
            PRIMARY KEY (code, day)
        );
        CREATE TABLE rm_place_days (
            name          text        NOT NULL,
            country       text        NOT NULL,
            day           date        NOT NULL,
            event_count   integer     NOT NULL,
            PRIMARY KEY (name, country, day)
        );

        CREATE TABLE rm_timeline (
            type          text        NOT NULL,
            day           date        NOT NULL,
            event_count   integer     NOT NULL DEFAULT 0,
            PRIMARY KEY (type, day)
        );
        CREATE INDEX rm_timeline_day_idx ON rm_timeline (day);
        """
    )


def downgrade() -> None:
    execute_script(
        """DROP TABLE rm_timeline, rm_place_days, rm_actor_days, rm_actor_names, rm_places, rm_actors,
                      rm_conflict_events, rm_articles;"""
    )
