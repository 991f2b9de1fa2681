"""The `conflictdb extract` command: single file and JSONL stream."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from api.commands.extract import _run_jsonl
from domain.errors import ValidationError

ARTICLE = "Die syrische Armee hat am Montag eine Großoffensive auf Aleppo gestartet, der Krieg eskaliert."


def test_jsonl_reports_bad_lines_and_continues() -> None:
    lines = [json.dumps({"id": "a", "text": ARTICLE, "published_at": "2016-11-10", "language": "de"}), "{not json"]
    out, err = io.StringIO(), io.StringIO()
    status = _run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, err)
    rows = [json.loads(line) for line in out.getvalue().splitlines()]
    assert status == 1 and rows[0]["id"] == "a" and rows[0]["events"][0]["type"] == "OffensiveLaunched"
    assert "line 2" in err.getvalue() and len(err.getvalue().splitlines()) == 1


def test_file_mode(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from api.cli import main

    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(path), "--published", "2016-11-10"]) == 0
    assert json.loads(capsys.readouterr().out)["events"][0]["location"]["name"] == "Aleppo"


def test_missing_file_is_a_validation_error() -> None:
    from api.cli import build_parser

    args = build_parser().parse_args(["extract", "/no/such/file.txt"])
    with pytest.raises(ValidationError):
        args.func(args)


ENGLISH = (
    "Syrian government forces launched an offensive on the rebel-held city of Idlib on Tuesday. At least "
    "twelve people were killed in air strikes on the city, the Syrian Observatory for Human Rights said."
)


def test_jsonl_lines_without_a_language_are_detected_and_say_so() -> None:
    lines = [
        json.dumps({"id": "en", "text": ENGLISH, "published_at": "2024-03-14"}),
        json.dumps({"id": "given", "text": ENGLISH, "published_at": "2024-03-14", "language": "de"}),
    ]
    out = io.StringIO()
    assert _run_jsonl(io.StringIO("\n".join(lines) + "\n"), out, io.StringIO()) == 0
    detected, given = (json.loads(line) for line in out.getvalue().splitlines())
    assert [e["type"] for e in detected["events"]] == ["OffensiveLaunched"]
    assert detected["language"]["language"] == "en" and detected["language"]["method"] == "detected"
    assert given["language"] == {"language": "de", "confidence": None, "method": "given"}
    assert given["events"] == []  # read with the German rules, as asked


def test_file_mode_detects_the_language_unless_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from api.cli import main

    path = tmp_path / "en.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert main(["extract", str(path), "--published", "2024-03-14"]) == 0
    auto = json.loads(capsys.readouterr().out)
    assert auto["language"]["language"] == "en" and auto["events"][0]["location"]["name"] == "Idlib"
    assert main(["extract", str(path), "--published", "2024-03-14", "--lang", "de"]) == 0
    assert json.loads(capsys.readouterr().out)["events"] == []


def test_explain_prints_each_events_decisions_and_the_triggers_not_taken(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from api.cli import main

    article = tmp_path / "a.txt"
    article.write_text(
        "Im Krieg in der Ukraine wird gekämpft. Scholz plant, nach Kiew zu einem Treffen mit Selenskyj zu reisen. "
        "Russische Truppen haben am Montag die Stadt Bachmut erobert.",
        encoding="utf-8",
    )
    assert main(["extract", str(article), "--published", "2023-05-10", "--lang", "de", "--explain"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "1 event(s)"
    assert out[1].startswith("event 1: OffensiveLaunched (RUS attacker")
    assert "  sentence 3: OffensiveLaunched trigger 'erobert' (strong, rule offensive_verb), realised" in out
    assert "  sentence 2: TalksHeld trigger 'Treffen' (rule talks_noun) not taken: modality governed" in out
