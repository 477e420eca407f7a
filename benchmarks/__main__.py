"""Run the benchmarks and print the table: ``python -m benchmarks [--quick] [--only NAME ...]``.

Every figure is shown in its unit and as a ratio to a reference measured in the same run on the same
machine; a figure with a budget passes or fails, and the exit status is 1 when any fails.
"""

from __future__ import annotations

import argparse
import os
import platform
import time

from benchmarks import browser, compute, pages, race
from benchmarks.report import HEADER

SUITES = {
    "cce": compute.cross_entropy_vs_references,
    "surface": compute.loss_surface_100x100,
    "race": race.race_budgets,
    "pages": pages.page_reruns,
    "browser": browser.slider_latency,
    "open": browser.page_open,
    "playback": browser.race_playback,
}


def _load() -> str:
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=list(SUITES), default=list(SUITES))
    ap.add_argument("--quick", action="store_true", help="fewer repeats: a check that every suite runs")
    args = ap.parse_args()
    import numpy as np
    import streamlit

    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, numpy {np.__version__}, Streamlit {streamlit.__version__}"
        f"{', quick' if args.quick else ''}"
    )
    print(f"at start: {_load()}")
    print(HEADER)
    failed = 0
    start = time.monotonic()
    for name in args.only:
        for result in SUITES[name](quick=args.quick):
            print(result.row(), flush=True)
            failed += result.passed is False
    print(f"\n{failed} of the budgets missed; {time.monotonic() - start:.0f} s; at the end: {_load()}")
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
