"""A one-per-workbook part read in plain SQL (what the first tab shows before the ORM
models load): the file's values, the defaults before the part has a row."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from flexprep.core import fields
from flexprep.core.database import open_database
from flexprep.core.models import About
from flexprep.core.service import WorkbookService


def test_part_fields_match_what_was_saved(tmp_path: Path) -> None:
    database = open_database(tmp_path / "db.sqlite3")
    try:
        service = WorkbookService(database.factory)
        book = service.create_workbook("Mine", drafts=False)
        # No row yet: the declared defaults, and nothing is written by reading.
        assert service.part_fields(fields.ABOUT, book.id) == {
            "name": "",
            "role": "",
            "team": "",
            "employer": "",
            "email": "",
            "employed_since": None,
        }
        service.update_part(About, book.id, name="Leah Brennan", employed_since=date(2021, 3, 1))
        read = service.part_fields(fields.ABOUT, book.id)
        assert read["name"] == "Leah Brennan"
        assert read["employed_since"] == "2021-03-01"  # as the file has it
        assert read == service.export_data(book.id)["about"]
    finally:
        database.close()


def test_reading_a_part_loads_no_orm_models(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from flexprep.core import fields\n"
        "from flexprep.core.database import open_database\n"
        "from flexprep.core.service import WorkbookService\n"
        f"db = open_database({str(tmp_path / 'db.sqlite3')!r})\n"
        "service = WorkbookService(db.factory)\n"
        "for book in service.list_workbooks():\n"
        "    service.part_fields(fields.ABOUT, book.id)\n"
        "print('flexprep.core.models' in sys.modules)\n"
    )
    database = open_database(tmp_path / "db.sqlite3")
    WorkbookService(database.factory).create_workbook("Mine", drafts=False)
    database.close()
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"
