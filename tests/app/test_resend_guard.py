"""What one move of a page's control sends to the browser again: its plotly figures, counted, and their bytes.

A regression guard for speed that does not time anything (so it is not flaky): a slider move should rerun
and re-send only what depends on that slider. A browser asks for a rerun of the fragment a widget sits in,
or of the whole page; AppTest's ``run()`` always reruns the whole page, so each move here is replayed as the
browser asks for it (``benchmarks.controls.rerun_as_browser``) and what that rerun emitted is counted.

Controls are named by their share-link keys (the page's state schema), not by widget keys, so the table
survives a page's widgets being renamed or moved. ``EXPECTED`` holds today's counts: the most figures one
move of that control may re-send; ``ELEMENTS`` the most elements (what the browser re-renders) for the
controls that sit in a fragment. Every page keeps what its controls drive in fragments (the home page: its one
slider and its number; the others: the body under the title), so a move re-sends neither the sidebar nor what
does not depend on it; lower the numbers when a page re-sends less, and the guard keeps them low.

What is sent is also what is rebuilt and re-serialised: figures come from ``cached_figure`` (one per value of
their inputs) and ``chart`` converts a figure object once (``xentcore.app.ui.charts``). So a rerun in which
nothing moved must build and convert no figure at all, whatever it re-sends: ``charts.STATS`` counts both.
"""

from collections import Counter

import pytest
from apptest_support import TIMEOUT

from benchmarks.controls import controls, elements_sent, figures_sent, neighbour, open_page, rerun_as_browser, widget
from xentcore.app.ui import charts

# page id -> share-link key -> the most plotly figures one move of it may re-send
EXPECTED = {
    "home": {"pe": 0},
    "distributions": {"p": 1, "q": 1, "sep": 1, "w": 1},  # P and Q: the open picture (a tab); the fits: their own
    "curves": {"y": 3, "z": 1, "log": 3, "zs": 2, "c": 2, "soft": 2, "temp": 2, "ls": 2},
    "surfaces": {
        "data": 3,
        "n": 3,
        "noise": 3,
        "grid": 3,
        "r": 3,
        "b": 3,
        "w1": 3,
        "w2": 3,
        "lr": 3,
        "steps": 3,
        "ang": 3,
        "d3": 4,  # turning the 3-D view on adds its figure
    },
    # the race figure and the reliability diagram; the calibration controls (a fragment) re-send only the diagram
    "race": {
        **{k: 2 for k in ("data", "n", "noise", "lr", "mlr", "ep", "init", "ls", "cw", "l2", "mom", "minor")},
        **{k: 2 for k in ("lane1", "lane2", "lane3")},
        "temp": 1,
        "fitT": 1,
        "frames": 1,  # the frame stepper (a fragment) sends its one still frame, nothing else
    },
    "tutorial": {"p": 1, "q": 1, "y": 1, "yh": 1, "z": 0, "c": 0, "sc": 0, "ep": 1},
    # moved in this order: a typed, still empty test text (last) leaves nothing to draw
    "language": {"split": 2, "k": 2, "a": 2, "test": 0},  # the curve and the open close-up (a tab)
}
# page id -> share-link key -> the most elements (widgets included; main area and sidebar) one move of it may
# re-send, for the controls in a fragment: what the browser re-renders. Today's counts and three to spare; a
# whole-page rerun re-sends 56-114 (home 57, distributions 72, curves 60, surfaces 56, race 74, tutorial 114,
# language 57). A control missing here reruns its whole page.
ELEMENTS = {
    "home": {"pe": 7},  # the slider and its surprise, of a page of 60
    "distributions": {"p": 43, "q": 43, "sep": 17, "w": 16},  # the page's body below its title; the fits
    "curves": {"z": 14, "zs": 25, "c": 25, "soft": 28, "temp": 28, "ls": 29},
    "surfaces": {k: 41 for k in EXPECTED["surfaces"]} | {"d3": 43},
    # the set-up (a fragment) and, nested in it, the calibration and the frame stepper (fragments of their own)
    "race": {k: 59 for k in EXPECTED["race"]} | {"temp": 13, "fitT": 13, "frames": 11},
    "tutorial": {"p": 39, "q": 39, "y": 15, "yh": 15, "z": 13, "c": 13, "sc": 10, "ep": 15},
    "language": {"split": 32, "k": 32, "a": 32, "test": 17},
}
# page id -> the most figure JSON (kB) one move may re-send: today's largest, with a quarter to spare
MAX_KB = {"home": 0, "distributions": 16, "curves": 80, "surfaces": 290, "race": 540, "tutorial": 16, "language": 40}


def moves(page_id: str) -> tuple[dict[str, tuple[int, int, int]], dict[str, Counter]]:
    """Move each control of ``EXPECTED[page_id]`` one step, in turn, as a browser would: what each move
    re-sent (figures, their bytes, elements), and what the unchanged whole-page rerun before it built and
    converted."""
    at = open_page(page_id, timeout=TIMEOUT)
    assert not at.exception
    found = {c.key: c for c in controls(at, page_id)}
    missing, unknown = set(EXPECTED[page_id]) - set(found), set(found) - set(EXPECTED[page_id])
    assert not missing, f"{page_id}: no main-area control for {sorted(missing)}: update EXPECTED"
    assert not unknown, f"{page_id}: new controls {sorted(unknown)}: add them to EXPECTED"
    sent, unchanged = {}, {}
    for key in EXPECTED[page_id]:
        before = Counter(charts.STATS)
        at.run()  # the whole page again: a fragment rerun leaves in ``at`` only what it sent
        unchanged[key] = Counter(charts.STATS) - before
        control = found[key]
        value = neighbour(at, control, page_id)
        widget(at, control).set_value(value)
        rerun_as_browser(at, control)
        assert not at.exception, f"{page_id}: moving {key} raised {at.exception}"
        assert widget(at, control).value == pytest.approx(value), f"{page_id}: the move of {key} did not arrive"
        sent[key] = (*figures_sent(at), elements_sent(at))
    return sent, unchanged


@pytest.mark.parametrize("page_id", list(EXPECTED))
def test_one_move_resends_no_more_than_designed(page_id):
    sent, unchanged = moves(page_id)
    redone = {k: dict(c) for k, c in unchanged.items() if c}
    assert not redone, f"{page_id}: a rerun with nothing changed rebuilt or re-converted figures: {redone}"
    over = {k: f"{n} figures > {EXPECTED[page_id][k]}" for k, (n, _, _) in sent.items() if n > EXPECTED[page_id][k]}
    assert not over, f"{page_id}: a move re-sends more figures than designed: {over}"
    heavy = {k: f"{size / 1000:.0f} kB" for k, (_, size, _) in sent.items() if size > MAX_KB[page_id] * 1000}
    assert not heavy, f"{page_id}: a move re-sends more than {MAX_KB[page_id]} kB of figures: {heavy}"
    limits = ELEMENTS[page_id]
    wide = {k: f"{n} elements > {limits[k]}" for k, (_, _, n) in sent.items() if k in limits and n > limits[k]}
    assert not wide, f"{page_id}: a move re-renders more of the page than its fragment: {wide}"


@pytest.mark.parametrize("page_id", ["distributions", "curves", "surfaces", "tutorial", "language"])
def test_sliders_do_not_copy_the_session_state(page_id, monkeypatch):
    """A slider drawn without ``value`` makes Streamlit copy the whole session state to learn whether it is a
    range slider; the pages give the value (``PageState.widget``, ``vector_sliders``). A number input, a radio
    and a selectbox make the copy whatever they are given (Streamlit 1.67's own): those are all it may make."""
    from streamlit.runtime.state.session_state import SessionState

    at = open_page(page_id, timeout=TIMEOUT)
    copies = []
    real = SessionState.filtered_state
    monkeypatch.setattr(SessionState, "filtered_state", property(lambda self: copies.append(1) or real.fget(self)))
    at.run()
    assert not at.exception
    assert len(at.slider) >= 2
    assert len(copies) <= len(at.number_input) + len(at.radio) + len(at.selectbox)


def test_every_page_is_guarded():
    from xentcore.app.pages import PAGES

    assert set(EXPECTED) == set(MAX_KB) == set(ELEMENTS) == {page.id for page in PAGES}
    assert all(set(keys) <= set(EXPECTED[page]) for page, keys in ELEMENTS.items())
