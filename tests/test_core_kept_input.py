"""The kept input file (no Qt): text kept per workbook and field, private, forgiving."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from flexprep.core.recovery import KeptInput, kept_input_path


def test_text_is_kept_per_workbook_and_field_and_survives_a_new_reader(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    kept = KeptInput(db)
    assert kept.put(1, "EvidenceEditor#3/evidence_before", "about nine")
    assert not kept.put(1, "EvidenceEditor#3/evidence_before", "about nine")  # no change
    assert kept.put(2, "review_date", "next Tuesdy")
    kept.write(kept.payload())
    path = kept_input_path(db)
    assert path.name == "db.sqlite3.kept-input.json"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    again = KeptInput(db)
    assert again.get(1, "EvidenceEditor#3/evidence_before") == "about nine"
    assert again.get(2, "EvidenceEditor#3/evidence_before") is None  # another workbook's
    assert again.get(2, "review_date") == "next Tuesdy"

    # A deleted workbook's text goes; the last fix removes the file.
    assert again.prune({1})
    assert again.get(2, "review_date") is None
    assert again.drop(1, "EvidenceEditor#3/evidence_before")
    assert not again.drop(1, "EvidenceEditor#3/evidence_before")
    again.write(again.payload())
    assert not path.exists()


def test_a_damaged_or_foreign_file_counts_as_empty(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    path = kept_input_path(db)
    for content in (
        "{not json",
        json.dumps({"format": "something.else", "fields": {"1:x": {"workbook": 1, "text": "a"}}}),
        json.dumps({"format": "flexprep.kept-input", "fields": {"1:x": {"text": 5}}}),
        "\x00\xff",
    ):
        path.write_text(content, encoding="utf-8", errors="ignore")
        kept = KeptInput(db)
        assert kept.entries() == [] and kept.get(1, "x") is None
