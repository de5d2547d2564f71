"""Shared test set-up: offscreen Qt, a private sandbox for user folders, core fixtures."""

# Before anything can import Qt: the suite runs on machines without a display.
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import atexit  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SAMPLE_WORKBOOK = REPO / "resources" / "sample_workbook.json"
#: Every field set, in the current file format; and the same workbook as version 1 wrote it.
FULL_WORKBOOK = FIXTURES / "full_workbook_v2.json"
FULL_WORKBOOK_V1 = FIXTURES / "full_workbook.json"

# The checkout's package wins over an installed copy, so tests test this tree.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

# Tests never touch the real user data folder, settings or database: every per-user
# location points into one private folder for the whole session.
_SANDBOX = Path(tempfile.mkdtemp(prefix="flexprep-tests-"))
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
# Caches (matplotlib's font list, fontconfig) hold no user data: keep the real ones,
# so each session does not rebuild them.
os.environ.setdefault("XDG_CACHE_HOME", str(Path.home() / ".cache"))
for _name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
    os.environ[_name] = str(_SANDBOX / _name.lower())
os.environ["HOME"] = str(_SANDBOX / "home")
Path(os.environ["HOME"]).mkdir()
os.environ.pop("FLEXPREP_DB", None)
os.environ.setdefault("XDG_RUNTIME_DIR", str(_SANDBOX / "runtime"))
Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(mode=0o700, exist_ok=True)
# Subprocesses (the command-line tests) import this checkout too.
os.environ["PYTHONPATH"] = os.pathsep.join(
    [str(REPO), *filter(None, [os.environ.get("PYTHONPATH")])]
)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A database path in this test's own folder (not created yet)."""
    return tmp_path / "flexprep.sqlite3"


@pytest.fixture
def database(db_path: Path) -> Iterator[Any]:
    """An open, empty database, closed at teardown."""
    from flexprep.core.database import open_database

    db = open_database(db_path)
    try:
        yield db
    finally:
        db.close()


@pytest.fixture
def service(database: Any) -> Any:
    """A :class:`WorkbookService` on an empty database."""
    from flexprep.core.service import WorkbookService

    return WorkbookService(database.factory)


@pytest.fixture
def full_data() -> dict[str, Any]:
    """The clean inner workbook of the test fixture that uses every field."""
    from flexprep.core import fileformat

    return fileformat.read_file(FULL_WORKBOOK)


@pytest.fixture
def sample_data() -> dict[str, Any]:
    """The clean inner workbook of the bundled sample (``resources/sample_workbook.json``)."""
    from flexprep.core import fileformat

    return fileformat.read_file(SAMPLE_WORKBOOK)
