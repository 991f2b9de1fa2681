"""docker-compose.yml and the Dockerfile cannot run here (no engine): check they agree with the
settings the app reads, the lock files and what an operator expects (restarts, health, no root);
`docker compose config` validates the compose file where a compose client works."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
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
    image_command = yaml.safe_load(instructions("CMD")[0])
    assert image_command[0] == "conflictdb"
    parser.parse_args(image_command[1:])


def stages() -> list[list[tuple[str, str]]]:
    """The Dockerfile's stages, each its instructions as (INSTRUCTION, arguments), continuation
    lines joined; each stage starts with its FROM."""
    text = re.sub(r"\\\n", " ", (REPO / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    found: list[list[tuple[str, str]]] = []
    for instruction, args in ((line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines):
        if instruction == "FROM":
            found.append([])
        found[-1].append((instruction, args))
    return found


def dockerfile() -> list[tuple[str, str]]:
    """The image's own stage (the last): what runs in production."""
    return stages()[-1]


def instructions(name: str) -> list[str]:
    return [args for instruction, args in dockerfile() if instruction == name]


def pins(lock: str) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.\-]+)(?:\[[^\]]*\])?==(\S+)", (REPO / lock).read_text(), re.M)
    return {name.lower(): version for name, version in found}


def test_every_long_running_service_restarts_on_failure() -> None:
    for name, service in compose()["services"].items():
        assert service.get("restart") in {"unless-stopped", "on-failure", "always"}, name


def test_the_image_installs_every_dependency_from_the_runtime_lock_with_hashes() -> None:
    runs = instructions("RUN")
    assert "pip install --require-hashes --no-deps -r requirements-runtime.lock" in runs[0]
    assert any("pip install --no-deps --no-build-isolation ." in run for run in runs)
    assert "requirements-runtime.lock ./" in instructions("COPY")[0]


def test_the_runtime_lock_is_the_full_locks_versions_without_dev_tools() -> None:
    runtime, full = pins("requirements-runtime.lock"), pins("requirements.lock")
    assert {name: full.get(name) for name in runtime} == runtime
    assert {"litestar", "asyncpg", "uvicorn", "setuptools"} <= set(runtime)
    assert not {"pytest", "ruff", "mypy", "scikit-learn", "uv"} & set(runtime)


def test_the_image_runs_as_a_non_root_user_after_installing() -> None:
    names = [instruction for instruction, _ in dockerfile()]
    user = instructions("USER")
    assert len(user) == 1 and user[0] not in {"root", "0"}
    assert names.index("USER") > max(i for i, n in enumerate(names) if n == "RUN")
    assert names.index("USER") < names.index("CMD")


def test_the_image_checks_health_on_the_configured_port_without_curl() -> None:
    (check,) = instructions("HEALTHCHECK")
    command = yaml.safe_load(check.split("CMD", 1)[1])  # the exec form is a JSON array
    assert command[:2] == ["python", "-c"] and "urllib.request" in command[2] and "/health" in command[2]
    assert "CONFLICTDB_PORT" in command[2] and f"'{load_settings({}).port}'" in command[2]
    compile(command[2], "HEALTHCHECK", "exec")
    services = compose()["services"]
    assert "healthcheck" not in services["api"]  # it inherits the image's
    assert services["worker"]["healthcheck"] == {"disable": True}  # the worker serves no HTTP


def test_the_first_api_key_one_liner_is_a_real_command() -> None:
    readme = (REPO / "README.md").read_text()
    line = next(line for line in readme.splitlines() if "docker compose exec" in line and "apikey create" in line)
    words = shlex.split(line.split("docker compose exec", 1)[1].split("#", 1)[0])
    words = [w for w in words if w != "-T"]
    assert words[0] in compose()["services"] and words[1] == "conflictdb"
    args = build_parser().parse_args(words[2:])
    assert set(args.scopes.split(",")) >= {"admin"}


def _compose_client() -> list[str] | None:
    """`docker compose` (the plugin), else the standalone `docker-compose`, if either answers."""
    for command in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(command[0]) is None:
            continue
        probe = subprocess.run([*command, "version"], capture_output=True, text=True, timeout=30, check=False)
        if probe.returncode == 0:
            return command
    return None


def test_docker_compose_config_accepts_the_file() -> None:
    client = _compose_client()
    if client is None:
        pytest.skip("no docker compose client here")
    result = subprocess.run(
        [*client, "-f", str(REPO / "docker-compose.yml"), "config", "-q"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_the_image_serves_the_page_with_its_npm_packages_from_the_lock() -> None:
    web = next(stage for stage in stages()[:-1] if stage[0][1].endswith(" AS web"))
    assert ("COPY", "package.json package-lock.json ./") in web
    assert any(i == "RUN" and a.startswith("npm ci --ignore-scripts") for i, a in web)  # the lock, no scripts
    final = dockerfile()
    assert final[0][1].startswith("python:")  # Node.js stays in the build stage
    workdir = next(a for i, a in final if i == "WORKDIR")
    copies = [a for i, a in final if i == "COPY"]
    assert "web ./web" in copies
    assert any(re.fullmatch(r"--from=web \S+/node_modules \./node_modules", c) for c in copies)
    ignored = {line.strip() for line in (REPO / ".dockerignore").read_text().splitlines()}
    assert not {"web", "web/", "package.json", "package-lock.json"} & ignored
    assert workdir == "/app"  # where api/routes/web.py looks when the package is installed
