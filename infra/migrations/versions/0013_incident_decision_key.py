"""One log event can record two linking decisions about one event: a person's correction makes the
old form leave its incident and the new form join one. A decision's key includes its kind.

Revision ID: 0013
Revises: 0012
"""

from infra.migrations.sql import execute_script

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE rm_incident_decisions DROP CONSTRAINT rm_incident_decisions_pkey,
            ADD PRIMARY KEY (global_position, event_id, decision);
        """
    )


def downgrade() -> None:
    execute_script(
        """
        ALTER TABLE rm_incident_decisions DROP CONSTRAINT rm_incident_decisions_pkey,
            ADD PRIMARY KEY (global_position, event_id);
        """
    )
