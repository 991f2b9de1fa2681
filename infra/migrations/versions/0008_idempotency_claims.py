"""Idempotency keys are claimed before the work: a row without a reply is a claim, held by
`claim_token` until `claimed_until` (a lease, so a request that crashed mid-way does not hold
its key forever); the reply fills `status` and `response` and ends the claim.

Revision ID: 0008
Revises: 0007
"""

from infra.migrations.sql import execute_script

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE idempotency_keys
            ALTER COLUMN status DROP NOT NULL,
            ALTER COLUMN response DROP NOT NULL,
            ADD COLUMN claim_token uuid,
            ADD COLUMN claimed_until timestamptz,
            ADD CONSTRAINT idempotency_keys_reply_or_claim CHECK (
                (status IS NOT NULL AND response IS NOT NULL AND claim_token IS NULL)
                OR (status IS NULL AND response IS NULL AND claim_token IS NOT NULL AND claimed_until IS NOT NULL)
            );
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DELETE FROM idempotency_keys WHERE status IS NULL;
        ALTER TABLE idempotency_keys
            DROP CONSTRAINT idempotency_keys_reply_or_claim,
            DROP COLUMN claimed_until,
            DROP COLUMN claim_token,
            ALTER COLUMN status SET NOT NULL,
            ALTER COLUMN response SET NOT NULL;
        """
    )
