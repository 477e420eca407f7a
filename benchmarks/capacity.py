"""Capacity of one replica: server CPU per interaction and memory per session, without browsers.

    python -m benchmarks.capacity [--sessions 8]

What a replica spends per student, measured inside one process with Streamlit's AppTest (the page's script, its
widgets, its caches and the figure JSON, as a server runs them; no browser competes for the cores):

- CPU ms of one interaction per page: ``time.process_time()`` around the rerun after moving the page's main
  control (its first slider in the main area). "new value": a value this process has not seen (the caches miss);
  "seen value": back and forth between two values (``st.cache_data`` hits, as when a class moves the same slider
  to the same places). CPU time, not wall time: other work on a shared machine slows it only a little.
- memory per session: tracemalloc growth over ``--sessions`` sessions opened after a warm-up one (so the shared
  caches are not counted), idle (page opened) and active (after one interaction with a new value). An upper bound:
  AppTest also keeps the page's element tree, which a server sends to the browser and drops.

From them, students per replica (a replica is one Python process: its scripts share one core, the GIL), under a
stated model. A student interacts every T seconds on average (``--period``; 10 s and 30 s are shown); a replica
serving U students then has utilisation ρ = U × c / T for a CPU cost c per interaction. Arrivals are random
(Poisson), so requests queue: the wait of an M/M/1-like queue exceeds t with probability ρ·exp(−(1 − ρ) t / c),
so its p95 is c · ln(20 ρ) / (1 − ρ) (0 when ρ ≤ 0.05), and the p95 response ≈ c + that (conservative: a
script's cost varies little, and a near-constant service waits less than M/M/1's). The largest ρ ≤ 0.7 with
p95 < 1 s gives U = ρ T / c. And a burst (the teacher says "now move it", everyone at once): the last of U
simultaneous moves waits U × c, so 1 s / c students per replica answer all within a second.
"""

from __future__ import annotations

import argparse
import gc
import logging
import math
import statistics
import time
import tracemalloc
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.controls import rerun_widget
from xentcore.app.pages import PAGE_BY_ID, PAGES

ROOT = Path(__file__).resolve().parents[1]
RHO_MAX = 0.7
P95_S = 1.0
PERIODS = (10.0, 30.0)


def open_page(path: str) -> AppTest:
    # AppTest builds its session state outside a script run: Streamlit warns "missing ScriptRunContext" each time
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(logging.ERROR)
    at = AppTest.from_file(str(ROOT / "home.py"), default_timeout=120)
    if path != "home.py":
        at.switch_page(path)
    return at.run()


def main_control(at: AppTest):
    """(key, values): the page's first enabled single-value slider in the main area and the values it can take,
    in the order a student stepping it from where it opens would reach them; None if the page has none."""
    for w in at.main.get("slider"):
        if not isinstance(w.value, tuple) and not w.proto.disabled:
            step = w.step or 1
            n_up, n_down = int((w.max - w.value) / step + 1e-9), int((w.value - w.min) / step + 1e-9)
            up = [w.value + k * step for k in range(1, n_up + 1)]
            down = [w.value - k * step for k in range(1, n_down + 1)]
            return w.key, [w.value, *(round(v, 10) for v in up + down)]
    return None


def set_value(at: AppTest, control, value) -> None:
    at.slider(key=control[0]).set_value(value)


def cpu_ms(at: AppTest, key: str | None = None) -> float:
    """CPU ms of the rerun after the slider ``key`` moved, as the browser asks for it (its fragment alone when
    it sits in one), or of a whole-page rerun."""
    widget_id = at.slider(key=key).id if key is not None else None
    start = time.process_time()
    if widget_id is None:
        at.run()
    else:
        rerun_widget(at, widget_id)
    return 1000 * (time.process_time() - start)


def page_cpu(page_id: str, new: int, seen: int) -> dict:
    at = open_page(PAGE_BY_ID[page_id].path)
    control = main_control(at)
    if control is None:
        times = [cpu_ms(at) for _ in range(seen)]
        return {"control": "rerun", "new": times, "seen": times, "exception": bool(at.exception)}
    key, values = control
    fresh = values[1 : new + 1]
    new_times = []
    for v in fresh:
        set_value(at, control, v)
        new_times.append(cpu_ms(at, key))
    seen_times = []
    for i in range(seen):
        set_value(at, control, values[i % 2])
        seen_times.append(cpu_ms(at, key))
    return {"control": key, "new": new_times, "seen": seen_times, "exception": bool(at.exception)}


def memory_per_session(page_id: str, n: int) -> tuple[float, float]:
    """MB per session, idle and after one interaction (tracemalloc growth over ``n`` sessions / n)."""
    path = PAGE_BY_ID[page_id].path
    warm = open_page(path)
    control = main_control(warm)
    if control is not None:
        set_value(warm, control, control[1][1])
        warm.run()
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        sessions = [open_page(path) for _ in range(n)]
        gc.collect()
        idle = tracemalloc.get_traced_memory()[0]
        if control is not None:
            for i, at in enumerate(sessions):  # each a new value: that session's own widget state and tree
                set_value(at, control, control[1][2 + i % max(1, len(control[1]) - 2)])
                at.run()
        gc.collect()
        active = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return (idle - base) / n / 1e6, (active - base) / n / 1e6


def p95_ms(c_ms: float, rho: float) -> float:
    """p95 response (ms) at utilisation ``rho``: the service ``c_ms`` plus an M/M/1-like wait's p95."""
    wait = 0.0 if 20 * rho <= 1 else c_ms * math.log(20 * rho) / (1 - rho)
    return c_ms + wait


def users_per_replica(c_ms: float, period_s: float) -> tuple[float, float]:
    """(ρ, users per replica): the largest ρ ≤ RHO_MAX whose p95 response is under P95_S, and ρ T / c."""
    if p95_ms(c_ms, 0.0) >= 1000 * P95_S:
        return 0.0, 0.0
    lo, hi = 0.0, RHO_MAX
    if p95_ms(c_ms, hi) < 1000 * P95_S:
        lo = hi
    for _ in range(50):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if p95_ms(c_ms, mid) < 1000 * P95_S else (lo, mid)
    return lo, lo * period_s * 1000 / c_ms


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sessions", type=int, default=8, help="sessions for the memory figure")
    ap.add_argument("--new", type=int, default=8, help="interactions with a new value per page")
    ap.add_argument("--seen", type=int, default=8, help="interactions with a seen value per page")
    args = ap.parse_args()
    print("model: p95 response ≈ c + c·ln(20ρ)/(1 − ρ) < 1 s, ρ ≤ 0.7; users per replica U = ρ T / c; "
          "burst: 1 s / c (see the module's docstring)\n")  # fmt: skip
    t1, t2 = PERIODS
    print(f"| page | control | CPU ms per interaction, new value: median / mean / p95 | seen value: median "
          f"| ρ | users / replica, T = {t1:g} s | T = {t2:g} s | burst users / replica |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|")
    for page in PAGES:
        r = page_cpu(page.id, args.new, args.seen)
        new, seen = r["new"], r["seen"]
        mean = statistics.fmean(new)
        p95 = sorted(new)[min(len(new) - 1, round(0.95 * (len(new) - 1)))]
        rho, u1 = users_per_replica(mean, t1)
        _, u2 = users_per_replica(mean, t2)
        flag = " (EXCEPTION)" if r["exception"] else ""
        print(f"| {page.id}{flag} | {r['control']} | {statistics.median(new):.0f} / {mean:.0f} / {p95:.0f} "
              f"| {statistics.median(seen):.0f} | {rho:.2f} | {u1:.0f} | {u2:.0f} | {1000 * P95_S / mean:.1f} |",
              flush=True)  # fmt: skip
    print()
    for page_id in ("distributions", "race"):
        idle, active = memory_per_session(page_id, args.sessions)
        print(f"memory per session, {page_id}: {idle:.2f} MB idle, {active:.2f} MB after one interaction "
              f"(tracemalloc growth over {args.sessions} sessions)", flush=True)  # fmt: skip


if __name__ == "__main__":
    main()
