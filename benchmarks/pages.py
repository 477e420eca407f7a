"""Server-side rerun of every page after a widget change (AppTest, warm), and each page's figure JSON."""

from __future__ import annotations

import time
from pathlib import Path

from streamlit.testing.v1 import AppTest

from benchmarks.browser import DISTRIBUTIONS_K12
from benchmarks.report import Result, median_ms
from xentcore.app.pages import PAGES

ROOT = Path(__file__).resolve().parents[1]
# the query each page is measured at: its heaviest everyday view where it has one
QUERY = {"distributions": DISTRIBUTIONS_K12.split("?", 1)[1]}


def _open(page_path: str, query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
    if page_path != "app.py":
        at.switch_page(page_path)
    for pair in filter(None, query.split("&")):
        key, value = pair.split("=", 1)
        at.query_params[key] = value
    return at.run()


def _mover(at: AppTest):
    """A function that moves the page's first main-area slider one step (back and forth), or None."""
    sliders = [s for s in at.main.get("slider")]
    if not sliders:
        return None
    key = sliders[0].key
    first = sliders[0].value

    def move(i: int) -> None:
        s = at.slider(key=key)
        step = s.step or 1
        s.set_value(first + step if i % 2 == 0 and first + step <= s.max else (first if i % 2 else first - step))

    return move


def figure_bytes(at: AppTest) -> int:
    return sum(len(chart.proto.spec) for chart in at.get("plotly_chart"))


def page_reruns(repeat: int = 20) -> list[Result]:
    results = []
    for page in PAGES:
        at = _open(page.path, QUERY.get(page.id, ""))
        if at.exception:
            results.append(Result(f"page {page.id}: rerun", float("nan"), "ms", 100.0, "exception on open"))
            continue
        move = _mover(at)
        times = []
        for i in range(repeat + 2):
            if move is not None:
                move(i)
            start = time.perf_counter()
            at.run()
            if i >= 2:  # the first moves warm the caches
                times.append(time.perf_counter() - start)
        note = "slider move" if move is not None else "plain rerun (no slider)"
        if at.exception:
            note += "; EXCEPTION"
        results.append(Result(f"page {page.id}: warm rerun, median of {repeat}", median_ms(times), "ms", 100.0, note))
        results.append(Result(f"page {page.id}: figure JSON", figure_bytes(at) / 1e6, "MB", None))
    return results
