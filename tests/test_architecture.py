"""Dependencies point inward: api -> application -> domain, with infra's adapters plugged in
by the composition root. The domain does no I/O.

    domain       imports none of the others
    infra        imports domain (never application or api): its modules are the adapters
    application  imports domain; infra only in the read side and the cross-cutting modules named below
    api          imports application and domain; infra only in the composition root and
                 the cross-cutting infra modules named below
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FORBIDDEN = {
    "domain": {
        "api",
        "application",
        "infra",
        "asyncpg",
        "litestar",
        "httpx",
        "alembic",
        "sqlalchemy",
        "uvicorn",
        "socket",
        "asyncio",
    },
    "infra": {"api", "application", "litestar"},
    "application": {"api", "litestar", "asyncpg", "httpx"},
}
# Where api may import infra: the modules that pick the adapters (the composition root) ...
COMPOSITION_ROOT = {"api/app.py", "api/services.py"}
# ... and, anywhere in api or application, infra modules that are process-wide rather than adapters:
# typed configuration, the metrics registry, and the pure scrubbing of secrets from logs.
CROSS_CUTTING_INFRA = {"infra.settings", "infra.metrics", "infra.redaction"}
# Where application may import infra: the read side (see its docstring for why no port).
APPLICATION_INFRA = {"application/queries.py"}


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            # `from infra import metrics` names the module infra.metrics
            modules.update(f"{node.module}.{alias.name}" for alias in node.names if node.module == "infra")
    return modules


def imported_roots(path: Path) -> set[str]:
    return {module.split(".")[0] for module in imported_modules(path)}


def _sources(package: str) -> dict[str, Path]:
    return {str(path.relative_to(REPO)): path for path in (REPO / package).rglob("*.py")}


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_nothing_from_outer_layers(package: str) -> None:
    offenders = {name: sorted(imported_roots(path) & FORBIDDEN[package]) for name, path in _sources(package).items()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_application_reaches_infra_only_from_the_read_side() -> None:
    offenders = {
        name: _adapters_imported(path)
        for name, path in _sources("application").items()
        if name not in APPLICATION_INFRA
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_api_reaches_infra_only_through_the_composition_root() -> None:
    offenders = {
        name: _adapters_imported(path) for name, path in _sources("api").items() if name not in COMPOSITION_ROOT
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def _adapters_imported(path: Path) -> list[str]:
    infra = {m for m in imported_modules(path) if m.split(".")[0] == "infra" and m != "infra"}
    return sorted(infra - CROSS_CUTTING_INFRA)


def test_the_checker_sees_a_violation(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from infra.event_store import EventStore\nimport api.app\n")
    assert imported_roots(bad) == {"infra", "api"}


def test_the_checker_sees_a_route_importing_an_adapter(tmp_path: Path) -> None:
    bad = tmp_path / "route.py"
    bad.write_text("from infra import ingestion, metrics\nfrom infra.settings import Settings\n")
    assert _adapters_imported(bad) == ["infra.ingestion"]


def test_the_checker_sees_imports_inside_functions(tmp_path: Path) -> None:
    bad = tmp_path / "command.py"
    bad.write_text("def run() -> None:\n    from infra.db import create_pool\n")
    assert _adapters_imported(bad) == ["infra.db"]
