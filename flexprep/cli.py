"""The command line: the window is one command among others (docs/design.md).

Only what a command needs is imported, when it needs it: ``flexprep list`` should cost
little more than loading SQLAlchemy, and no command but the window loads Qt.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from flexprep import __version__

USER_ERROR = 2
INTERRUPTED = 130
DOCUMENTS = ("brief", "proposal", "followup", "letter", "appeal", "review")


def one_line(text: str) -> str:
    """``text`` with control characters and line breaks escaped, so it stays one line."""
    import unicodedata

    return "".join(
        ch.encode("unicode_escape").decode("ascii")
        if unicodedata.category(ch) in ("Cc", "Zl", "Zp")
        else ch
        for ch in text
    )


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USER_ERROR, f"flexprep: {one_line(message)} (see flexprep --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="flexprep",
        description="Prepare, privately and offline, to ask for a flexible work arrangement. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"flexprep {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file (default: FLEXPREP_DB, else one in your user data folder)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("demo", help="add the bundled sample workbook, print its name")
    commands.add_parser("list", help="one line per workbook: name, scenario, updated")
    importer = commands.add_parser("import", help="add a workbook from a file, print its name")
    importer.add_argument("file", metavar="FILE.json")
    exporter = commands.add_parser(
        "export", help="write a workbook file, a Word document or a calendar (.ics)"
    )
    exporter.add_argument("name", metavar="NAME")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT.json|OUT.docx|OUT.ics")
    exporter.add_argument(
        "--document", choices=DOCUMENTS, help="which Word document (default: brief)"
    )
    exporter.add_argument(
        "--include-drafts",
        action="store_true",
        help="keep draft asks in a manager-facing document (left out by default)",
    )
    exporter.add_argument(
        "--with-recordings",
        action="store_true",
        help="also copy the rehearsal recordings into OUT.recordings/ (.json only)",
    )
    backup = commands.add_parser("backup", help="make a backup copy of the database now")
    backup.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write it (default: the backups folder beside it)",
    )
    commands.add_parser("backups", help="list the backups: file, date, workbooks")
    restore = commands.add_parser("restore", help="back up the present state, then restore FILE")
    restore.add_argument("file", metavar="FILE")
    analyse = commands.add_parser(
        "analyse",
        help="speaking time, pauses, pace and a rough transcript of a WAV "
        "recording, as one JSON object (16-bit PCM, any rate or channels)",
    )
    analyse.add_argument("file", metavar="FILE.wav")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A name with an emoji must not crash a terminal that cannot show it.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    args = build_parser().parse_args(argv)
    from flexprep.core.errors import FlexPrepError

    try:
        if args.command is None:
            from flexprep.app import run_window

            return run_window(args.db)
        return _dispatch(args)
    except FlexPrepError as exc:
        if exc.__cause__ is None:
            return _fail(str(exc))
        from flexprep.core.explain import explain  # over a database error: name the cause

        return _fail(explain(exc, _known_path(args)))
    except OSError as exc:
        return _fail(_os_message(exc))
    except Exception as exc:  # noqa: BLE001 - a database error the layers above missed
        from flexprep.core.explain import explain, is_database_error

        if is_database_error(exc):
            return _fail(explain(exc, _known_path(args)))
        raise
    except KeyboardInterrupt:
        return _fail("interrupted", INTERRUPTED)


def _fail(message: str, status: int = USER_ERROR) -> int:
    print(f"flexprep: {one_line(message)}", file=sys.stderr)
    return status


def _os_message(exc: OSError) -> str:
    from flexprep.core.explain import explain_os

    if exc.filename is not None:
        return f"{exc.filename}: {explain_os(exc)}"
    return explain_os(exc)


def _database_path(args: argparse.Namespace) -> Path:
    from flexprep.core.database import default_db_path
    from flexprep.core.errors import DatabaseError

    if args.db is not None:
        if not args.db.strip():
            raise DatabaseError("--db: the database path is empty")
        return Path(args.db).expanduser()
    return default_db_path()


def _known_path(args: argparse.Namespace) -> Path | None:
    """The database the command used, for naming who holds it locked (None: unknown)."""
    try:
        return _database_path(args)
    except Exception:  # noqa: BLE001 - only a detail of a message
        return None


#: Commands that only read: they open the database read-only and never create it.
_READING = ("list", "export", "backups", "backup")


def _dispatch(args: argparse.Namespace) -> int:
    # Everything that can be checked without the database is checked first, so a
    # refused command has not even opened (or created) it.
    if args.command == "analyse":
        return _analyse(args.file)
    if args.command == "import":
        from flexprep.core import fileformat

        data = fileformat.read_file(args.file)
    elif args.command == "demo":
        from flexprep.core import content, fileformat

        data = fileformat.read_file(content.sample_workbook_path())
    elif args.command == "export":
        output = Path(args.output)
        suffix = output.suffix.lower()
        if suffix not in (".json", ".docx", ".ics"):
            return _fail(f"{output}: the output must end in .json, .docx or .ics")
        if suffix != ".docx" and args.document:
            return _fail("--document applies to Word (.docx) exports only")
        if suffix != ".docx" and args.include_drafts:
            return _fail("--include-drafts applies to Word (.docx) exports only")
        if suffix != ".json" and args.with_recordings:
            return _fail("--with-recordings applies to workbook (.json) exports only")
        problem = _output_problem(output)
        if problem:
            return _fail(problem)

    path = _database_path(args)
    if args.command in _READING and not path.exists():
        # Reading commands do not create a database.
        if args.command == "export":
            return _fail(f"no workbook named '{args.name}' (there is no database at {path})")
        if args.command == "backup":
            return _fail(f"there is no database at {path} to back up")
        return 0

    from flexprep.core.database import open_database

    database = open_database(path, read_only=args.command in _READING)
    try:
        if database.read_only and args.command not in _READING:
            return _fail(
                f"{path} is read-only (the file or its folder cannot be written); "
                "nothing was changed"
            )
        return _run(args, database, data if args.command in ("demo", "import") else None)
    finally:
        database.close()


def _output_problem(output: Path) -> str:
    """Why ``output`` cannot be written, the same way for every format; "" if it can."""
    import os

    if len(output.name.encode("utf-8", "surrogateescape")) > 255:
        return f"{output.name[:40]}…: the file name is too long (at most 255 bytes)"
    if not output.parent.is_dir():
        return f"{output.parent}: no such folder"
    if output.is_dir():
        return f"{output}: is a folder"
    if output.exists() and not output.is_file():
        return f"{output}: is not a regular file (a pipe, socket or device)"
    if output.exists() and not os.access(output, os.W_OK):
        return f"{output}: is read-only; nothing was written"
    if not os.access(output.parent, os.W_OK | os.X_OK):
        return f"{output.parent}: this folder cannot be written; nothing was written"
    return ""


def _run(args: argparse.Namespace, database: Any, data: Any) -> int:
    from flexprep.core import backups

    if args.command == "list":
        # Not through the service: listing needs no ORM models (start-up time).
        for book in database.workbook_summaries():
            print(f"{one_line(book.name)}\t{book.scenario}\t{book.updated_at:%Y-%m-%d %H:%M}")
    elif args.command in ("demo", "import"):
        from flexprep.core.service import WorkbookService

        print(one_line(WorkbookService(database.factory).import_data(data).name))
    elif args.command == "export":
        _export(args, database)
    elif args.command == "backup":
        target = Path(args.output).expanduser() if args.output else None
        if target is not None:
            problem = _output_problem(target)
            if problem:
                return _fail(problem)
        print(one_line(str(backups.make_backup(database.path, "manual", target))))
    elif args.command == "backups":
        for info in backups.list_backups(database.path):
            names = ", ".join(one_line(name) for name in info.workbooks) or "(no workbooks)"
            print(f"{one_line(str(info.path))}\t{info.taken_at:%Y-%m-%d %H:%M:%S}\t{names}")
    elif args.command == "restore":
        database.close()
        kept = backups.restore(database.path, Path(args.file).expanduser())
        print(f"restored {one_line(args.file)}; the state before is kept in {one_line(str(kept))}")
    return 0


def _analyse(file: str) -> int:
    # No database: a recording made elsewhere is only read. Two worker processes
    # transcribe a long answer at once (docs/design.md, "Rehearsing out loud").
    import json
    import os

    from flexprep.core.speech.analysis import analyse_file
    from flexprep.core.speech.audio import AudioError

    try:
        delivery = analyse_file(Path(file).expanduser(), workers=min(2, os.cpu_count() or 1))
    except AudioError as exc:
        return _fail(f"{file}: {exc}")
    print(json.dumps(delivery.as_dict(), ensure_ascii=False))
    return 0


def _export(args: argparse.Namespace, database: Any) -> None:
    # Plain SQL, not the service: exporting needs no ORM models (start-up time).
    from flexprep.core import transfer

    output = Path(args.output)
    with database.engine.connect() as connection:
        book = transfer.workbook_id(connection, args.name)
        exported = transfer.workbook_to_dict(connection, book)
    if output.suffix.lower() == ".json":
        from flexprep.core import fileformat

        fileformat.write_file(exported, output)
        if args.with_recordings:  # never in the file itself: WAVs in a folder beside it
            from flexprep.core.recordings import export_recordings

            with database.engine.connect() as connection:
                where = export_recordings(connection, book, database.path, output)
            print(f"flexprep: {one_line(where)}", file=sys.stderr)
    elif output.suffix.lower() == ".ics":
        from flexprep.core import calendar

        calendar.write_ics(exported, output)
    else:
        kind = args.document or "brief"
        if args.include_drafts:
            _check_formal(kind, exported)
        else:  # the gate sees what the document will hold: no draft asks
            from flexprep.reports.drafts import without_drafts

            _check_formal(kind, without_drafts(exported))
        from flexprep.reports.documents import write_document

        write_document(exported, kind, output, include_drafts=args.include_drafts)
        if kind != "brief" and not args.include_drafts:
            from flexprep.reports.drafts import left_out_note

            note = left_out_note(exported, kind)
            if note:
                print(f"flexprep: {one_line(note)}", file=sys.stderr)
    print(one_line(str(output)))


def _check_formal(kind: str, exported: dict[str, Any]) -> None:
    """The command line's gates (the window shows a checklist instead): a letter only
    when its jurisdiction's required elements are all there, an appeal only after a
    refusal. Nothing is written when one fails."""
    from flexprep.core.errors import FlexPrepError

    if kind == "letter":
        from flexprep.core import law

        gaps = law.missing(exported)
        if gaps:
            raise FlexPrepError(law.missing_line(gaps))
    elif kind == "appeal":
        from flexprep.core import vocab

        outcome = (exported.get("meeting") or {}).get("outcome") or "pending"
        if outcome != "declined":
            raise FlexPrepError(
                "the appeal replies to a refusal, and this workbook's outcome is "
                f"'{vocab.OUTCOMES.get(outcome, outcome)}', not 'Declined'"
            )


if __name__ == "__main__":
    sys.exit(main())
