"""Load: several headless browser users move sliders on one server at once, on loopback only.

    python -m benchmarks.load [--users 10] [--seconds 60]

Reports errors (should be 0), the p50 / p95 of slider move -> updated number, and the server's memory
before and after. A script, not a test: the count of users and the time are bounded.
"""

from __future__ import annotations

import argparse
import asyncio
import time

from benchmarks.browser import DISTRIBUTIONS_K12, _drive, cpu_seconds, rss_mb, streamlit_server
from benchmarks.report import percentile_ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=10)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    users, seconds = max(1, min(args.users, 20)), max(1.0, min(args.seconds, 300.0))
    with streamlit_server() as (base, pid):
        asyncio.run(_drive(base, DISTRIBUTIONS_K12, 1, None, 3))  # warm the caches
        before, cpu_before, start = rss_mb(pid), cpu_seconds(pid), time.monotonic()
        times, errors = asyncio.run(_drive(base, DISTRIBUTIONS_K12, users, seconds, None))
        after, cpu = rss_mb(pid), cpu_seconds(pid) - cpu_before
        wall = time.monotonic() - start
    print(f"users {users}, {seconds:.0f} s, {len(times)} slider moves, errors {len(errors)}")
    if times:
        print(f"slider -> number: p50 {percentile_ms(times, 0.5):.0f} ms, p95 {percentile_ms(times, 0.95):.0f} ms")
    print(f"server memory: {before:.0f} MB before, {after:.0f} MB after ({after - before:+.0f} MB)")
    print(f"server CPU: {cpu:.1f} s in {wall:.0f} s ({cpu / wall:.0%} of one core); the browsers used the rest")
    for err in sorted(set(errors))[:10]:
        print("  error:", err)


if __name__ == "__main__":
    main()
