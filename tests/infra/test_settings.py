"""Configuration comes from the environment with typed defaults; bad values name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from domain.errors import ConfigurationError
from infra.settings import Settings, data_dir_of, find_data_dir, load_settings


def test_defaults_without_environment() -> None:
    assert load_settings({}) == Settings()


def test_environment_values_are_parsed() -> None:
    settings = load_settings(
        {
            "CONFLICTDB_PORT": "9000",
            "CONFLICTDB_DATA_DIR": "/tmp/x",
            "CONFLICTDB_READ_KEYS_REQUIRED": "true",
            "CONFLICTDB_WEBHOOK_RETRY_SCHEDULE": "1, 2.5",
            "DATABASE_URL": "postgresql://h/db",
        }
    )
    assert settings.port == 9000 and settings.data_dir == Path("/tmp/x") and settings.read_keys_required
    assert settings.webhook_retry_schedule == (1.0, 2.5) and settings.database_url == "postgresql://h/db"


def test_log_format_and_metrics_key_come_from_the_environment() -> None:
    settings = load_settings({"CONFLICTDB_LOG_FORMAT": "JSON", "CONFLICTDB_METRICS_KEY": "k1"})
    assert settings.log_format == "json" and settings.metrics_key == "k1"
    assert load_settings({"CONFLICTDB_METRICS_KEY": ""}).metrics_key is None
    assert Settings().log_format == "text" and Settings().metrics_key is None


def test_command_line_overrides_win() -> None:
    assert load_settings({"CONFLICTDB_PORT": "9000"}, port=9100).port == 9100


@pytest.mark.parametrize(
    ("env", "names"),
    [
        ({"CONFLICTDB_PORT": "eighty"}, "CONFLICTDB_PORT"),
        ({"CONFLICTDB_PORT": "70000"}, "CONFLICTDB_PORT"),
        ({"CONFLICTDB_READ_KEYS_REQUIRED": "maybe"}, "CONFLICTDB_READ_KEYS_REQUIRED"),
        ({"CONFLICTDB_LOG_FORMAT": "xml"}, "CONFLICTDB_LOG_FORMAT"),
    ],
)
def test_bad_values_name_the_variable(env: dict[str, str], names: str) -> None:
    with pytest.raises(ConfigurationError, match=names):
        load_settings(env)


def test_the_data_dir_is_the_nearest_conflictdb_folder_in_this_folder_or_a_parent(tmp_path: Path) -> None:
    project = tmp_path / "project"
    deep = project / "docs" / "notes"
    deep.mkdir(parents=True)
    assert find_data_dir(deep) == deep / ".conflictdb"  # none yet: a new one here
    (project / ".conflictdb").mkdir()
    assert find_data_dir(deep) == project / ".conflictdb"
    assert find_data_dir(project) == project / ".conflictdb"
    (deep / ".conflictdb").write_text("a file, not a data dir")
    assert find_data_dir(deep) == project / ".conflictdb"


def test_a_given_data_dir_wins_over_the_search_and_is_absolute(tmp_path: Path) -> None:
    (tmp_path / ".conflictdb").mkdir()
    given = load_settings({"CONFLICTDB_DATA_DIR": str(tmp_path / "elsewhere")})
    assert data_dir_of(given, cwd=tmp_path) == tmp_path / "elsewhere"
    assert data_dir_of(load_settings({"CONFLICTDB_DATA_DIR": ""}), cwd=tmp_path) == tmp_path / ".conflictdb"
    assert data_dir_of(load_settings({}, data_dir=Path("rel"))).is_absolute()


def test_reads_go_to_the_primary_unless_a_read_url_is_given() -> None:
    assert Settings().database_read_url is None and load_settings({"DATABASE_READ_URL": ""}).database_read_url is None
    given = load_settings({"DATABASE_READ_URL": "postgresql://replica/db", "CONFLICTDB_READY_MAX_REPLICA_LAG": "5"})
    assert given.database_read_url == "postgresql://replica/db" and given.ready_max_replica_lag_s == 5.0
    assert Settings().ready_max_replica_lag_s == 30.0


def test_a_negative_replica_lag_bound_names_its_variable() -> None:
    with pytest.raises(ConfigurationError, match="CONFLICTDB_READY_MAX_REPLICA_LAG"):
        load_settings({"CONFLICTDB_READY_MAX_REPLICA_LAG": "-1"})
