"""Databases written by released schema versions open with the current code.

Each ``tests/fixtures/vN.sqlite3`` was made once by the code of schema N (see
``make_v1.py``) and is committed; tests copy it to ``tmp_path`` and never open the file
inside the repository.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES

from flexprep.core import fileformat
from flexprep.core.database import SCHEMA_VERSION, open_database
from flexprep.core.models import Objection, Rehearsal
from flexprep.core.service import WorkbookService


def assert_contains(actual: Any, expected: Any, where: str = "workbook") -> None:
    """``actual`` holds everything ``expected`` holds (later versions may add fields)."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), where
        for key, value in expected.items():
            assert key in actual, f"{where}.{key} is gone"
            assert_contains(actual[key], value, f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), where
        for index, (got, want) in enumerate(zip(actual, expected, strict=True)):
            assert_contains(got, want, f"{where}[{index}]")
    else:
        assert actual == expected, where


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    source = FIXTURES / "v1.sqlite3"
    # The committed file is checkpointed: no log beside it is needed.
    assert not (FIXTURES / "v1.sqlite3-wal").exists()
    target = tmp_path / "v1.sqlite3"
    shutil.copyfile(source, target)
    conn = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    finally:
        conn.close()
    return target


def test_v1_database_opens_with_its_data(v1_copy: Path) -> None:
    expected = json.loads((FIXTURES / "v1_expected.json").read_text(encoding="utf-8"))
    db = open_database(v1_copy)
    try:
        service = WorkbookService(db.factory)
        books = {book.name: book for book in service.list_workbooks()}
        assert set(books) == {item["name"] for item in expected["workbooks"]}
        for want in expected["workbooks"]:
            exported = service.export_data(books[want["name"]].id)
            # What 0.1 exported means the same now: read as the version 1 file it was,
            # it is contained in today's export read as a version 2 file.
            then = fileformat.validate(
                {"format": "flexprep.workbook", "version": 1, "workbook": want}
            )
            now = fileformat.validate(
                {"format": "flexprep.workbook", "version": fileformat.VERSION, "workbook": exported}
            )
            assert_contains(now, then)
        week = books["Compressed week ✨"]
        objection = service.items(Objection, week.id)[0]
        assert [r.confidence for r in objection.rehearsals] == [2, 4]
        assert len(objection.evidence_links) == 1
        # The migrated database takes new writes.
        service.add_rehearsal(objection.id, 5, 20)
        service.delete_workbook(books["Tue/Thu remote for the MBA"].id)
        with service.transaction() as session:
            assert session.query(Rehearsal).count() == 3
    finally:
        db.close()
    conn = sqlite3.connect(v1_copy)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        conn.close()
    backups = list((v1_copy.parent / "backups").glob("v1-*-before-update-v1.sqlite3"))
    assert len(backups) == 1


def test_each_later_schema_opens_with_its_data(tmp_path: Path) -> None:
    for version in range(2, SCHEMA_VERSION + 1):
        target = tmp_path / f"v{version}.sqlite3"
        shutil.copyfile(FIXTURES / f"v{version}.sqlite3", target)
        expected = json.loads((FIXTURES / f"v{version}_expected.json").read_text(encoding="utf-8"))
        db = open_database(target)
        try:
            service = WorkbookService(db.factory)
            books = {book.name: book for book in service.list_workbooks()}
            assert set(books) == {item["name"] for item in expected["workbooks"]}, version
            for want in expected["workbooks"]:
                assert_contains(service.export_data(books[want["name"]].id), want)
        finally:
            db.close()


def test_a_schema_1_file_is_marked_as_ours_once_updated(v1_copy: Path) -> None:
    from flexprep.core.database import APPLICATION_ID

    open_database(v1_copy).close()
    conn = sqlite3.connect(v1_copy)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    finally:
        conn.close()
