"""What the window does before its first paint (issue 15, "Measured"): the first tab
shows the workbook's sender, read in plain SQL, while the ORM models, the Find dialog,
the export machinery and the heavy libraries wait until after the paint."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.uitools import add_sample

PROBE = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from flexprep.app import make_window
window = make_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
WATCHED = ("flexprep.core.models", "flexprep.ui.shell.find", "flexprep.ui.shell.dialogs",
           "flexprep.ui.shell.exporter", "flexprep.core.readiness", "matplotlib", "docx")
seen = {}
class Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not seen:
            who = window.tab_pages["assessment"].who
            seen["loaded"] = sorted(m for m in WATCHED if m in sys.modules)
            seen["sender"] = who.about["name"].text()
            seen["since"] = who.employed_since.text()
            app.exit(0)
        return False
watcher = Painted()
window.installEventFilter(watcher)
window.show()
app.exec()
print(json.dumps(seen))
"""


def test_the_first_paint_shows_the_sender_without_the_orm(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    add_sample(db)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(db), str(tmp_path / "settings.ini")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parent.parent,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["sender"] == "Leah Brennan"  # the sample's sender, already on screen
    assert "2021" in seen["since"]
    assert seen["loaded"] == []
