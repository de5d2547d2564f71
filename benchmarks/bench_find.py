"""Find (Ctrl+F) over a workbook with 10,000 objections and 50,000 rehearsals.

Measures (issue target in brackets):
- building the search index: reading the workbook from the database and flattening
  it (done once, in a worker thread, when the Find dialog opens);
- answering a query from the index, as each key press does [< 100 ms]: the slowest
  of several queries typed letter by letter, each repeated.

Usage: ``python benchmarks/bench_find.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Typed one letter at a time: a common word, a rare pair, nothing, a long phrase.
QUERIES = ("the", "objection 9999", "zzzz", "customer data never leaves", "a")


def main() -> None:
    from bench_scale import OBJECTIONS, REHEARSALS, _huge_database

    from flexprep.core.database import open_database
    from flexprep.core.search import build_index
    from flexprep.core.service import WorkbookService

    with tempfile.TemporaryDirectory() as folder:
        db_path = _huge_database(Path(folder))
        database = open_database(db_path)
        try:
            service = WorkbookService(database.factory)
            book = service.list_workbooks()[0]
            started = time.perf_counter()
            data = service.export_data(book.id)
            read = time.perf_counter() - started
            started = time.perf_counter()
            index = build_index(data)
            built = time.perf_counter() - started
        finally:
            database.close()
    worst, worst_query = 0.0, ""
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            typed = query[:end]
            for _ in range(3):
                started = time.perf_counter()
                hits = index.search(typed)
                index.count(typed) if len(hits) >= 200 else len(hits)
                took = time.perf_counter() - started
                if took > worst:
                    worst, worst_query = took, typed
    print(
        f"find over {OBJECTIONS:,} objections / {REHEARSALS:,} rehearsals "
        f"({len(index):,} texts): reading {read * 1000:.0f} ms + indexing "
        f"{built * 1000:.0f} ms (once, in a worker thread); slowest answer "
        f"{worst * 1000:.1f} ms for {worst_query!r} [< 100 ms]"
    )


if __name__ == "__main__":
    main()
