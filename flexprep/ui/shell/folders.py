"""File dialogs start in the folder the user last chose for that kind of file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


class LastFolders:
    """Remembers, per kind of file (``documents``, ``workbook_files``), the last folder."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings if settings is not None else QSettings()

    def folder(self, kind: str) -> Path:
        """The folder last used for ``kind`` if it still exists, else the home folder."""
        saved = self.settings.value(f"folders/{kind}")
        if isinstance(saved, str) and saved and Path(saved).is_dir():
            return Path(saved)
        return Path.home()

    def suggest(self, kind: str, filename: str = "") -> str:
        """Where a dialog for ``kind`` should start: the folder, with ``filename``."""
        folder = self.folder(kind)
        return str(folder / filename) if filename else str(folder)

    def remember(self, kind: str, path: str) -> None:
        """Note the folder of ``path``, the file just chosen for ``kind``."""
        if path:
            self.settings.setValue(f"folders/{kind}", str(Path(path).resolve().parent))
