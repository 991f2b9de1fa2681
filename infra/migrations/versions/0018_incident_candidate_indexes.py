"""The incidents projection's candidate lookup by place: one index per way a member's place can be
compatible with a report's (none, the same name, within a box, in the same country), each with the type.

The lookup (infra.read_models.incidents._CANDIDATES) was one scan of the span index, whose window
(a year for an offensive's campaign) holds most members of every type; it is now a union of branches,
one per term of its place test, each an index probe. A rebuild in progress gets them on its shadow
table too (a new one copies them from the live table).

Revision ID: 0018
Revises: 0017
"""

from infra.migrations.sql import execute_script

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

INDEXES = (
    ("unplaced", "(type) WHERE location_name IS NULL"),
    ("name", "(type, lower(location_name))"),
    ("lat", "(type, lat)"),
    ("country", "(type, country)"),
    ("wide", "(type, country) WHERE place_precision <> 'city'"),
)


def upgrade() -> None:
    statements = []
    for table in ("rm_incident_members", "rm_incident_members_shadow"):
        creates = " ".join(f"CREATE INDEX {table}_{name}_idx ON {table} {columns};" for name, columns in INDEXES)
        statements.append(f"IF to_regclass('{table}') IS NOT NULL THEN {creates} END IF;")
    execute_script("DO $$ BEGIN " + " ".join(statements) + " END $$;")


def downgrade() -> None:
    names = ", ".join(f"{t}_{n}_idx" for t in ("rm_incident_members", "rm_incident_members_shadow") for n, _ in INDEXES)
    execute_script(f"DROP INDEX IF EXISTS {names};")
