"""The `conflictdb` command against a real database: apikey, ingest, reextract."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import asyncpg
import pytest

from api.cli import main
from api.commands.ingest import ingest_seeds_if_empty

REPO = Path(__file__).resolve().parent.parent


async def _fetch(url: str, sql: str) -> list[asyncpg.Record]:
    conn = await asyncpg.connect(url)
    try:
        return list(await conn.fetch(sql))
    finally:
        await conn.close()


def test_apikey_create_prints_the_secret_once_and_stores_its_hash(
    clean_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["apikey", "create", "--name", "ci", "--scopes", "ingest,admin", f"--database-url={clean_db}"]) == 0
    secret = capsys.readouterr().out.strip()
    assert secret.startswith("cdb_")
    assert main(["apikey", "list", f"--database-url={clean_db}"]) == 0
    listing = capsys.readouterr().out
    assert "ci" in listing and "ingest,admin" in listing and secret not in listing


def test_apikey_revoke_by_name_and_bad_scopes_fail_cleanly(clean_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["apikey", "create", "--name", "old", f"--database-url={clean_db}"]) == 0
    assert main(["apikey", "revoke", "old", f"--database-url={clean_db}"]) == 0
    assert "revoked" in capsys.readouterr().out
    assert main(["apikey", "create", "--name", "x", "--scopes", "root", f"--database-url={clean_db}"]) == 2
    assert "scopes" in capsys.readouterr().err


SEEDS = REPO / "seeds"


def test_ingest_a_seed_folder_uses_its_manifest_and_reports_a_summary(
    clean_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(SEEDS), f"--database-url={clean_db}"]) == 0
    out = capsys.readouterr().out
    assert "articles: 5 ingested, 0 duplicates skipped, 0 failed" in out
    published = asyncio.run(_fetch(clean_db, "SELECT data->>'published_at' AS p FROM events WHERE stream_version = 1"))
    assert sorted(r["p"] for r in published)[0] == "2016-10-05"
    assert main(["ingest", str(SEEDS), f"--database-url={clean_db}"]) == 0
    assert "0 ingested, 5 duplicates skipped" in capsys.readouterr().out


def test_ingest_reports_bad_inputs_one_line_each_and_still_ingests_the_rest(
    clean_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        json.dumps({"id": "a1", "text": "Die Türkei startete eine Offensive.", "published_at": "2017-02-16"}),
        "{not json",
        json.dumps({"id": "a2", "text": "  "}),
    ]
    (tmp_path / "extract.jsonl").write_text("\n".join(lines) + "\n")
    (tmp_path / "note.txt").write_text("Titel\n\nDie Gespräche in Astana endeten am Dienstag.")
    paths = [str(tmp_path / "extract.jsonl"), str(tmp_path / "note.txt"), str(tmp_path / "missing.txt")]
    assert main(["ingest", "--quiet", *paths, f"--database-url={clean_db}"]) == 1
    captured = capsys.readouterr()
    assert "articles: 2 ingested, 0 duplicates skipped, 3 failed" in captured.out
    errors = [line for line in captured.err.strip().splitlines() if not line.startswith("conflictdb: database: ")]
    assert len(errors) == 3 and all(e.startswith("conflictdb ingest: ") for e in errors)
    external = asyncio.run(_fetch(clean_db, "SELECT value FROM article_keys WHERE kind = 'external_id'"))
    assert [r["value"] for r in external] == ["a1"]


ENGLISH = (
    "Syrian government forces launched an offensive on the rebel-held city of Idlib on Tuesday. At least "
    "twelve people were killed in air strikes on the city, the Syrian Observatory for Human Rights said."
)


def test_ingest_detects_the_language_of_files_and_lines_without_one(clean_db: str, tmp_path: Path) -> None:
    (tmp_path / "offensive.txt").write_text("Offensive on Idlib\n\n" + ENGLISH, encoding="utf-8")
    line = {"id": "line-1", "text": ENGLISH.replace("Tuesday", "Monday"), "published_at": "2024-03-14"}
    (tmp_path / "more.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["ingest", "--quiet", str(tmp_path), f"--database-url={clean_db}"]) == 0
    sql = (
        "SELECT data->>'language' AS language, data->>'language_method' AS method, "
        "(SELECT count(*) FROM events e WHERE e.stream_id = s.stream_id) AS n "
        "FROM events s WHERE event_type = 'ArticleSubmitted'"
    )
    rows = asyncio.run(_fetch(clean_db, sql))
    assert [(r["language"], r["method"], r["n"]) for r in rows] == [("en", "detected", 2)] * 2


def test_reextract_all_with_an_unchanged_extractor_changes_nothing(
    clean_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "--quiet", str(SEEDS), f"--database-url={clean_db}"]) == 0
    capsys.readouterr()
    assert main(["reextract", "--all", f"--database-url={clean_db}"]) == 0
    assert "articles changed: 0" in capsys.readouterr().out
    assert main(["reextract", f"--database-url={clean_db}"]) == 2


def test_seeds_are_ingested_on_first_start_only(clean_db: str) -> None:
    first = asyncio.run(ingest_seeds_if_empty(clean_db))
    assert "5 ingested" in first
    assert "already stored" in asyncio.run(ingest_seeds_if_empty(clean_db))


def test_a_folder_without_manifest_warns_once_per_undated_article(
    clean_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a_undated.txt").write_text("Gespräche\n\nAm Dienstag trafen sich die Delegationen in Genf.")
    (tmp_path / "b_stamped.txt").write_text("date 2016-10-05 Die Delegationen trafen sich in Genf.")
    (tmp_path / "c_undated.txt").write_text("Talks\n\nOn Tuesday the delegations met in Geneva.")
    assert main(["ingest", "--quiet", str(tmp_path), f"--database-url={clean_db}"]) == 0
    captured = capsys.readouterr()
    assert "articles: 3 ingested" in captured.out
    warnings = [line for line in captured.err.splitlines() if "warning" in line]
    assert warnings == [
        f"conflictdb ingest: warning: {tmp_path / name}: no publication date"
        for name in ("a_undated.txt", "c_undated.txt")
    ]
    hint = [line for line in captured.err.splitlines() if "give publication dates" in line]
    assert len(hint) == 1 and str(tmp_path / "manifest.json") in hint[0] and "date YYYY-MM-DD" in hint[0]


def test_a_folder_with_a_manifest_gives_no_date_warnings(clean_db: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", "--quiet", str(SEEDS), f"--database-url={clean_db}"]) == 0
    assert "warning" not in capsys.readouterr().err


def test_review_records_one_decision_and_a_file_of_them_naming_the_reviewer(
    clean_db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "--quiet", str(SEEDS), f"--database-url={clean_db}"]) == 0
    rows = asyncio.run(_fetch(clean_db, "SELECT event_id FROM events WHERE event_type = 'TalksHeld' ORDER BY 1"))
    first, second, third = (str(r["event_id"]) for r in rows[:3])
    capsys.readouterr()
    one = ["review", first, "confirmed", "--reviewer", "ana", f"--database-url={clean_db}"]
    assert main(one) == 0
    assert f"{first}\tconfirmed" in capsys.readouterr().out
    decisions = tmp_path / "decisions.jsonl"
    lines = [
        {"event_id": second, "verdict": "rejected", "note": "a sports report"},
        {"event_id": third, "verdict": "corrected", "changes": {"location": {"name": "Geneva", "country": "CH"}}},
        {"event_id": third, "verdict": "rejected"},  # no reason: refused, the others stand
    ]
    decisions.write_text("\n".join(json.dumps(line) for line in lines) + "\nnot json\n", encoding="utf-8")
    assert main(["review", "--file", str(decisions), "--reviewer", "ben", f"--database-url={clean_db}"]) == 1
    captured = capsys.readouterr()
    assert "decisions stored: 2; failed: 2" in captured.out
    assert "decisions.jsonl:3" in captured.err and "decisions.jsonl:4" in captured.err
    stored = asyncio.run(
        _fetch(clean_db, "SELECT event_type, data->>'reviewer' AS who FROM events WHERE event_type LIKE 'Event%ed'")
    )
    assert sorted((r["event_type"], r["who"]) for r in stored) == [
        ("EventConfirmed", "ana"),
        ("EventCorrected", "ben"),
        ("EventRejected", "ben"),
    ]
    assert main(["review", first, f"--database-url={clean_db}"]) == 2


def test_release_create_names_the_projected_position_once_and_lists_it(
    clean_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", "--quiet", str(SEEDS), f"--database-url={clean_db}"]) == 0
    assert main(["project", "--until-caught-up", f"--database-url={clean_db}"]) == 0
    capsys.readouterr()
    assert main(["release", "create", "2026.12", "--note", "first", f"--database-url={clean_db}"]) == 0
    name, position, _ = capsys.readouterr().out.strip().split("\t")
    assert name == "2026.12" and position != "0-0"
    assert main(["release", "create", "2026.12", f"--database-url={clean_db}"]) != 0
    assert "exists already" in capsys.readouterr().err
    assert main(["release", "list", f"--database-url={clean_db}"]) == 0
    assert capsys.readouterr().out.startswith(f"2026.12\t{position}\t")
