"""The core, the reports and the command line never load Qt (docs/design.md, "Architecture")."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import importlib, json, os, pkgutil, sys
import flexprep.core, flexprep.reports, flexprep.cli
names = ["flexprep.cli"]
for package in (flexprep.core, flexprep.reports):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        importlib.import_module(info.name)
        names.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5",
                                                         "PyQt6"))
print(json.dumps({"imported": names, "qt": qt, "files": sorted(os.listdir("."))}))
"""


def test_core_reports_and_cli_load_no_qt(tmp_path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["qt"] == []
    assert "flexprep.core.service" in report["imported"]
    assert "flexprep.core.fileformat" in report["imported"]
    # Nothing happens at import time: no database, no folders.
    assert report["files"] == []
