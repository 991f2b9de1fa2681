"""The whole OpenAPI against the real app: schemathesis drives a served instance (uvicorn on the
test PostgreSQL) with an admin key, so every operation is exercised with and past its guards.

A marked tier (`make fuzz`, `pytest -m fuzz`), not part of the default run. Checks: no 5xx, every
response within its declared schema, status code and content type, and nothing the schema
allows refused ("rejected valid input"). FUZZ_MAX_EXAMPLES sets the budget per operation.

The schema states each constraint the server checks. Two kinds OpenAPI 3.1 cannot state are kept by the
hooks (tests/fuzz/hooks.py, schema-valid cases only): which opaque cursors the server issued, and rules
between query parameters (one excluding or needing another, `from` not after `to`).

The projections run beside the app so reads see what the fuzzer wrote; the webhook dispatcher
does not (the fuzzer invents subscription URLs, and nothing may be sent to them), and with
private targets allowed no invented host name is ever resolved.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sys
from pathlib import Path

import asyncpg
import pytest

from infra.api_keys import create_api_key
from infra.projection_runner import ProjectionRunner
from tests.api.served import served

pytestmark = pytest.mark.fuzz

CHECKS = (
    "not_a_server_error",
    "response_schema_conformance",
    "status_code_conformance",
    "content_type_conformance",
    "positive_data_acceptance",
)
MAX_EXAMPLES = int(os.environ.get("FUZZ_MAX_EXAMPLES", "10"))
SEED = os.environ.get("FUZZ_SEED")
ST = Path(sys.executable).with_name("st")
REPO = Path(__file__).resolve().parents[2]


async def test_every_operation_keeps_to_its_schema(pool: asyncpg.Pool, clean_db: str, tmp_path: Path) -> None:
    _, secret = await create_api_key(pool, "fuzz", "ingest,review,admin")
    runner = ProjectionRunner(pool, database_url=clean_db, poll_interval_s=0.2)
    projections = asyncio.create_task(runner.run_forever())
    try:
        async with served(clean_db, webhook_allow_private=True, read_wait_s=0.2) as base:
            code, output = await _schemathesis(base, secret, tmp_path)
    finally:
        projections.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await projections
    summary = _summary(tmp_path / "report.json")
    # Every failure in full (pytest shows it when the test fails, `-s` always), then one line.
    print(output, "\n", summary)
    assert code == 0, f"schemathesis found failures: {summary}"


async def _schemathesis(base: str, secret: str, report_dir: Path) -> tuple[int, str]:
    args = [
        str(ST),
        "--no-color",
        "run",
        f"{base}/schema/openapi.json",
        "--checks",
        ",".join(CHECKS),
        "--header",
        f"Authorization: Bearer {secret}",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "2",
        "--request-timeout",
        "30",
        "--report",
        "json",
        "--report-json-path",
        str(report_dir / "report.json"),
        "--output-truncate",
        "false",
        *(["--seed", SEED] if SEED else []),
    ]
    process = await asyncio.create_subprocess_exec(
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
        env={**os.environ, "SCHEMATHESIS_HOOKS": "tests.fuzz.hooks", "PYTHONPATH": str(REPO)},
    )
    stdout, _ = await process.communicate()
    return process.returncode or 0, stdout.decode(errors="replace")


def _summary(report: Path) -> str:
    """One line: operations tested, cases generated, failures by check (seed and budget to repeat)."""
    if not report.exists():
        return "fuzz: no report"
    data = json.loads(report.read_text())
    operations, cases = data["operations"], data["test_cases"]
    failures = ", ".join(f"{f['code']} {f['title']}: {f['count']}" for f in data["failures"]) or "none"
    return (
        f"fuzz: {operations['tested']}/{operations['total']} operations, {cases['generated']} cases "
        f"({cases['errored']} errored), failures: {failures}; "
        f"seed {data['seed']}, max examples {MAX_EXAMPLES}"
    )
