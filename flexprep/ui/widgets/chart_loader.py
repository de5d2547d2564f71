"""matplotlib loaded in a background thread, so no chart ever freezes the window.

matplotlib (its Qt backend, and its font cache on a first run) takes seconds to
import on a slow machine. The window starts this import shortly after its first
paint; a chart that is wanted before it is done waits for it without blocking.
"""

from __future__ import annotations

import threading

_loaded = threading.Event()
_start_lock = threading.Lock()
_started = False


def _preload() -> None:
    try:
        import matplotlib.backends.backend_qtagg  # noqa: F401
        import matplotlib.figure  # noqa: F401
        from matplotlib import font_manager  # noqa: F401 (builds the font cache)

        import flexprep.reports.charts  # noqa: F401
    except Exception:  # noqa: BLE001, S110 - the GUI thread's own import reports it
        pass
    finally:
        _loaded.set()


def charts_loaded() -> bool:
    """True once matplotlib is imported; otherwise start importing it in the background."""
    global _started
    if _loaded.is_set():
        return True
    with _start_lock:
        if not _started:
            _started = True
            threading.Thread(target=_preload, name="flexprep-chart-import", daemon=True).start()
    return False
