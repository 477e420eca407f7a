"""Run every benchmark and print the table: ``python -m benchmarks [--only NAME ...]``."""

from __future__ import annotations

import argparse
import os
import platform

from benchmarks import browser, compute, pages, race
from benchmarks.report import HEADER

SUITES = {
    "cce": compute.cross_entropy_vs_references,
    "surface": compute.loss_surface_100x100,
    "race": race.race_budgets,
    "pages": pages.page_reruns,
    "browser": browser.slider_latency,
    "playback": browser.race_playback,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="*", choices=sorted(SUITES), default=sorted(SUITES, key=list(SUITES).index))
    args = ap.parse_args()
    import numpy as np

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, numpy {np.__version__}")  # fmt: skip
    print(HEADER)
    failed = 0
    for name in args.only:
        for result in SUITES[name]():
            print(result.row(), flush=True)
            failed += result.passed is False
    raise SystemExit(1 if failed else 0)


if __name__ == "__main__":
    main()
