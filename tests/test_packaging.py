"""The wheel holds the whole program: every module of the checkout and every resource.

The wheel is built offline from a copy of the checkout with this environment's own
setuptools, installed into a folder of its own and imported by a Python that cannot
see the checkout.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "flexprep"
RESOURCES = REPO / "resources"

#: What a source checkout has that a wheel build must not see (stale build output).
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "*.pyc",
    ".*cache",
    ".hypothesis",
    "out",
    "screens",
    "tests",
    "benchmarks",
    "docs",
)

# Runs in the installed copy's Python: imports each module and says where it came from
# (or why it could not be imported).
PROBE = """
import importlib, importlib.util, json, os, sys
names, checkout = json.loads(sys.argv[1]), sys.argv[2]
sys.path[:] = [entry for entry in sys.path if entry and os.path.realpath(entry) != checkout]
found = {}
for name in names:
    try:
        if name.rpartition(".")[2] == "__main__":  # runs the program: find it only
            found[name] = importlib.util.find_spec(name).origin
        else:
            found[name] = importlib.import_module(name).__file__
    except Exception as exc:
        found[name] = f"not imported: {exc!r}"
from flexprep.core import content
found["resource_dir"] = str(content.resource_dir())
found["prompts"] = len(content.prompts())
print(json.dumps(found))
"""


def checkout_modules() -> list[str]:
    """Dotted names of every module under ``flexprep/`` in the checkout."""
    names = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def resource_files() -> list[Path]:
    return sorted(
        p.relative_to(RESOURCES)
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    )


def run(command: list[str], cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"{' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel of this checkout, installed into a folder of its own."""
    root = tmp_path_factory.mktemp("packaging")
    source, wheels, target = root / "source", root / "wheels", root / "site"
    shutil.copytree(REPO, source, ignore=NOT_SOURCE)
    env = {
        key: value
        for key, value in os.environ.items()
        if key != "PYTHONPATH" and not key.startswith("PIP_")
    }
    env.update(PIP_DISABLE_PIP_VERSION_CHECK="1", PIP_NO_INPUT="1")
    pip = [sys.executable, "-m", "pip"]
    run(
        [
            *pip,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-q",
            "-w",
            str(wheels),
            str(source),
        ],
        root,
        env,
    )
    (wheel,) = wheels.glob("flexprep-*.whl")
    run(
        [*pip, "install", "--no-deps", "--no-index", "-q", "--target", str(target), str(wheel)],
        root,
        env,
    )
    return target


def probe(target: Path, cwd: Path) -> dict[str, object]:
    """Where a Python that sees ``target`` but not the checkout finds each module."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    env["PYTHONPATH"] = str(target)
    # -P: neither the current folder nor the script's joins sys.path.
    output = run(
        [sys.executable, "-P", "-c", PROBE, json.dumps(checkout_modules()), str(REPO)], cwd, env
    )
    result: dict[str, object] = json.loads(output)
    return result


def not_from(target: Path, found: dict[str, object]) -> dict[str, object]:
    """The checkout's modules that were not loaded from ``target``, with where they were."""
    return {
        name: found[name]
        for name in checkout_modules()
        if not Path(str(found[name])).is_relative_to(target / "flexprep")
    }


def test_every_module_of_the_checkout_is_imported_from_the_wheel(
    installed: Path, tmp_path: Path
) -> None:
    assert "flexprep.ui.shell.window" in checkout_modules()  # the walk sees subpackages
    found = probe(installed, tmp_path)
    assert not_from(installed, found) == {}
    assert Path(str(found["resource_dir"])) == installed / "flexprep" / "resources"
    assert found["prompts"]


def test_every_resource_is_in_the_installed_copy(installed: Path) -> None:
    files = resource_files()
    assert Path("sample_workbook.json") in files
    missing = [str(f) for f in files if not (installed / "flexprep" / "resources" / f).is_file()]
    assert missing == []


def test_the_wheel_installs_only_the_flexprep_package(installed: Path) -> None:
    top_level = {
        p.name for p in installed.iterdir() if not p.name.endswith(".dist-info") and p.name != "bin"
    }  # bin: the script
    assert top_level == {"flexprep"}


def test_a_wheel_without_a_subpackage_fails_the_check(installed: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    shutil.copytree(installed, broken)
    shutil.rmtree(broken / "flexprep" / "ui" / "asks")
    missed = not_from(broken, probe(broken, tmp_path))
    assert sorted(missed) == [
        name for name in checkout_modules() if name.startswith("flexprep.ui.asks")
    ]
