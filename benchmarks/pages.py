"""Server-side rerun of every page after a move of each of its main controls (AppTest, warm, median), against
the bare reference page's rerun after its slider moved; where each rerun's time goes; each page's figures.

A control is a share-link key of the page's state drawn as a main-area slider, select_slider, selectbox,
radio or toggle (``benchmarks.controls``), so the list follows the pages as they change. Each control is
moved one step and back, twice untimed (the caches fill), then ``repeat`` times timed: every timed rerun
hits the caches, and what remains is the cost of running the page script and emitting its elements. AppTest
reruns the whole script even for a widget inside a fragment (the browser would rerun the fragment alone);
the note says "fragment" there.

Each timed rerun of a page is followed by a rerun of the bare page after its slider moved, and the row's
ratio is to the median of those: a reference taken at the same moments, so the ratio holds on a busy machine.
"""

from __future__ import annotations

import functools
import gc
import importlib
import importlib.util
import time

from streamlit.testing.v1 import AppTest

from benchmarks.browser import DISTRIBUTIONS_K12, REFERENCE, REFERENCE_SCRIPT
from benchmarks.controls import ROOT, Control, controls, figures_sent, fragment_of, neighbour, open_page, widget
from benchmarks.report import Result, median_ms, progress, timed
from benchmarks.sampler import ScriptSampler, describe
from xentcore.app.pages import PAGES
from xentcore.app.settings import schema_for

RATIO = 10.0
# the query each page is measured at: its heaviest everyday view where it has one
QUERY = {"distributions": DISTRIBUTIONS_K12.split("?", 1)[1]}
REFERENCE_CONTROL = Control("x", "ref.x", "slider")


class _Reference:
    """The bare page in AppTest, moved and rerun right after each timed rerun of a page, so that each page's
    figure has a reference taken at the same moment (the load of a shared machine changes by the second)."""

    def __init__(self) -> None:
        self.at = AppTest.from_file(str(ROOT / REFERENCE_SCRIPT), default_timeout=60).run()
        self.values = (neighbour(self.at, REFERENCE_CONTROL, ""), widget(self.at, REFERENCE_CONTROL).value)
        self.i = 0
        self.times: list[float] = []
        for _ in range(2):
            self.rerun()

    def rerun(self) -> float:
        widget(self.at, REFERENCE_CONTROL).set_value(self.values[self.i % 2])
        self.i += 1
        gc.collect()  # each timed rerun starts without the garbage of the one before
        start = time.perf_counter()
        self.at.run()
        elapsed = time.perf_counter() - start
        self.times.append(elapsed)
        return elapsed


def _moves(
    at: AppTest, control: Control, page_id: str, repeat: int, profiled: int, reference: _Reference
) -> tuple[list[float], list[float], dict, int]:
    """Seconds per rerun after each timed move, and of the reference's rerun after each; then the shares of
    the sampled reruns and their count. The control is left where it was."""
    first = widget(at, control).value
    values = (neighbour(at, control, page_id), first)
    times, paired = [], []
    for i in range(2 + repeat):
        widget(at, control).set_value(values[i % 2])
        gc.collect()
        start = time.perf_counter()
        at.run()
        if i >= 2:
            times.append(time.perf_counter() - start)
            paired.append(reference.rerun())
    with ScriptSampler() as sampler:
        for i in range(profiled):
            widget(at, control).set_value(values[(i + repeat) % 2])
            at.run()
    if widget(at, control).value != first:
        widget(at, control).set_value(first)
        at.run()
    return times, paired, sampler.shares(), sampler.samples


@functools.cache
def reference_rerun_ms(quick: bool = False) -> float:
    """The bare page's warm rerun (AppTest, median): the yardstick of this machine now, for the suites that
    time pure computations (a race, a surface) that a page runs on a cache miss."""
    reference = _Reference()
    for _ in range(6 if quick else 12):
        reference.rerun()
    return median_ms(reference.times[2:])


def _model_build(page_id: str) -> tuple[float, str]:
    """The page model's ``build(state, unit)`` at the page's defaults, uncached, when the page has one."""
    name = f"xentcore.app.{page_id}.model"
    try:
        found = importlib.util.find_spec(name)
    except ModuleNotFoundError:
        found = None
    build = getattr(importlib.import_module(name), "build", None) if found else None
    if build is None:
        return float("nan"), "n/a: no model.build yet"
    state = schema_for(page_id).defaults()
    try:
        return median_ms(timed(lambda: build(state, "nats"), 3)), "at the defaults, in nats"
    except Exception as err:  # the benchmark reports what it could not time and goes on
        return float("nan"), f"n/a: build(defaults, 'nats') raised {type(err).__name__}: {str(err)[:80]}"


def page_reruns(quick: bool = False) -> list[Result]:
    repeat, profiled = (5, 2) if quick else (9, 3)
    reference = _Reference()
    results: list[Result] = []
    info: list[Result] = []
    for page in PAGES:
        at = open_page(page.id, QUERY.get(page.id, ""))
        if at.exception:
            results.append(Result(f"page {page.id}: open", float("nan"), "ms", note="exception on open"))
            continue
        build_ms, build_note = _model_build(page.id)
        info.append(Result(f"page {page.id}: model build, uncached", build_ms, "ms", note=build_note))
        figures, size = figures_sent(at)
        found = controls(at, page.id)
        for control in found:
            name = f"page {page.id} · {control.key}: warm rerun, median of {repeat}"
            try:
                in_fragment = fragment_of(at, widget(at, control).id) is not None
                times, paired, shares, samples = _moves(at, control, page.id, repeat, profiled, reference)
            except Exception as err:  # a control the benchmark cannot move is a miss, reported
                results.append(Result(name, float("nan"), "ms", float("nan"), RATIO,
                                      note=f"{type(err).__name__}: {str(err)[:80]}"))  # fmt: skip
                at = open_page(page.id, QUERY.get(page.id, ""))
                continue
            ms = median_ms(times)
            note = describe(shares, ms) + f" ({samples} samples)"
            if in_fragment:
                note += "; fragment"
            if at.exception:
                note += "; EXCEPTION"
                ms = float("nan")
            results.append(Result(name, ms, "ms", median_ms(paired), RATIO, reference_name=REFERENCE, note=note))
        if not found:
            ms, ref_ms = median_ms(timed(at.run, repeat)), median_ms(timed(reference.rerun, repeat))
            name = f"page {page.id}: plain rerun (no control)"
            results.append(Result(name, ms, "ms", ref_ms, RATIO, reference_name=REFERENCE))
        info.append(Result(f"page {page.id}: figure JSON", size / 1e6, "MB", note=f"{figures} figures"))
        progress(f"pages: {page.id}: {len(found)} controls")
    pooled = reference.times[2:]
    summary = Result(
        f"{REFERENCE}: warm rerun after a slider move, median of {len(pooled)}",
        median_ms(pooled),
        "ms",
        note=f"AppTest, {REFERENCE_SCRIPT}; each page row has its own, taken between its reruns",
    )
    return [summary, *results, *info]
