"""How an article's language was decided: given by the submitter, or detected (with the
detector's confidence). Rows from before detection existed were all given.

Revision ID: 0006
Revises: 0005
"""

from infra.migrations.sql import execute_script

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE rm_articles
            ADD COLUMN language_method text NOT NULL DEFAULT 'given',
            ADD COLUMN language_confidence double precision;
        """
    )


def downgrade() -> None:
    execute_script("ALTER TABLE rm_articles DROP COLUMN language_confidence, DROP COLUMN language_method;")
