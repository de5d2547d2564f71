"""Command-line start-up and large-workbook benchmark.

Usage (from the repository root): ``python benchmarks/bench_cli.py [--rounds 10] [--strict]``

1. Start-up: the wall time of ``flexprep list``, ``flexprep export NAME -o x.json`` and
   ``flexprep export NAME -o plan.ics`` on a database holding the sample workbook,
   against the floor ``python -c "import sqlalchemy.orm"``, measured alternately in one
   run (so machine noise hits them all alike). Target: median ratio at most 1.3.
2. No command may load PySide6, matplotlib or docx (checked at exit of each).
3. ``flexprep import`` then ``flexprep export`` of a generated large workbook (100
   asks, 300 objections with 2,000 rehearsals, 200 evidence items, 100 endorsements):
   each under 2 s.

Exit status 1 when a module check or a large-workbook time fails (and, with
``--strict``, when a start-up ratio is over target).
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

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import large_workbook  # noqa: E402

RATIO_TARGET = 1.3
LARGE_LIMIT_S = 2.0
FORBIDDEN = ("PySide6", "shiboken6", "matplotlib", "docx")
#: Keys whose version 1 value gains version 2 fields on import (so compared by round trip).
_GREW = ("name", "asks", "plan", "meeting", "request", "trial_log")

# What the installed ``flexprep`` script does, plus (optionally) a report of heavy
# modules loaded by the time the program exits.
RUN_CLI = "import sys\nfrom flexprep.cli import main\nsys.exit(main())\n"
PROBE = (
    "import atexit, sys\n"
    "atexit.register(lambda: print('LOADED=' + ','.join(sorted({m.split('.')[0] for m in "
    f"sys.modules if m.split('.')[0] in {FORBIDDEN!r}}})), file=sys.stderr))\n"
) + RUN_CLI


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("FLEXPREP_DB", None)
    return env


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(argv)}\n{result.stderr}")
    return elapsed, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--strict", action="store_true", help="fail when a start-up ratio is over target"
    )
    options = parser.parse_args()
    env = _env()
    python = sys.executable
    failures: list[str] = []

    with tempfile.TemporaryDirectory(prefix="flexprep-bench-") as folder:
        tmp = Path(folder)
        db = tmp / "bench.sqlite3"
        _, demo = _run([python, "-c", RUN_CLI, "--db", str(db), "demo"], env)
        name = demo.stdout.strip()
        commands = {
            "import sqlalchemy.orm": [python, "-c", "import sqlalchemy.orm"],
            "flexprep list": [python, "-c", RUN_CLI, "--db", str(db), "list"],
            "flexprep export .json": [
                python,
                "-c",
                RUN_CLI,
                "--db",
                str(db),
                "export",
                name,
                "-o",
                str(tmp / "x.json"),
            ],
            "flexprep export .ics": [
                python,
                "-c",
                RUN_CLI,
                "--db",
                str(db),
                "export",
                name,
                "-o",
                str(tmp / "plan.ics"),
            ],
        }

        # Heavy modules: none for these commands.
        for label, argv in list(commands.items())[1:]:
            _, result = _run([python, "-c", PROBE, *argv[3:]], env)
            loaded = result.stderr.strip().rpartition("LOADED=")[2]
            status = loaded or "none"
            print(f"{label:24s} loads of {', '.join(FORBIDDEN)}: {status}")
            if loaded:
                failures.append(f"{label} loads {loaded}")

        # Start-up, alternating the commands within each round (after one warm-up).
        times: dict[str, list[float]] = {label: [] for label in commands}
        for round_number in range(options.rounds + 1):
            order = list(commands.items())
            if round_number % 2:
                order.reverse()
            for label, argv in order:
                elapsed, _ = _run(argv, env)
                if round_number:
                    times[label].append(elapsed)
        floor = statistics.median(times["import sqlalchemy.orm"])
        print(f"\nstart-up, median of {options.rounds} alternating rounds:")
        for label, values in times.items():
            median = statistics.median(values)
            ratio = median / floor
            verdict = ""
            if label != "import sqlalchemy.orm":
                verdict = "ok" if ratio <= RATIO_TARGET else f"OVER {RATIO_TARGET}"
                if ratio > RATIO_TARGET and options.strict:
                    failures.append(f"{label}: ratio {ratio:.2f}")
            print(
                f"  {label:24s} {median * 1000:7.0f} ms  (min {min(values) * 1000:5.0f})  "
                f"ratio {ratio:.2f} {verdict}"
            )

        # A large workbook: import, then export, through the command line.
        book = large_workbook()
        source = tmp / "large.json"
        source.write_text(
            json.dumps(
                {"format": "flexprep.workbook", "version": 1, "workbook": book}, ensure_ascii=False
            ),
            encoding="utf-8",
        )
        large_db = tmp / "large.sqlite3"
        print(
            f"\nlarge workbook ({source.stat().st_size / 1e6:.1f} MB of JSON, "
            f"{sum(len(o['rehearsals']) for o in book['objections'])} rehearsals):"
        )
        for attempt in range(3):
            imported, result = _run(
                [python, "-c", RUN_CLI, "--db", str(large_db), "import", str(source)], env
            )
            copy_name = result.stdout.strip()
            exported, _ = _run(
                [
                    python,
                    "-c",
                    RUN_CLI,
                    "--db",
                    str(large_db),
                    "export",
                    copy_name,
                    "-o",
                    str(tmp / "large-out.json"),
                ],
                env,
            )
            print(f"  run {attempt + 1}: import {imported:.2f} s, export {exported:.2f} s")
            for label, seconds in (("import", imported), ("export", exported)):
                if seconds > LARGE_LIMIT_S:
                    failures.append(f"large {label} took {seconds:.2f} s")
        # The generated file is version 1: its export (version 2) adds the newer keys
        # with their defaults. That export, imported and exported again, is unchanged.
        first = json.loads((tmp / "large-out.json").read_text(encoding="utf-8"))["workbook"]
        _, result = _run(
            [python, "-c", RUN_CLI, "--db", str(large_db), "import", str(tmp / "large-out.json")],
            env,
        )
        second_name = result.stdout.strip()
        _run(
            [
                *(python, "-c", RUN_CLI, "--db", str(large_db)),
                *("export", second_name, "-o", str(tmp / "large-again.json")),
            ],
            env,
        )
        again = json.loads((tmp / "large-again.json").read_text(encoding="utf-8"))["workbook"]
        if again != {**first, "name": second_name}:
            failures.append("the large workbook did not round-trip")
        elif any(first[key] != value for key, value in book.items() if key not in _GREW):
            failures.append("the large workbook's export lost what its file held")

    if failures:
        print("\nFAILED: " + "; ".join(failures))
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
