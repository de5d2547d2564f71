"""Writing a file so that a crash leaves either the old file or the new one, never half.

One implementation for every file FlexPrep writes (workbook files, Word documents):
write beside the target under a private temporary name, flush it to the disk, rename it
over the target, then flush the folder so the rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def atomic_write(path: Path, write: Callable[[Path], Any]) -> Path:
    """Have ``write`` fill a temporary file beside ``path``, then put it in place.

    The temporary file is private (0600) and is removed if anything fails, so a
    failure leaves the old file (if any) untouched and no debris behind.

    Raises:
        FileNotFoundError: the folder does not exist.
        OSError: whatever writing, flushing or renaming raised.
    """
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise FileNotFoundError(f"the folder {folder} does not exist")
    handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    os.close(handle)
    temp = Path(temp_name)
    try:
        write(temp)
        _fsync_file(temp)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)
    return path


def atomic_write_bytes(path: Path, payload: bytes) -> Path:
    """Write ``payload`` to ``path`` atomically."""
    return atomic_write(path, lambda temp: temp.write_bytes(payload))


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    # Not every platform or file system can open a folder for fsync; the rename has
    # happened either way.
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
