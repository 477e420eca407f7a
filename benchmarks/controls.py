"""A page's main controls, found through its share-link state, moved one step, and rerun as a browser would.

Pages are restructured often and widget keys follow: a control is therefore named by its share-link key in
the page's state schema (``xentcore.app.settings.schema_for(page_id)``). ``PageState`` keys the widget of
state key ``k`` ``f"{schema.name}.{k}"``, and a vector's components ``f"{schema.name}.{k}.{i}"``; a control
is the first main-area slider, select_slider, selectbox, radio or toggle with such a key.

AppTest's ``run()`` always reruns the whole script, even when the widget sits in an ``st.fragment``; a
browser asks for a rerun of that fragment alone. :func:`rerun_as_browser` does what the browser does.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from unittest import mock

from streamlit.runtime.scriptrunner_utils.script_requests import RerunData
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import local_script_runner as _runner

from xentcore.app.pages import PAGE_BY_ID
from xentcore.app.settings import schema_for
from xentcore.app.share import Choice, Float, Int
from xentcore.app.ui.charts import COMPONENT

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("slider", "select_slider", "selectbox", "radio", "toggle")


@dataclass(frozen=True)
class Control:
    key: str  # the share-link key in the page's state schema
    widget_key: str
    kind: str


def open_page(page_id: str, query: str = "", timeout: float = 120) -> AppTest:
    """The page as a browser opening ``/<page>?<query>`` gets it: the app loaded from its entry point."""
    at = AppTest.from_file(str(ROOT / "home.py"), default_timeout=timeout)
    path = PAGE_BY_ID[page_id].path
    if path != "home.py":
        at.switch_page(path)
    for pair in filter(None, query.split("&")):
        key, value = pair.split("=", 1)
        at.query_params[key] = value
    return at.run()


def state_key(widget_key: str | None, page_id: str) -> str | None:
    """The share-link key a widget is bound to, or None."""
    if not widget_key:
        return None
    schema = schema_for(page_id)
    for key in schema.keys:
        base = f"{schema.name}.{key}"
        if widget_key == base or (widget_key.startswith(base + ".") and widget_key[len(base) + 1 :].isdigit()):
            return key
    return None


def controls(at: AppTest, page_id: str) -> list[Control]:
    """The page's main controls as it is drawn now, in the order of its state schema."""
    found: dict[str, Control] = {}
    for kind in KINDS:
        for widget in at.main.get(kind):
            key = state_key(widget.key, page_id)
            if key is not None and key not in found and not getattr(widget, "disabled", False):
                found[key] = Control(key, widget.key, kind)
    return [found[k] for k in schema_for(page_id).keys if k in found]


def widget(at: AppTest, control: Control) -> Any:
    return getattr(at, control.kind)(key=control.widget_key)


def _candidates(page_id: str, key: str) -> list[Any]:
    """Values a choice widget bound to ``key`` may hold, from the schema."""
    param = schema_for(page_id).param(key)
    if isinstance(param, Choice):
        return list(param.options)
    if isinstance(param, Float) and param.options:
        return list(param.options)
    if isinstance(param, Int):
        return list(range(param.lo, min(param.hi, param.lo + 200) + 1))
    return []


def neighbour(at: AppTest, control: Control, page_id: str) -> Any:
    """A value one step from the control's current one (up, or down at the top)."""
    w = widget(at, control)
    if control.kind == "toggle":
        return not w.value
    if control.kind == "slider":
        step = w.step or 1
        up = w.value + step
        value = up if up <= w.max else w.value - step
        return round(value) if isinstance(w.value, int) else round(value, 10)
    # a choice: find the option next to the current one, and the value that the widget labels so
    options = list(w.options)
    here = options.index(w.format_func(w.value))
    there = options[here + 1] if here + 1 < len(options) else options[here - 1]
    for value in _candidates(page_id, control.key):
        if w.format_func(value) == there:
            return value
    raise LookupError(f"{page_id}: no value of {control.key} is labelled {there!r}")


def fragment_of(at: AppTest, widget_id: str) -> str | None:
    """The id of the fragment a widget was drawn in during the last run, or None (drawn by the full script)."""
    metadata = at._session_state._state._new_widget_state.widget_metadata.get(widget_id)
    return metadata.fragment_id if metadata is not None else None


def rerun_as_browser(at: AppTest, control: Control, timeout: float | None = None) -> AppTest:
    """Rerun after ``control`` changed as the browser asks for it: its fragment alone when it sits in one,
    else the whole script. After a fragment rerun, ``at`` holds only what that rerun sent (run ``at.run()``
    to have the whole page again)."""
    return rerun_widget(at, widget(at, control).id, timeout)


def rerun_widget(at: AppTest, widget_id: str, timeout: float | None = None) -> AppTest:
    """Rerun after the widget ``widget_id`` changed, as the browser asks for it (see :func:`rerun_as_browser`)."""
    fragment = fragment_of(at, widget_id)
    if fragment is None:
        return at.run(timeout=timeout)
    scoped = functools.partial(RerunData, fragment_id_queue=[fragment])
    with mock.patch.object(_runner, "RerunData", scoped):
        return at.run(timeout=timeout)


def figures_sent(at: AppTest) -> tuple[int, int]:
    """The charts in the last run's output (``xentcore.app.ui.charts.chart``): how many, and their bytes."""
    charts = [c for c in at.get("bidi_component") if c.proto.component_name == COMPONENT]
    return len(charts), sum(len(chart.proto.bytes) for chart in charts)


def elements_sent(at: AppTest) -> int:
    """The elements (widgets included, containers not) in the last run's output, main area and sidebar: what
    the browser re-renders after that run."""

    def leaves(node: Any) -> int:
        children = getattr(node, "children", None)
        if children:
            return sum(leaves(child) for child in children.values())
        return 0 if children is not None else 1

    return sum(leaves(root) for root in (at.main, at.sidebar))
