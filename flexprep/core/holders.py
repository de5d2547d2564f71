"""Which other programs hold a database open: named in the message when it is locked.

"Locked by another program" invites the question "which one?". On Linux the answer is
in ``/proc``: every process's open files are links under ``/proc/<pid>/fd``. The scan
looks for the database file and its ``-wal``, ``-shm`` and ``-journal`` companions,
skips this process, and names each holder by its command name and process number
("sqlite3 (process 4242)"). Processes of other users cannot be looked into and are
not named; on other systems, or when nothing can be seen, the list is empty and the
message stays general. The scan runs only after a lock was met, off the GUI thread.
"""

from __future__ import annotations

import os
from pathlib import Path

_COMPANIONS = ("", "-wal", "-shm", "-journal")
#: At most this many holders are named (the rest are counted).
NAMED = 3


def lock_holders(path: Path, proc: Path = Path("/proc")) -> list[str]:
    """Other processes with ``path`` (or its companions) open, as "name (process N)"."""
    try:
        real = os.path.realpath(path)
    except OSError:
        return []
    wanted = {real + suffix for suffix in _COMPANIONS}
    mine = os.getpid()
    found: list[str] = []
    try:
        entries = list(os.scandir(proc))
    except OSError:
        return []
    for entry in entries:
        if not entry.name.isdigit() or int(entry.name) == mine:
            continue
        if _holds(Path(entry.path) / "fd", wanted):
            found.append(f"{_command(Path(entry.path))} (process {entry.name})")
    return found


def _holds(fd_folder: Path, wanted: set[str]) -> bool:
    try:
        descriptors = os.scandir(fd_folder)
    except OSError:  # another user's process, or gone meanwhile
        return False
    with descriptors:
        for descriptor in descriptors:
            try:
                if os.readlink(descriptor.path) in wanted:
                    return True
            except OSError:
                continue
    return False


def _command(process: Path) -> str:
    try:
        name = (process / "comm").read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return "a program"
    return name or "a program"


def holders_text(path: Path) -> str:
    """ "; held open by sqlite3 (process 4242)" for a message, or "" when none is seen."""
    found = lock_holders(path)
    if not found:
        return ""
    named = ", ".join(found[:NAMED])
    more = len(found) - NAMED
    return f"; held open by {named}" + (f" and {more} more" if more > 0 else "")
