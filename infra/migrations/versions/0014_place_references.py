"""`/places` carries each place's GeoNames id and first-level administrative division (admin1, GeoNames'
key such as `SY.09`), from the gazetteer's reference data; `/places?admin1=` filters on it.

The columns are derived like the rest of the read model, so a store that already has places asks
for a rebuild of the places projection (shadow tables from position 0, swapped in when caught up, as
`POST /projections/places/rebuild` does): until then `/places` answers as before, ids empty.

Revision ID: 0014
Revises: 0013
"""

from infra.migrations.sql import execute_script

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    execute_script(
        """
        ALTER TABLE rm_places ADD COLUMN geonameid bigint, ADD COLUMN admin1 text;
        CREATE INDEX rm_places_admin1_idx ON rm_places (admin1, event_count DESC, name, country)
            WHERE admin1 IS NOT NULL;
        DO $$
        BEGIN
            IF EXISTS (SELECT 1 FROM rm_places) THEN
                DROP TABLE IF EXISTS rm_places_shadow, rm_place_days_shadow;
                CREATE TABLE rm_places_shadow (LIKE rm_places INCLUDING ALL);
                CREATE TABLE rm_place_days_shadow (LIKE rm_place_days INCLUDING ALL);
                INSERT INTO checkpoints (subscriber) VALUES ('rebuild:places')
                    ON CONFLICT (subscriber) DO UPDATE
                    SET tx_id = '0', global_position = 0, updated_at = now(), last_error = NULL;
            END IF;
        END $$;
        """
    )


def downgrade() -> None:
    execute_script(
        """
        DELETE FROM checkpoints WHERE subscriber = 'rebuild:places';
        DROP TABLE IF EXISTS rm_places_shadow, rm_place_days_shadow;
        ALTER TABLE rm_places DROP COLUMN geonameid, DROP COLUMN admin1;
        """
    )
