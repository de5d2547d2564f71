"""The real window starts under X11 (Qt's xcb platform) on a virtual X server.

The rest of the suite runs Qt offscreen, which needs none of the X11 libraries the
README lists; this test is the one that does. It needs `xvfb-run` (Debian's `xvfb`
and `xauth`): without them it is skipped, except in CI (`FLEXPREP_CI=1`, set by
`.ci/run`, which installs them), where a missing X server is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.uitools import add_sample

#: Opens the window with the sample workbook, waits for it to be exposed, then reports.
CHILD = r"""
import sys
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from flexprep.app import make_window
window = make_window(sys.argv[1], QSettings(sys.argv[2], QSettings.Format.IniFormat))
window.show()

def report():
    if not window.windowHandle() or not window.windowHandle().isExposed():
        QTimer.singleShot(50, report)
        return
    area = window.screen().availableGeometry()
    bar = window.statusBar()
    print(app.platformName(), window.windowTitle(), sep="|")
    print(area.contains(window.geometry()), bar.isVisible(), sep="|")
    window.close()

QTimer.singleShot(0, report)
sys.exit(app.exec())
"""


def _xvfb_run() -> str:
    found = shutil.which("xvfb-run")
    if found is None or shutil.which("Xvfb") is None:
        if os.environ.get("FLEXPREP_CI") == "1":
            pytest.fail("xvfb-run or Xvfb is missing: .ci/run installs xvfb and xauth")
        pytest.skip("xvfb-run and Xvfb are not installed (apt-get install xvfb xauth)")
    return found


def test_the_window_starts_under_x11(tmp_path: Path) -> None:
    xvfb_run = _xvfb_run()
    db = tmp_path / "flexprep.sqlite3"
    add_sample(db)
    env = dict(os.environ, QT_QPA_PLATFORM="xcb")
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    result = subprocess.run(
        [
            xvfb_run,
            "--auto-servernum",
            "--server-args=-screen 0 1366x768x24",
            sys.executable,
            "-c",
            CHILD,
            str(db),
            str(tmp_path / "settings.ini"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    platform, title, fits, status_bar = result.stdout.replace("\n", "|").split("|")[:4]
    assert platform == "xcb"
    assert title.endswith("— FlexPrep")
    assert (fits, status_bar) == ("True", "True"), result.stdout
