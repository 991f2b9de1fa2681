"""Article de-duplication keys, idempotency keys and API keys (issue 4).

Revision ID: 0003
Revises: 0002

`article_keys` makes "the same article" a database fact: one row per
(kind, value) — external id, URL, text hash — so two concurrent submissions of one
article cannot both commit. `idempotency_keys` remembers the reply to a request sent
with an `Idempotency-Key` header. `api_keys` stores only the SHA-256 of each key.
"""

from infra.migrations.sql import execute_script

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        CREATE TABLE article_keys (
            kind        text        NOT NULL CHECK (kind IN ('external_id', 'url', 'content_hash')),
            value       text        NOT NULL,
            article_id  uuid        NOT NULL,
            created_at  timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT article_keys_pk PRIMARY KEY (kind, value)
        );
        CREATE INDEX article_keys_article_idx ON article_keys (article_id);

        CREATE TABLE idempotency_keys (
            owner         text        NOT NULL,
            key           text        NOT NULL,
            request_hash  text        NOT NULL,
            status        smallint    NOT NULL,
            response      jsonb       NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT idempotency_keys_pk PRIMARY KEY (owner, key)
        );

        CREATE TABLE api_keys (
            key_id      uuid        PRIMARY KEY,
            name        text        NOT NULL,
            prefix      text        NOT NULL,
            key_hash    text        NOT NULL,
            scopes      text[]      NOT NULL CHECK (scopes <@ ARRAY['read', 'ingest', 'admin']::text[]),
            created_at  timestamptz NOT NULL DEFAULT now(),
            revoked_at  timestamptz,
            CONSTRAINT api_keys_hash_uq UNIQUE (key_hash)
        );
        """
    )


def downgrade() -> None:
    execute_script("DROP TABLE api_keys, idempotency_keys, article_keys;")
