"""The command line, driven as a user would: ``python -m flexprep ...`` in a subprocess.

Exit 0 on success; on a user error exit 2 with one line on stderr, no traceback, and the
database exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
from conftest import FULL_WORKBOOK, SAMPLE_WORKBOOK

from flexprep import cli
from flexprep.core.database import SCHEMA_VERSION

FULL = json.loads(FULL_WORKBOOK.read_text(encoding="utf-8"))
FULL_NAME = FULL["workbook"]["name"]


def flexprep(
    *args: str | Path, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flexprep", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, **(env or {})},
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    return result.stdout


def refused(result: subprocess.CompletedProcess[str], message: str) -> None:
    """Exit 2, one line on stderr that says ``message``, nothing else."""
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("flexprep: ")
    assert message in lines[0], lines[0]
    assert result.stdout == ""


def folder_state(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database holding the full test workbook (made once; tests copy it)."""
    folder = tmp_path_factory.mktemp("filled")
    ok(flexprep("--db", folder / "db.sqlite3", "import", FULL_WORKBOOK, cwd=folder))
    return folder / "db.sqlite3"


@pytest.fixture
def db(filled: Path, tmp_path: Path) -> Path:
    """This test's own copy of the filled database, in a folder of its own."""
    folder = tmp_path / "data"
    folder.mkdir()
    target = folder / "db.sqlite3"
    target.write_bytes(filled.read_bytes())
    return target


# -- what works ------------------------------------------------------------------------------


def test_demo_list_export_import(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    name = ok(flexprep("--db", db, "demo", cwd=tmp_path)).strip()
    sample = json.loads(SAMPLE_WORKBOOK.read_text(encoding="utf-8"))["workbook"]
    assert name == sample["name"]

    lines = ok(flexprep("--db", db, "list", cwd=tmp_path)).splitlines()
    assert len(lines) == 1
    listed_name, scenario, updated = lines[0].split("\t")
    assert (listed_name, scenario) == (name, sample.get("scenario", "other"))
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", updated), updated

    out = tmp_path / "out.json"
    assert ok(flexprep("--db", db, "export", name, "-o", out, cwd=tmp_path)).strip() == str(out)
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert (exported["format"], exported["version"]) == ("flexprep.workbook", 2)
    assert exported["workbook"]["name"] == name

    # Importing a name that exists adds "Name (2)" and prints it.
    assert ok(flexprep("--db", db, "import", out, cwd=tmp_path)).strip() == f"{name} (2)"
    again = tmp_path / "again.json"
    ok(flexprep("--db", db, "export", f"{name} (2)", "-o", again, cwd=tmp_path))
    copy = json.loads(again.read_text(encoding="utf-8"))
    assert copy["workbook"] == {**exported["workbook"], "name": f"{name} (2)"}


def test_flexprep_db_and_the_default_location(tmp_path: Path) -> None:
    env_db = tmp_path / "from-env.sqlite3"
    ok(flexprep("import", FULL_WORKBOOK, cwd=tmp_path, env={"FLEXPREP_DB": str(env_db)}))
    assert ok(flexprep("--db", env_db, "list", cwd=tmp_path)).startswith(FULL_NAME + "\t")

    data_home = tmp_path / "xdg-data"
    ok(flexprep("import", FULL_WORKBOOK, cwd=tmp_path, env={"XDG_DATA_HOME": str(data_home)}))
    default = data_home / "flexprep" / "flexprep.sqlite3"
    assert default.is_file()
    assert oct(default.stat().st_mode & 0o777) == oct(0o600)
    assert oct(default.parent.stat().st_mode & 0o777) == oct(0o700)


def test_export_a_word_document(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "proposal.docx"
    result = flexprep(
        "--db", db, "export", FULL_NAME, "-o", out, "--document", "proposal", cwd=tmp_path
    )
    # The workbook has one draft ask: it is left out, and the command says so.
    assert (result.returncode, result.stdout.strip()) == (0, str(out))
    assert result.stderr == (
        "flexprep: 1 draft ask left out of the proposal (still marked "
        "as drafts); --include-drafts keeps them\n"
    )
    with zipfile.ZipFile(out) as document:
        xml = document.read("word/document.xml").decode("utf-8")
    assert "Work from home Tue and Thu" in xml  # an ask: manager-facing
    assert "Study budget for exam fees" not in xml  # a draft
    assert FULL["workbook"]["walk_away"] not in xml  # private: never in a proposal


# -- refusals --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not a workbook file: not JSON (Expecting property name enclosed"),
        (
            json.dumps({**FULL, "workbook": {**FULL["workbook"], "colour": "red"}}).encode(),
            "flexprep: workbook.colour: unknown key",
        ),
    ],
    ids=["bad json", "unknown key"],
)
def test_import_refuses_a_bad_file(db: Path, tmp_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before = folder_state(db.parent)
    refused(flexprep("--db", db, "import", bad, cwd=tmp_path), message)
    assert folder_state(db.parent) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["export", "No such book", "-o", "out.json"], "no workbook named 'No such book'"),
        (["export", FULL_NAME, "-o", "missing/out.json"], "missing: no such folder"),
        (
            ["export", FULL_NAME, "-o", "out.pdf"],
            "out.pdf: the output must end in .json, .docx or .ics",
        ),
    ],
    ids=["unknown name", "missing folder", "wrong suffix"],
)
def test_export_refusals(db: Path, tmp_path: Path, args: list[str], message: str) -> None:
    before = folder_state(db.parent)
    refused(flexprep("--db", db, *args, cwd=tmp_path), message)
    assert folder_state(db.parent) == before
    assert not list(tmp_path.glob("out.*"))


def test_a_file_that_is_not_a_database_is_left_alone(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"My private notes, not a database.\n")
    before = folder_state(tmp_path)
    refused(
        flexprep("--db", notes, "import", FULL_WORKBOOK, cwd=tmp_path),
        "is not a FlexPrep database (not an SQLite file)",
    )
    assert folder_state(tmp_path) == before


def test_a_newer_database_is_refused_and_left_alone(db: Path, tmp_path: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION + 1}")
    conn.close()
    before = folder_state(db.parent)
    refused(flexprep("--db", db, "list", cwd=tmp_path), "was written by a newer FlexPrep")
    assert folder_state(db.parent) == before


def test_a_damaged_database_is_refused_and_left_alone(db: Path, tmp_path: Path) -> None:
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xab" * (4096 - 100)
    db.write_bytes(bytes(raw))
    before = folder_state(db.parent)
    refused(flexprep("--db", db, "demo", cwd=tmp_path), "is damaged")
    assert folder_state(db.parent) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["export", FULL_NAME], "the following arguments are required: -o/--output"),
    ],
    ids=["unknown command", "missing option"],
)
def test_argument_misuse_is_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    refused(flexprep(*args, cwd=tmp_path), message)
    assert list(tmp_path.iterdir()) == []


# -- the same, in process (cheap cases) ------------------------------------------------------


def run_main(capsys: pytest.CaptureFixture[str], *args: Any) -> tuple[int, str, str]:
    status = cli.main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return status, out, err


def test_more_refusals_in_process(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = folder_state(db.parent)
    (tmp_path / "folder.json").mkdir()
    cases = [
        (
            ["export", FULL_NAME, "-o", tmp_path / "x.json", "--document", "letter"],
            "flexprep: --document applies to Word (.docx) exports only\n",
        ),
        (
            ["export", FULL_NAME, "-o", tmp_path / "folder.json"],
            f"flexprep: {tmp_path / 'folder.json'}: is a folder\n",
        ),
        # argparse words the list of choices differently across Python versions.
        (
            ["export", FULL_NAME, "-o", tmp_path / "x.docx", "--document", "memo"],
            "flexprep: argument --document: invalid choice: 'memo' (choose from ",
        ),
        (
            ["import", tmp_path / "missing.json"],
            f"flexprep: {tmp_path / 'missing.json'}: no such file\n",
        ),
        (["import", tmp_path], f"flexprep: {tmp_path}: is a folder, not a file\n"),
        (
            ["export", "line\nbreak\u2028", "-o", tmp_path / "x.json"],
            "flexprep: no workbook named 'line\\nbreak\\u2028'\n",
        ),
    ]
    for args, message in cases:
        try:
            status, out, err = run_main(capsys, "--db", db, *args)
        except SystemExit as exit_:  # argparse
            status, (out, err) = int(exit_.code or 0), capsys.readouterr()
        assert (status, out) == (2, ""), args
        assert len(err.splitlines()) == 1, err
        # One line, so a message that ends in a newline must be the whole of it.
        assert err.startswith(message), (args, err)
    assert folder_state(db.parent) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "folder.json"]


def test_reading_commands_do_not_create_a_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "none.sqlite3"
    assert run_main(capsys, "--db", db, "list") == (0, "", "")
    status, _, err = run_main(capsys, "--db", db, "export", "X", "-o", tmp_path / "x.json")
    assert status == 2 and "no workbook named 'X'" in err
    assert list(tmp_path.iterdir()) == []


def test_names_with_control_characters_stay_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "odd.json"
    odd = "Tab\there\nnew line\x00 👩\u200d💻"
    book.write_text(
        json.dumps({"format": "flexprep.workbook", "version": 1, "workbook": {"name": odd}}),
        encoding="utf-8",
    )
    db = tmp_path / "db.sqlite3"
    status, out, _ = run_main(capsys, "--db", db, "import", book)
    assert (status, out) == (0, "Tab\\there\\nnew line\\x00 👩\u200d💻\n")
    status, out, _ = run_main(capsys, "--db", db, "list")
    assert status == 0 and len(out.splitlines()) == 1
    assert out.startswith("Tab\\there\\nnew line\\x00 👩\u200d💻\tother\t")
    # The real name still works for export.
    status, _, _ = run_main(capsys, "--db", db, "export", odd, "-o", tmp_path / "o.json")
    assert status == 0
    exported = json.loads((tmp_path / "o.json").read_text(encoding="utf-8"))
    assert exported["workbook"]["name"] == odd


def test_list_and_export_load_only_what_they_need(db: Path, tmp_path: Path) -> None:
    """Start-up: no Qt, charts or Word for these, and not even the ORM models."""
    probe = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: print(json.dumps(sorted(sys.modules)), file=sys.stderr))\n"
        "from flexprep.cli import main\n"
        "sys.exit(main())\n"
    )
    for args, models in (
        (["list"], False),
        (["export", FULL_NAME, "-o", str(tmp_path / "o.json")], False),
        (["export", FULL_NAME, "-o", str(tmp_path / "o.ics")], False),
    ):
        result = subprocess.run(
            [sys.executable, "-c", probe, "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            cwd=tmp_path,
        )
        assert result.returncode == 0, result.stderr
        loaded = {name.split(".")[0] for name in json.loads(result.stderr)}
        assert not loaded & {"PySide6", "shiboken6", "matplotlib", "docx"}, args
        assert ("flexprep.core.models" in json.loads(result.stderr)) is models, args
