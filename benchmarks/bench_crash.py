"""Crash safety: the window killed with SIGKILL while the user types loses at most the
last second, and never leaves a damaged database.

Usage (from the repository root): ``python benchmarks/bench_crash.py [--rounds 40]``

Each round starts the real window (offscreen) on a database holding the sample
workbook, types into the first answer of the self-assessment one character every
20 ms, as keys, and reports each character as it is typed. At a random moment
between 1 and 4 s into the typing the process is killed with SIGKILL: no clean-up,
no closing. Then, as the next start of the app would:

- the database passes ``PRAGMA integrity_check`` and opens in FlexPrep;
- the saved answer is what was there before plus a prefix of what was typed, and
  that prefix holds everything typed more than a second before the kill.

The window lock left by the killed process must not stand in the way: the next
round's window opens on the same file (a stale lock is taken over).

Exit status 1 when any round fails.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

#: Everything typed this long before the kill must be in the database.
LOSS_LIMIT_S = 1.0
TYPED = "while the window was killed mid-sentence, every older word stayed. " * 4

CHILD = r"""
import sys, time
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from flexprep.app import make_window
window = make_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()
text = sys.argv[3]
state = {"n": 0, "editor": None}

def start():
    editor = window.tab_pages["assessment"].editors["goals"]
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    state["editor"] = editor
    print(f"ready {time.time():.6f}", flush=True)
    timer.start(20)

def type_one():
    n = state["n"]
    if n >= len(text):
        timer.stop()
        return
    QTest.keyClicks(state["editor"], text[n])
    state["n"] = n + 1
    print(f"typed {n + 1} {time.time():.6f}", flush=True)

timer = QTimer()
timer.timeout.connect(type_one)
QTimer.singleShot(800, start)  # the window settled, as a user would start typing
app.exec()
"""


def goals(db: Path) -> str:
    connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        (check,) = connection.execute("PRAGMA integrity_check").fetchone()
        if check != "ok":
            raise AssertionError(f"integrity_check: {check}")
        row = connection.execute("SELECT text FROM answer WHERE key = 'goals'").fetchone()
        return str(row[0]) if row else ""
    finally:
        connection.close()


def one_round(db: Path, settings: Path, rng: random.Random) -> tuple[bool, str]:
    before = goals(db)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(db), str(settings), TYPED],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    typed_at: list[float] = []
    line = child.stdout.readline()
    if not line.startswith("ready"):
        child.kill()
        child.wait()
        return False, f"the window did not start ({line.strip() or 'no output'})"
    kill_after = rng.uniform(1.0, 4.0)
    deadline = time.time() + kill_after
    while time.time() < deadline:
        line = child.stdout.readline()
        if not line:
            break
        if line.startswith("typed"):
            typed_at.append(float(line.split()[2]))
    os.kill(child.pid, signal.SIGKILL)
    killed = time.time()
    child.wait()
    child.stdout.close()
    after = goals(db)
    if not after.startswith(before):
        return False, "the text saved before this round changed"
    kept = after[len(before) :]
    if not TYPED.startswith(kept):
        return False, f"saved text is not what was typed: {kept[-40:]!r}"
    must = sum(1 for moment in typed_at if moment <= killed - LOSS_LIMIT_S)
    if len(kept) < must:
        return False, f"lost {must - len(kept)} characters typed over {LOSS_LIMIT_S} s before"
    lost_s = 0.0 if len(kept) >= len(typed_at) else killed - typed_at[len(kept)]
    return (
        True,
        f"killed at {kill_after:.2f} s: {len(kept)}/{len(typed_at)} kept, "
        f"oldest lost {lost_s:.2f} s ago",
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "db.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "flexprep", "--db", str(db), "demo"],
            check=True,
            capture_output=True,
            env=dict(os.environ, PYTHONPATH=str(REPO)),
        )
        for number in range(1, args.rounds + 1):
            ok, said = one_round(db, Path(folder) / "window.ini", rng)
            failures += not ok
            print(f"round {number:3d}: {'ok  ' if ok else 'FAIL'} {said}", flush=True)
    print(
        f"{args.rounds - failures} of {args.rounds} rounds lost nothing older than "
        f"{LOSS_LIMIT_S:g} s and left the database whole"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
