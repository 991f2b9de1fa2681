"""docker-compose.yml cannot run here; check it agrees with the settings the app reads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from api.cli import build_parser
from infra.settings import _ENV, load_settings

REPO = Path(__file__).resolve().parent.parent


def compose() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text())
    return loaded


def test_services_are_db_api_and_worker() -> None:
    services = compose()["services"]
    assert set(services) == {"db", "api", "worker"}
    assert services["db"]["image"].startswith("postgres:16")
    assert "healthcheck" in services["db"] and "pgdata" in compose()["volumes"]


def test_app_services_wait_for_a_healthy_db_and_point_at_it() -> None:
    services = compose()["services"]
    db_env = services["db"]["environment"]
    for name in ("api", "worker"):
        service = services[name]
        assert service["depends_on"]["db"]["condition"] == "service_healthy"
        url = service["environment"]["DATABASE_URL"]
        assert url == (
            f"postgresql://{db_env['POSTGRES_USER']}:{db_env['POSTGRES_PASSWORD']}@db:5432/{db_env['POSTGRES_DB']}"
        )


def test_every_variable_is_one_the_app_reads_and_parses() -> None:
    for service in ("api", "worker"):
        env = {k: str(v) for k, v in compose()["services"][service]["environment"].items()}
        assert set(env) <= set(_ENV), set(env) - set(_ENV)
        load_settings(env)


def test_published_port_matches_the_configured_port() -> None:
    api = compose()["services"]["api"]
    settings = load_settings({k: str(v) for k, v in api["environment"].items()})
    assert api["ports"] == [f"{settings.port}:{settings.port}"]
    assert str(settings.port) in api["command"]


def test_commands_are_real_cli_subcommands() -> None:
    parser = build_parser()
    for service in ("api", "worker"):
        command = compose()["services"][service]["command"]
        assert command[0] == "conflictdb"
        parser.parse_args(command[1:])
