"""Scale: a workbook with 10,000 objections and 50,000 rehearsals, and a 1 MB answer.

Measures (issue targets in brackets):
- the brief of the huge workbook, in a fresh process: time [< 6 s] and peak memory
  [< 400 MB];
- the Objections tab of the huge workbook, from the click: shown (first paint), and
  its list filled (read in the background) and painted [< 1 s];
- typing at the end of a 1 MB self-assessment answer: the longest event-loop block
  [< 50 ms].

Usage: ``python benchmarks/bench_scale.py [brief|tab|typing ...]`` (default: all).
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

OBJECTIONS, REHEARSALS = 10_000, 50_000


def _huge_database(folder: Path) -> Path:
    from generate import large_workbook

    from flexprep.core import fileformat
    from flexprep.core.database import open_database
    from flexprep.core.service import WorkbookService

    db_path = folder / "huge.sqlite3"
    database = open_database(db_path)
    try:
        data = fileformat.validate(
            {
                "format": fileformat.FORMAT,
                "version": 1,
                "workbook": large_workbook(objections=OBJECTIONS, rehearsals=REHEARSALS),
            }
        )
        WorkbookService(database.factory).import_data(data)
    finally:
        database.close()
    return db_path


def brief(folder: Path, db_path: Path) -> None:
    out = folder / "brief.docx"
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flexprep",
            "--db",
            str(db_path),
            "export",
            "Large benchmark workbook",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if result.returncode != 0:
        print(result.stderr)
    print(
        f"brief of {OBJECTIONS:,} objections / {REHEARSALS:,} rehearsals: {seconds:.2f} s "
        f"(target < 6), peak {max(peak, before) / 1024:.0f} MB (target < 400), "
        f"{out.stat().st_size / 1e6:.1f} MB file"
    )


def _window(db_path: Path, folder: Path):  # noqa: ANN202
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from flexprep.app import make_window

    window = make_window(db_path, QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    window.resize(1366, 768)
    window.show()
    # Let the start-up work done aside (models, matplotlib) finish, as it has by the
    # time a person reaches for a tab.
    settle = time.monotonic() + 4
    while time.monotonic() < settle:
        app.processEvents()
        time.sleep(0.005)
    return app, window


def tab(folder: Path, db_path: Path) -> None:
    from PySide6.QtCore import QElapsedTimer, QTimer

    app, window = _window(db_path, folder)
    index = next(i for i in range(window.tabs.count()) if "Objection" in window.tabs.tabText(i))
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [0]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(2)
    ticker.timeout.connect(tick)
    ticker.start()
    started = time.perf_counter()
    window.tabs.setCurrentIndex(index)
    page = window.tabs.currentWidget()
    page.repaint()
    app.processEvents()
    page.grab()
    shown = time.perf_counter() - started
    # The list is read in the background: time it until every row is there and painted.
    while page.model.rowCount() < OBJECTIONS:
        app.processEvents()
        time.sleep(0.002)
    page.repaint()
    app.processEvents()
    page.grab()
    filled = time.perf_counter() - started
    ticker.stop()
    print(
        f"Objections tab with {OBJECTIONS:,} objections shown in {shown:.2f} s, its list "
        f"filled and painted in {filled:.2f} s (target < 1); longest event-loop block "
        f"{max(gaps, default=0)} ms"
    )
    window.close()


def typing(folder: Path) -> None:
    from flexprep.core.database import open_database
    from flexprep.core.service import WorkbookService

    db_path = folder / "typing.sqlite3"
    database = open_database(db_path)
    service = WorkbookService(database.factory)
    book = service.create_workbook("Long answer", drafts=False)
    service.set_answer(
        book.id, "goals", ("A long answer with some words. " * 40 + "\n") * (1_048_576 // 1240)
    )
    database.close()
    app, window = _window(db_path, folder)
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtTest import QTest

    window.tabs.setCurrentIndex(0)
    editor = window.tab_pages["assessment"].editors["goals"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    for _ in range(50):
        app.processEvents()
    clock = QElapsedTimer()
    clock.start()
    gaps: list[int] = []
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    ticker = QTimer()
    ticker.setInterval(2)
    ticker.timeout.connect(tick)
    text = "typed at the end of a megabyte. " * 2
    typed = [0]

    def type_one() -> None:
        if typed[0] < len(text):
            QTest.keyClick(editor, text[typed[0]])
            typed[0] += 1

    typist = QTimer()
    typist.setInterval(40)
    typist.timeout.connect(type_one)
    ticker.start()
    typist.start()
    deadline = time.monotonic() + len(text) * 0.04 + 2.5
    while time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.0005)
    ticker.stop()
    typist.stop()
    window.saver.flush()
    window.close()
    print(
        f"typing at the end of a 1 MB answer: longest event-loop block {max(gaps) - 2} ms "
        f"(target < 50), {typed[0]} keys"
    )


def main() -> int:
    wanted = set(sys.argv[1:]) or {"brief", "tab", "typing"}
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        if wanted & {"brief", "tab"}:
            started = time.perf_counter()
            db_path = _huge_database(folder)
            print(f"(made the huge workbook in {time.perf_counter() - started:.1f} s)")
            if "brief" in wanted:
                brief(folder, db_path)
            if "tab" in wanted:
                tab(folder, db_path)
        if "typing" in wanted:
            typing(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
