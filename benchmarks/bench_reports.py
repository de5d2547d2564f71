"""Word export benchmark: the documents for the sample and for a large workbook.

Each measurement runs in a fresh interpreter, so it includes importing matplotlib and
python-docx, drawing the charts at print resolution (200 dpi) and writing the file.
Loading the workbook (reading the JSON, generating the large one) is not timed.

Cases and targets:
  ``sample`` (``resources/sample_workbook.json``): every document under 1.5 s;
  ``declined`` (the sample after a refusal, as tests/documents_fixtures.py makes it:
  the case for the appeal, which needs a recorded refusal): under 1.5 s;
  ``large`` (100 asks, 300 objections with 2,000 rehearsals, 200 evidence items,
  100 endorsements): under 6 s and under 400 MB peak memory (``ru_maxrss``).

Usage (from the repository root):
    python benchmarks/bench_reports.py [--rounds 3] [--strict] [--kinds brief,proposal]
        [--cases sample,large]

For example, the manager's formal documents in a fresh process each:
    python benchmarks/bench_reports.py --cases sample,declined --kinds letter,appeal

Prints one line per case: the median and best wall time of the rounds, the CPU time
(user + system, less sensitive to other load on the machine), the whole process time
including interpreter start, and peak memory. With ``--strict`` the exit status is 1
when a median misses its target.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

TARGETS = {"sample": (1.5, 400.0), "declined": (1.5, 400.0), "large": (6.0, 400.0)}

CHILD = r"""
import json, resource, sys, time
sys.path[:0] = [{repo!r}, {repo!r} + "/benchmarks", {repo!r} + "/tests"]
case, kind, out = sys.argv[1:4]
if case == "sample":
    with open({repo!r} + "/resources/sample_workbook.json", encoding="utf-8") as handle:
        wb = json.load(handle)["workbook"]
elif case == "declined":
    from documents_fixtures import after_meeting
    wb = after_meeting("declined")
else:
    try:
        from generate import large_workbook
    except ImportError:
        from reports_fixtures import large_workbook
    wb = large_workbook()
before = resource.getrusage(resource.RUSAGE_SELF)
cpu_before = before.ru_utime + before.ru_stime
start = time.perf_counter()
from flexprep.reports.documents import write_document
steps = []
write_document(wb, kind, out, progress=lambda done, total: steps.append(
    round(time.perf_counter() - start, 3)))
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
rss, cpu = usage.ru_maxrss, usage.ru_utime + usage.ru_stime - cpu_before
print(json.dumps({{"seconds": seconds, "cpu": cpu, "maxrss_mb": rss / 1024, "steps": steps,
                  "matplotlib": "matplotlib" in sys.modules}}))
"""


def run_once(case: str, kind: str, folder: Path) -> dict[str, float]:
    out = folder / f"{case}_{kind}.docx"
    began = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", CHILD.format(repo=str(REPO)), case, kind, str(out)],
        capture_output=True, text=True, check=False, timeout=300,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"{case} {kind} failed:\n{result.stderr}")
    report = json.loads(result.stdout.strip().splitlines()[-1])
    report["process_s"] = time.perf_counter() - began
    report["kb"] = out.stat().st_size / 1024
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kinds", default="brief")
    parser.add_argument("--cases", default="sample,large")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args()
    missed = []
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {load:.2f}")
    with tempfile.TemporaryDirectory() as folder:
        for case in args.cases.split(","):
            for kind in args.kinds.split(","):
                runs = [run_once(case, kind, Path(folder)) for _ in range(args.rounds)]
                seconds = [run["seconds"] for run in runs]
                median, rss = statistics.median(seconds), max(run["maxrss_mb"] for run in runs)
                time_target, rss_target = TARGETS[case]
                ok = median < time_target and rss < rss_target
                if not ok and (kind == "brief" or case != "large"):
                    missed.append(f"{case} {kind}")
                print(
                    f"{case:6} {kind:8} export {median:5.2f} s median, {min(seconds):5.2f} s best,"
                    f" CPU {statistics.median(r['cpu'] for r in runs):5.2f} s"
                    f" (whole process {statistics.median(r['process_s'] for r in runs):5.2f} s),"
                    f" peak {rss:5.0f} MB, {runs[0]['kb']:6.0f} KB file"
                    f"  [target < {time_target} s, < {rss_target:.0f} MB: "
                    f"{'ok' if ok else 'MISSED'}]"
                )
                print(f"{'':16}progress at (s): {runs[0]['steps']}")
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
