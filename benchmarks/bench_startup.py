"""Start-up of the window against the stack's floor, and keystroke latency.

Start-up: process start to the first paint of the window with the sample workbook,
against a bare PySide6 window with six empty tabs that also imports SQLAlchemy's ORM
and runs one query on the same database file. Runs alternate, in one run. Both run
from compiled bytecode, as an installed copy does (FlexPrep's is kept in the run's
temporary folder, even under PYTHONDONTWRITEBYTECODE).
Target: median ratio at most 1.3; matplotlib and python-docx not loaded at first paint.

Keystrokes: typing into an answer with saving on; the longest the event loop was
blocked (gap between ticks of a 2 ms timer, minus the interval). Target: under 50 ms.

Usage: python benchmarks/bench_startup.py [--rounds 10]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

APP_CHILD = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from flexprep.app import make_window
window = make_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            heavy = [m for m in ("matplotlib", "docx") if m in sys.modules]
            print(f"{time.time():.6f} {','.join(heavy) or '-'}", flush=True)
            app.exit(0)
        return False
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
"""

FLOOR_CHILD = r"""
import sys, time
from PySide6.QtCore import QObject, QEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
import sqlalchemy.orm
from sqlalchemy import create_engine, text
app = QApplication(sys.argv[:1])
engine = create_engine(f"sqlite:///{sys.argv[1]}")
with sqlalchemy.orm.Session(engine) as session:
    session.execute(text("SELECT name FROM workbook")).all()
window = QMainWindow()
tabs = QTabWidget()
for title in ("1", "2", "3", "4", "5", "6"):
    tabs.addTab(QWidget(), title)
window.setCentralWidget(tabs)
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"{time.time():.6f} -", flush=True)
            app.exit(0)
        return False
watcher = Painted()
window.installEventFilter(watcher)
window.resize(1180, 800)
window.show()
app.exec()
"""


#: Where the child processes keep FlexPrep's compiled bytecode (set by ``startup``).
_PYCACHE: list[str] = []


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    if _PYCACHE:
        # Like an installed copy (pip compiles on install) and like the floor, whose
        # SQLAlchemy and PySide6 have their bytecode: FlexPrep runs from bytecode too,
        # kept in the run's temporary folder (PYTHONDONTWRITEBYTECODE would otherwise
        # make every run compile ~70 modules from source, ~40 ms no user ever pays).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _PYCACHE[0]
    return env


def _time(code: str, *args: str) -> tuple[float, str]:
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=_env(), check=True
    ).stdout.split()
    return float(out[0]) - start, out[1]


def startup(rounds: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        _PYCACHE[:] = [str(Path(folder) / "pycache")]
        db = Path(folder) / "bench.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "flexprep", "--db", str(db), "demo"],
            check=True,
            env=_env(),
            capture_output=True,
        )
        ini = str(Path(folder) / "settings.ini")
        _time(APP_CHILD, str(db), ini)  # warm the file cache and compile the bytecode
        _time(FLOOR_CHILD, str(db))
        app_times, floor_times, heavy = [], [], set()
        for _ in range(rounds):
            seconds, loaded = _time(APP_CHILD, str(db), ini)
            app_times.append(seconds)
            heavy.add(loaded)
            floor_times.append(_time(FLOOR_CHILD, str(db))[0])
        _PYCACHE.clear()
    app_median, floor_median = statistics.median(app_times), statistics.median(floor_times)
    print(
        f"window shown (sample workbook): median {app_median:.3f} s "
        f"(min {min(app_times):.3f}, max {max(app_times):.3f})"
    )
    print(
        f"floor (bare window + ORM + query): median {floor_median:.3f} s "
        f"(min {min(floor_times):.3f}, max {max(floor_times):.3f})"
    )
    print(f"ratio: {app_median / floor_median:.2f} (target <= 1.3)")
    print(f"heavy modules loaded before first paint: {', '.join(sorted(heavy))}")


def keystrokes(large: bool) -> None:
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from flexprep.app import make_window
    from flexprep.core import content, fileformat
    from flexprep.core.database import open_database
    from flexprep.core.service import WorkbookService

    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "keys.sqlite3"
        database = open_database(db_path)
        service = WorkbookService(database.factory)
        if large:
            sys.path.insert(0, str(ROOT / "benchmarks"))
            from generate import large_workbook

            service.import_data(
                fileformat.validate(
                    {"format": "flexprep.workbook", "version": 1, "workbook": large_workbook()}
                )
            )
        else:
            service.import_data(fileformat.read_file(content.sample_workbook_path()))
        database.close()
        window = make_window(
            db_path, QSettings(str(Path(folder) / "s.ini"), QSettings.Format.IniFormat)
        )
        window.resize(1280, 800)
        window.show()
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
        typed = [0]
        text = "I want to finish the MBA without dropping a single delivery. " * 3

        def type_one() -> None:
            if typed[0] >= len(text):
                return
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
        database = open_database(db_path)
        service_text = WorkbookService(database.factory).answers(window.workbook_id)["goals"]
        database.close()
        saved = service_text.endswith(text[-20:])
        window.close()
    worst = max(gaps) - 2
    label = "large workbook" if large else "sample workbook"
    print(
        f"keystrokes ({label}): {typed[0]} typed, longest event-loop block {worst} ms "
        f"(target < 50), 99th percentile gap {sorted(gaps)[int(len(gaps) * 0.99)]} ms, "
        f"saved: {saved}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    if not args.skip_startup:
        startup(args.rounds)
    keystrokes(large=False)
    if (ROOT / "benchmarks" / "generate.py").exists():
        keystrokes(large=True)
    sys.stdout.flush()
    os._exit(0)  # skip interpreter teardown of Qt objects


if __name__ == "__main__":
    main()
