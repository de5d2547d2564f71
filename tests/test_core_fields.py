"""The field declarations close the loop: models, migrations, file, documents, privacy.

A workbook with every declared field set to a distinct, non-default value goes through
JSON export, import, Duplicate and the documents, and every value comes back; the ORM
columns, the frozen migrations and the declarations must agree.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from itertools import count
from pathlib import Path
from typing import Any

import pytest
from reports_fixtures import docx_text
from sqlalchemy import create_engine

from flexprep.core import fields as f
from flexprep.core import fileformat, kinds, kinds_trial, vocab
from flexprep.core.database import open_database
from flexprep.core.migrations import MIGRATIONS, SCHEMA_VERSION
from flexprep.core.service import WorkbookService
from flexprep.reports.documents import write_document
from flexprep.reports.privacy import manager_view

#: Columns that are bookkeeping, not user data: keys, ranks, timestamps.
BOOKKEEPING = {"id", "workbook_id", "objection_id", "position", "created_at", "updated_at"}
MANAGER_FACING = ("proposal", "followup", "letter", "review")


# --- a workbook with every field set -------------------------------------------------

_serial = count(1)


def distinct(field: f.Field, where: str) -> Any:
    """A valid value for ``field``, different from its default and from every other."""
    n = next(_serial)
    kind = field.kind
    if kind in (kinds.TEXT, kinds.OPTIONAL_TEXT):
        return f"«{where}.{field.key} {n}»"
    if kind in (kinds.TEXTS, kinds.UNIQUE_TEXTS):
        return [f"«{where}.{field.key} {n}a»", f"«{where}.{field.key} {n}b»"]
    if kind is kinds.RATING:
        return 1 + n % 5 if 1 + n % 5 != field.default else 1 + (n + 1) % 5
    if kind is kinds.COUNT:
        return 1000 + n
    if kind is kinds.WEEKS:
        return 1 + n % 100
    if kind is kinds.NUMBER:
        return n + 0.25
    if kind is kinds.FLAG:
        return not field.default
    if kind is kinds.DATE:
        return (date(2027, 1, 1) + timedelta(days=n)).isoformat()
    if kind is kinds.DATETIME:
        return f"{date(2027, 2, 1) + timedelta(days=n)}T10:{n % 60:02d}:00"
    if kind is kinds.SCHEDULE:
        return {"tue": {"where": "remote", "hours": f"08:{n % 60:02d}-16:30"}}
    if kind is kinds.NEXT_STEPS:
        return [
            {
                "text": f"«{where}.{field.key} {n}a»",
                "owner": f"«{where}.owner {n}»",
                "due": "2027-03-0" + str(1 + n % 9),
            },
            {"text": f"«{where}.{field.key} {n}b»", "owner": "", "due": None},
        ]
    if kind is kinds.OPTIONAL_DATES:
        return [(date(2025, 1, 1) + timedelta(days=n)).isoformat()]
    if kind is kinds.OPTIONAL_FLAG:
        return True
    if kind is kinds.REFUSAL:
        return {
            "reasons": f"«{where}.reasons {n}»",
            "grounds": ["extra_costs", "quality"],
            "decided_on": "2027-04-01",
            "meeting_held": False,
        }
    if kind is kinds_trial.DELIVERABLES:
        return [
            {
                "text": f"«{where}.{field.key} {n}a»",
                "due": f"2027-05-{1 + n % 28:02d}",
                "standard": f"«{where}.standard {n}»",
            },
            {"text": f"«{where}.{field.key} {n}b»", "due": None, "standard": ""},
        ]
    if kind is kinds_trial.REVIEW_RESULTS:
        return [
            {"measure": f"«{where}.measure {n}a»", "result": f"«{where}.result {n}a»"},
            {"measure": f"«{where}.measure {n}b»", "result": ""},
        ]
    if kind is kinds_trial.ALTERNATIVE_DETAILS:
        return {key: f"«{where}.{field.key}.{key} {n}»" for key in vocab.ALTERNATIVES}
    options = kind.options
    if kind.name in ("choice", "optional choice"):
        return next(key for key in reversed(options) if key != field.default)
    if kind.name == "list of choices":
        return list(options)[:2]
    raise AssertionError(f"no sample value for the kind {kind.name} of {where}.{field.key}")


def filled(record: f.Record, where: str) -> dict[str, Any]:
    return {field.key: distinct(field, where) for field in record}


def everything() -> dict[str, Any]:
    """The inner workbook object with every declared field set (two of each item)."""
    book = filled(f.WORKBOOK, "workbook")
    book[f.ANSWERS.key] = filled(f.ANSWERS, "answers")
    for record in f.ITEMS:
        book[record.key] = [filled(record, f"{record.key}[{i}]") for i in range(2)]
    for i, item in enumerate(book[f.EVIDENCE.key]):
        item["id"] = f"e{i + 1}"
        item["kind"] = "metric"  # a metric shows every field (not the default kind)
    for i, item in enumerate(book[f.OBJECTIONS.key]):
        item["id"] = f"o{i + 1}"
        item["evidence"] = ["e2", "e1"][: i + 1]
        item[f.REHEARSALS.key] = [filled(f.REHEARSALS, f"rehearsals{i}.{j}") for j in range(2)]
    # Endorsements: one shared, one not, so the manager view has something to drop.
    book[f.ENDORSEMENTS.key][0]["shareable"] = True
    book[f.ENDORSEMENTS.key][1]["shareable"] = False
    # The trial log likewise: one entry shared with the manager, one kept private.
    book[f.TRIAL_LOG.key][0]["shareable"] = True
    book[f.TRIAL_LOG.key][1]["shareable"] = False
    for record in f.PARTS:
        book[record.key] = filled(record, record.key)
    return book


def as_file(book: dict[str, Any]) -> dict[str, Any]:
    return {"format": fileformat.FORMAT, "version": fileformat.VERSION, "workbook": book}


def leaves(value: Any, where: str = "") -> list[tuple[str, Any]]:
    """(path, value) of every scalar inside ``value``."""
    if isinstance(value, dict):
        return [pair for key, inner in value.items() for pair in leaves(inner, f"{where}.{key}")]
    if isinstance(value, list):
        return [pair for i, inner in enumerate(value) for pair in leaves(inner, f"{where}[{i}]")]
    return [(where, value)]


# --- the loop -----------------------------------------------------------------------


def test_the_sample_values_are_distinct_and_not_defaults() -> None:
    book = everything()
    texts = [value for _, value in leaves(book) if isinstance(value, str) and "«" in value]
    assert len(texts) == len(set(texts))
    for record in (f.WORKBOOK, *f.PARTS):
        source = book if record is f.WORKBOOK else book[record.key]
        for field in record:
            assert source[field.key] != field.default, f"{record.model}.{field.key}"


def test_every_field_survives_export_import_and_duplicate(database: Any) -> None:
    service = WorkbookService(database.factory)
    book = everything()
    imported = service.import_data(fileformat.validate(as_file(book)))
    exported = service.export_data(imported.id)
    assert exported == book
    # Through the text of a file, as a user's backup goes.
    again = fileformat.parse_bytes(fileformat.dumps(exported).encode("utf-8"))
    assert fileformat.validate(as_file(book)) == again
    copy = service.duplicate_workbook(imported.id)
    duplicated = service.export_data(copy.id)
    assert duplicated == {**book, "name": copy.name}
    assert copy.name == f"{book['name']} (2)"


def test_every_text_field_reaches_the_brief(tmp_path: Path) -> None:
    book = everything()
    text = docx_text(write_document(book, "brief", tmp_path / "brief.docx", dpi=30))
    # Keys into the bundled resources, not words the user typed.
    internal = (
        ".objections[0].library_key",
        ".objections[1].library_key",
        ".meeting.timing_checks[0]",
        ".meeting.timing_checks[1]",
    )
    missing = [
        (where, value)
        for where, value in leaves(book)
        if isinstance(value, str) and "«" in value and where not in internal and value not in text
    ]
    assert missing == []


@pytest.mark.parametrize("kind", MANAGER_FACING)
def test_no_private_text_reaches_a_manager_document(tmp_path: Path, kind: str) -> None:
    book = everything()
    text = docx_text(write_document(book, kind, tmp_path / f"{kind}.docx", dpi=30))
    view = json.dumps(manager_view(book), ensure_ascii=False)
    private = private_texts(book)
    assert private, "the sample must hold private text"
    leaked = [where for where, value in private if value in text or value in view]
    assert leaked == []


def private_texts(book: dict[str, Any]) -> list[tuple[str, str]]:
    """Every text the declarations call private, with where it sits."""
    found: list[tuple[str, str]] = []

    def add(record: f.Record, item: dict[str, Any], where: str, *, all_private: bool) -> None:
        for field in record:
            if all_private or not field.shareable:
                found.extend(
                    (f"{where}.{field.key}{p}", v)
                    for p, v in leaves(item[field.key])
                    if isinstance(v, str) and "«" in v
                )

    add(f.WORKBOOK, book, "workbook", all_private=False)
    add(f.ANSWERS, book[f.ANSWERS.key], "answers", all_private=False)
    for record in f.ITEMS:
        for i, item in enumerate(book[record.key]):
            hidden = record.row_flag is not None and not item[record.row_flag]
            add(record, item, f"{record.key}[{i}]", all_private=hidden)
            for j, rehearsal in enumerate(item.get(f.REHEARSALS.key, [])):
                add(f.REHEARSALS, rehearsal, f"{record.key}[{i}].rehearsals[{j}]", all_private=True)
    for record in f.PARTS:
        add(record, book[record.key], record.key, all_private=False)
    return found


def test_a_field_kept_for_one_document_reaches_only_that_one(tmp_path: Path) -> None:
    book = everything()
    reasons = book["meeting"]["refusal"]["reasons"]
    assert "refusal" not in manager_view(book)["meeting"]
    assert manager_view(book, "appeal")["meeting"]["refusal"]["reasons"] == reasons
    for kind in MANAGER_FACING:
        text = docx_text(write_document(book, kind, tmp_path / f"{kind}.docx", dpi=30))
        assert reasons not in text, kind


def test_manager_view_holds_exactly_the_shareable_fields() -> None:
    view = manager_view(everything())
    assert set(view) == {
        *f.WORKBOOK.shareable_keys,
        f.ANSWERS.key,
        *(r.key for r in (*f.ITEMS, *f.PARTS) if r.shareable_keys),
    }
    assert set(view[f.ANSWERS.key]) == set(f.ANSWERS.shareable_keys)
    for record in f.ITEMS:
        for item in view.get(record.key, []):
            extra = {"id"} if record is f.EVIDENCE else set()
            assert set(item) == set(record.shareable_keys) | extra, record.key
    for record in f.PARTS:
        everywhere = {field.key for field in record if field.shareable and not field.only_in}
        assert set(view[record.key]) == everywhere, record.key


# --- models, migrations and declarations agree ---------------------------------------

_SQL_TYPES = {
    "TEXT": ("TEXT", "VARCHAR", "STRING"),
    "INTEGER": ("INTEGER",),
    "REAL": ("FLOAT", "REAL"),
    "BOOLEAN": ("BOOLEAN",),
    "DATE": ("DATE",),
    "DATETIME": ("DATETIME",),
    "JSON": ("JSON",),
}


@pytest.mark.parametrize("record", f.TABLES, ids=lambda record: record.model)
def test_every_column_is_a_declared_field_and_back(record: f.Record) -> None:
    from flexprep.core import models

    table = getattr(models, record.model).__table__
    columns = {column.name: column for column in table.columns if column.name not in BOOKKEEPING}
    assert set(columns) == set(record.keys)
    for field in record:
        column = columns[field.key]
        type_name = type(column.type).__name__.upper()
        assert type_name.startswith(_SQL_TYPES[field.kind.sql]), f"{field.key}: {type_name}"
        nullable = field.default is None and not field.required
        assert column.nullable == nullable, f"{field.key}: nullable"
        if field.required:
            continue  # no default applies
        default = column.default.arg if column.default is not None else None
        if callable(default):
            default = default(None)  # SQLAlchemy wraps list and dict to take a context
        assert default == field.default, f"{record.model}.{field.key}: default"


def test_the_answer_rows_and_the_prompts_agree_with_the_declarations() -> None:
    from flexprep.core import content

    assert f.ANSWERS.keys == vocab.PROMPT_KEYS
    assert set(f.ANSWERS.shareable_keys) == set(vocab.SHAREABLE_PROMPT_KEYS)
    # The prompts' own "shareable" flag (the window's hint) says the same.
    prompts = {prompt["key"]: prompt for prompt in content.prompts()}
    assert set(prompts) == set(f.ANSWERS.keys)
    assert {key for key, p in prompts.items() if p["shareable"]} == set(f.ANSWERS.shareable_keys)


def test_the_workbook_summary_holds_the_declared_workbook_fields() -> None:
    from dataclasses import fields as dataclass_fields

    from flexprep.core.summaries import WorkbookInfo

    names = {item.name for item in dataclass_fields(WorkbookInfo)}
    assert names == {"id", *f.WORKBOOK.keys, "created_at", "updated_at"}


def test_every_file_key_is_declared() -> None:
    exported = everything()
    declared = {*f.WORKBOOK.keys, f.ANSWERS.key, *(r.key for r in (*f.ITEMS, *f.PARTS))}
    assert set(exported) == declared


def _schema(path: Path) -> dict[str, Any]:
    """Tables, columns, keys and indexes of a database, in comparable form."""
    conn = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
            )
        ]
        return {
            table: {
                # Name, type, not null and key; not the position or the SQL default
                # (ALTER TABLE adds columns last and needs a default for NOT NULL).
                "columns": sorted(
                    row[1:4] + row[5:] for row in conn.execute(f'PRAGMA table_info("{table}")')
                ),
                "foreign_keys": sorted(
                    row[2:] for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')
                ),
                "indexes": sorted(
                    (row[2], [c[2] for c in conn.execute(f'PRAGMA index_info("{row[1]}")')])
                    for row in conn.execute(f'PRAGMA index_list("{table}")')
                ),
                "checks": sorted(
                    " ".join(sql.split()).count("CHECK")
                    for (sql,) in conn.execute(
                        "SELECT sql FROM sqlite_master WHERE name = ?", (table,)
                    )
                ),
            }
            for table in tables
        }
    finally:
        conn.close()


def test_migrations_build_what_the_models_describe(tmp_path: Path) -> None:
    from flexprep.core.models import Base

    migrated = tmp_path / "migrated.sqlite3"
    open_database(migrated).close()
    modelled = tmp_path / "modelled.sqlite3"
    engine = create_engine(f"sqlite:///{modelled}")
    Base.metadata.create_all(engine)
    engine.dispose()
    assert _schema(migrated) == _schema(modelled)


def test_every_released_schema_has_a_committed_database() -> None:
    fixtures = Path(__file__).parent / "fixtures"
    assert sorted(MIGRATIONS) == list(range(1, SCHEMA_VERSION + 1))
    for version in range(1, SCHEMA_VERSION + 1):
        assert (fixtures / f"v{version}.sqlite3").is_file(), f"schema {version} has no fixture"
