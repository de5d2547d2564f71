"""The command line: the window is one command among others (DESIGN.md)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from flexprep import __version__

USER_ERROR = 2


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line, like every other user error."""

    def error(self, message: str) -> NoReturn:
        self.exit(USER_ERROR, f"flexprep: {message} (see flexprep --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="flexprep",
        description="Prepare, privately and offline, to ask for a flexible work arrangement. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"flexprep {__version__}")
    parser.add_argument("--db", metavar="PATH", help="database file (default: FLEXPREP_DB, "
                        "else one in your user data folder)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("demo", help="add the bundled sample workbook, print its name")
    commands.add_parser("list", help="one line per workbook: name, scenario, updated")
    importer = commands.add_parser("import", help="add a workbook from a file, print its name")
    importer.add_argument("file", metavar="FILE.json")
    exporter = commands.add_parser("export", help="write a workbook file or a Word document")
    exporter.add_argument("name", metavar="NAME")
    exporter.add_argument("-o", "--output", required=True, metavar="OUT.json|OUT.docx")
    exporter.add_argument("--document", choices=["brief", "proposal", "followup", "letter"],
                          help="which Word document (default: brief)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the program; returns the exit status."""
    args = build_parser().parse_args(argv)
    from flexprep.core.errors import FlexPrepError

    try:
        if args.command is None:
            from flexprep.app import run_window

            return run_window(args.db)
        return _dispatch(args)
    except FlexPrepError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(_os_message(exc))


def _fail(message: str) -> int:
    print(f"flexprep: {message}", file=sys.stderr)
    return USER_ERROR


def _os_message(exc: OSError) -> str:
    if exc.filename is not None:
        return f"{exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _dispatch(args: argparse.Namespace) -> int:
    from flexprep.core.database import default_db_path, open_database
    from flexprep.core.service import WorkbookService

    if args.command == "import":
        # Read and check the file before the database is even opened.
        from flexprep.core import fileformat

        data = fileformat.read_file(args.file)
    elif args.command == "export":
        output = Path(args.output)
        suffix = output.suffix.lower()
        if suffix not in (".json", ".docx"):
            return _fail(f"{output}: the output must end in .json or .docx")
        if suffix == ".json" and args.document:
            return _fail("--document applies to Word (.docx) exports only")
        if not output.parent.is_dir():
            return _fail(f"{output.parent}: no such folder")

    database = open_database(args.db or default_db_path())
    try:
        service = WorkbookService(database.factory)
        if args.command == "list":
            for book in service.list_workbooks():
                updated = book.updated_at.strftime("%Y-%m-%d %H:%M")
                print(f"{book.name}\t{book.scenario}\t{updated}")
        elif args.command == "demo":
            from flexprep.core import content, fileformat

            book = service.import_data(fileformat.read_file(content.sample_workbook_path()))
            print(book.name)
        elif args.command == "import":
            print(service.import_data(data).name)
        elif args.command == "export":
            data = service.export_data(service.find_workbook(args.name).id)
            if suffix == ".json":
                from flexprep.core import fileformat

                fileformat.write_file(data, output)
            else:
                from flexprep.reports.documents import write_document

                write_document(data, args.document or "brief", output)
            print(output)
    finally:
        database.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
