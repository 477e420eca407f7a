"""Server-side rerun of every page after a move of each of its main controls (AppTest, warm, median), against
the bare reference page's rerun after its slider moved; where each rerun's time goes; each page's figures.

A control is a share-link key of the page's state drawn as a main-area slider, select_slider, selectbox,
radio or toggle (``benchmarks.controls``), so the list follows the pages as they change. Each control is
moved one step and back, twice untimed (the caches fill), then ``repeat`` times timed: every timed rerun
hits the caches, and what remains is the cost of running the page script and emitting its elements. AppTest
reruns the whole script even for a widget inside a fragment (the browser would rerun the fragment alone);
the note says "fragment" there.
"""

from __future__ import annotations

import functools
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


def _moves(at: AppTest, control: Control, page_id: str, repeat: int, profiled: int) -> tuple[list[float], dict, int]:
    """Seconds per rerun after each timed move; then the shares of the sampled reruns; the control is left
    where it was."""
    first = widget(at, control).value
    values = (neighbour(at, control, page_id), first)
    times = []
    for i in range(2 + repeat):
        widget(at, control).set_value(values[i % 2])
        start = time.perf_counter()
        at.run()
        if i >= 2:
            times.append(time.perf_counter() - start)
    with ScriptSampler() as sampler:
        for i in range(profiled):
            widget(at, control).set_value(values[(i + repeat) % 2])
            at.run()
    if widget(at, control).value != first:
        widget(at, control).set_value(first)
        at.run()
    return times, sampler.shares(), sampler.samples


def _reference(repeat: int) -> list[float]:
    at = AppTest.from_file(str(ROOT / REFERENCE_SCRIPT), default_timeout=60).run()
    times, _, _ = _moves(at, REFERENCE_CONTROL, "", repeat, 0)
    return times


@functools.cache
def reference_rerun_ms(quick: bool = False) -> float:
    """The bare page's warm rerun (AppTest, median): the yardstick of this machine now, for the suites that
    time pure computations (a race, a surface) that a page runs on a cache miss."""
    return median_ms(_reference(6 if quick else 12))


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
    repeat, profiled = (3, 2) if quick else (9, 4)
    reference_times = _reference(repeat * 2)
    rows: list[tuple[str, float, str]] = []  # name, ms, note
    info: list[Result] = []
    for page in PAGES:
        at = open_page(page.id, QUERY.get(page.id, ""))
        if at.exception:
            rows.append((f"page {page.id}: open", float("nan"), "exception on open"))
            continue
        build_ms, build_note = _model_build(page.id)
        info.append(Result(f"page {page.id}: model build, uncached", build_ms, "ms", note=build_note))
        figures, size = figures_sent(at)
        found = controls(at, page.id)
        for control in found:
            name = f"page {page.id} · {control.key}: warm rerun, median of {repeat}"
            try:
                in_fragment = fragment_of(at, widget(at, control).id) is not None
                times, shares, samples = _moves(at, control, page.id, repeat, profiled)
            except Exception as err:  # a control the benchmark cannot move is a miss, reported
                rows.append((name, float("nan"), f"{type(err).__name__}: {str(err)[:80]}"))
                at = open_page(page.id, QUERY.get(page.id, ""))
                continue
            ms = median_ms(times)
            note = describe(shares, ms) + f" ({samples} samples)"
            if in_fragment:
                note += "; fragment"
            if at.exception:
                note += "; EXCEPTION"
                ms = float("nan")
            rows.append((name, ms, note))
        if not found:
            times = timed(at.run, repeat)
            rows.append((f"page {page.id}: plain rerun (no control)", median_ms(times), ""))
        info.append(Result(f"page {page.id}: figure JSON", size / 1e6, "MB", note=f"{figures} figures"))
        progress(f"pages: {page.id}: {len(found)} controls")
    reference_times += _reference(repeat * 2)  # before and after: a change in load hits both
    ref_ms = median_ms(reference_times)
    results = [Result(f"{REFERENCE}: warm rerun after a slider move, median of {len(reference_times)}", ref_ms,
                      "ms", note=f"AppTest, {REFERENCE_SCRIPT}")]  # fmt: skip
    for name, ms, note in rows:
        results.append(Result(name, ms, "ms", ref_ms, RATIO, reference_name=REFERENCE, note=note))
    results += [
        Result(
            r.name,
            r.value,
            r.unit,
            ref_ms if r.unit == "ms" else None,
            note=r.note,
            reference_name=REFERENCE if r.unit == "ms" else "",
        )
        for r in info
    ]
    return results
