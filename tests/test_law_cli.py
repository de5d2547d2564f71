"""The command line's gates for the formal documents, and the calendar export.

``flexprep export NAME -o x.docx --document letter`` writes the letter only when every
element its jurisdiction requires is there; otherwise exit 2, one line naming what is
missing, nothing written. ``--document appeal`` needs a refusal. ``-o plan.ics`` writes
the calendar. Each case runs ``python -m flexprep`` in a subprocess, as a user would.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from law_workbooks import JURISDICTIONS, complete, declined, envelope
from reports_fixtures import docx_text
from test_cli import flexprep, ok, refused
from test_law import GAPS, _without

from flexprep.core import fileformat, law
from flexprep.core.database import open_database
from flexprep.core.service import WorkbookService

#: Exports run two at a time (the machine has two cores).
WORKERS = 2


def _books() -> dict[str, dict[str, Any]]:
    books = {f"complete {key}": complete(key) for key in JURISDICTIONS}
    for number, (key, change, _, _) in enumerate(GAPS):
        books[f"gap {number}"] = _without(key, change)
    books["declined gb"] = declined("gb", meeting_held=False)
    books["declined ni"] = declined(
        "ni", reasons="No cover on Tuesdays.", grounds=["customer_demand"]
    )
    books["no dates"] = {"name": "no dates"}
    for name, book in books.items():
        book["name"] = name
    return books


BOOKS = _books()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database holding every test workbook (imported in process: it is quicker)."""
    path = tmp_path_factory.mktemp("law") / "db.sqlite3"
    database = open_database(path)
    try:
        service = WorkbookService(database.factory)
        for book in BOOKS.values():
            service.import_data(fileformat.validate(envelope(book)))
    finally:
        database.close()
    return path


def _parallel(calls: list[Callable[[], Any]]) -> list[Any]:
    with ThreadPoolExecutor(WORKERS) as pool:
        return list(pool.map(lambda call: call(), calls))


def test_a_complete_letter_is_written_for_every_jurisdiction(db: Path, tmp_path: Path) -> None:
    outs = {key: tmp_path / f"letter-{key}.docx" for key in JURISDICTIONS}
    results = _parallel(
        [
            lambda key=key: flexprep(
                "--db",
                db,
                "export",
                f"complete {key}",
                "-o",
                outs[key],
                "--document",
                "letter",
                cwd=tmp_path,
            )
            for key in JURISDICTIONS
        ]
    )
    for key, result in zip(JURISDICTIONS, results, strict=True):
        # The full workbook has one draft ask: left out, and the command says so.
        assert result.returncode == 0, (key, result.stderr)
        assert result.stdout.strip() == str(outs[key])
        assert "not complete" not in result.stderr
        text = docx_text(outs[key])
        assert "Draft, not ready to send" not in text
        rules = law.rules(key)
        if rules.statutory:
            assert rules.statute.title is not None
            assert rules.statute.title.split(" (")[0] in text, key


@pytest.mark.parametrize(
    "number", range(len(GAPS)), ids=[f"{key}-{gap}-{field}" for key, _, gap, field in GAPS]
)
def test_each_missing_element_refuses_the_letter(db: Path, tmp_path: Path, number: int) -> None:
    key, change, _, _ = GAPS[number]
    out = tmp_path / "letter.docx"
    result = flexprep(
        "--db", db, "export", f"gap {number}", "-o", out, "--document", "letter", cwd=tmp_path
    )
    expected = law.missing(_without(key, change))
    assert len(expected) == 1
    refused(result, f"flexprep: the letter is not complete: {expected[0].label}")
    assert result.stderr.strip() == f"flexprep: the letter is not complete: {expected[0].label}"
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_the_gate_names_every_gap_on_one_line(tmp_path: Path) -> None:
    wb = complete("gb")
    wb["request"].update(proposed_start=None, previous_requests=None)
    source = tmp_path / "book.json"
    source.write_text(json.dumps(envelope(wb)), encoding="utf-8")
    db = tmp_path / "db.sqlite3"
    ok(flexprep("--db", db, "import", source, cwd=tmp_path))
    result = flexprep(
        "--db",
        db,
        "export",
        wb["name"],
        "-o",
        tmp_path / "x.docx",
        "--document",
        "letter",
        cwd=tmp_path,
    )
    refused(
        result,
        "flexprep: the letter is not complete: proposed start date, earlier "
        'requests (say "none" if there were none)',
    )
    assert not (tmp_path / "x.docx").exists()


def test_the_appeal_needs_a_refusal(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "appeal.docx"
    refused(
        flexprep(
            "--db", db, "export", "complete gb", "-o", out, "--document", "appeal", cwd=tmp_path
        ),
        "flexprep: the appeal replies to a refusal, and this workbook's outcome is "
        "'Pending', not 'Declined'",
    )
    assert not out.exists()
    result = flexprep(
        "--db", db, "export", "declined gb", "-o", out, "--document", "appeal", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    text = docx_text(out)
    assert "Please set out in writing the reasons for your decision" in text
    assert "employment tribunal" in text


def test_the_calendar_is_written_and_parses_back(db: Path, tmp_path: Path) -> None:
    import icalendar

    out = tmp_path / "plan.ics"
    assert ok(
        flexprep("--db", db, "export", "declined ni", "-o", out, cwd=tmp_path)
    ).strip() == str(out)
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    roles = sorted(str(event["UID"]).split("-")[0] for event in calendar.walk("VEVENT"))
    assert roles == [
        "answer",
        "appeal",
        "checkin",
        "checkin",
        "checkin",
        "meeting",
        "next",  # the arrangement's next review, from the trial review
        "review",
        "trial",
    ]
    assert oct(out.stat().st_mode & 0o777) == oct(0o600)  # written like every export


def test_calendar_refusals(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    refused(
        flexprep("--db", db, "export", "no dates", "-o", out, cwd=tmp_path),
        "flexprep: nothing to put in a calendar: the workbook has no meeting time, trial, "
        "review or answer-by date",
    )
    refused(
        flexprep(
            "--db", db, "export", "complete gb", "-o", out, "--document", "letter", cwd=tmp_path
        ),
        "flexprep: --document applies to Word (.docx) exports only",
    )
    assert list(tmp_path.iterdir()) == []


def test_the_ics_export_loads_no_heavy_module(db: Path, tmp_path: Path) -> None:
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
        "from flexprep.cli import main\nsys.exit(main())\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            probe,
            "--db",
            str(db),
            "export",
            "complete gb",
            "-o",
            str(tmp_path / "x.ics"),
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    loaded = json.loads(result.stderr)
    assert not {name.split(".")[0] for name in loaded} & {
        "PySide6",
        "shiboken6",
        "matplotlib",
        "docx",
    }
    assert "flexprep.core.models" not in loaded and "flexprep.reports" not in loaded
