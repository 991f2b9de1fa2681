"""Human review on the conflict_events read model: each row's review status (unreviewed,
confirmed, corrected, rejected) and whether a re-extraction disagrees with the decision.
Rejected rows stay (marked) so `include_rejected=true` can show them. API keys gain the
`review` scope.

Revision ID: 0007
Revises: 0006
"""

from infra.migrations.sql import execute_script

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE rm_conflict_events
            ADD COLUMN review_status text NOT NULL DEFAULT 'unreviewed'
                CHECK (review_status IN ('unreviewed', 'confirmed', 'corrected', 'rejected')),
            ADD COLUMN needs_rereview boolean NOT NULL DEFAULT false;
        CREATE INDEX rm_conflict_events_review_idx ON rm_conflict_events (review_status)
            WHERE review_status <> 'unreviewed' OR needs_rereview;
        ALTER TABLE api_keys
            DROP CONSTRAINT api_keys_scopes_check,
            ADD CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['read', 'ingest', 'review', 'admin']::text[]);
        """
    )


def downgrade() -> None:
    execute_script(
        """
        ALTER TABLE api_keys
            DROP CONSTRAINT api_keys_scopes_check,
            ADD CONSTRAINT api_keys_scopes_check CHECK (scopes <@ ARRAY['read', 'ingest', 'admin']::text[]);
        DROP INDEX rm_conflict_events_review_idx;
        ALTER TABLE rm_conflict_events DROP COLUMN needs_rereview, DROP COLUMN review_status;
        """
    )
