"""Page state that lives in the URL and survives page switches.

Each schema's state is kept in a session-wide store, ``st.session_state[STORE][schema.name]``:
- on the first visit in a session it is parsed from the URL (``xentcore.app.share.parse``), issues kept;
- a widget made through :class:`PageState` is seeded from the store on every run (a page switch drops
  widget state, the store survives) and writes back through ``on_change``, which also rewrites the URL,
  so fragments keep the link current too;
- :func:`write_url` puts the settings and the active page's state in ``st.query_params``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlencode

import streamlit as st
from streamlit.runtime.scriptrunner import get_script_run_ctx

from xentcore.app.settings import SETTINGS, UNIT_BASE, schema_for
from xentcore.app.share import Bool, Choice, Float, Int, Issue, Schema, coerce, dump, parse
from xentcore.app.ui.text import LANGUAGES, TABLE

STORE = "_xent_state"
ISSUES = "_xent_issues"
ACTIVE = "_xent_active"  # name of the schema of the page being shown

_SCHEMAS: dict[str, Schema] = {SETTINGS.name: SETTINGS}
_LABELS: dict[tuple[str, str, str], str] = {}  # (schema, key, language) -> the control's label, as last drawn


def remember_label(schema: Schema, key: str, lang: str, label: str) -> None:
    _LABELS[(schema.name, key, lang)] = label


def label_of(schema: Schema, key: str, lang: str) -> str:
    """A control's label as drawn (by any session of this process), else its link key."""
    return _LABELS.get((schema.name, key, lang), key)


def store() -> dict[str, dict[str, Any]]:
    return st.session_state.setdefault(STORE, {})


def _raw_params() -> dict[str, list[str]]:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp}


def load(schema: Schema, known: tuple[str, ...] = ()) -> dict[str, Any]:
    """The state of ``schema`` for this session, parsed from the URL on first use."""
    _SCHEMAS[schema.name] = schema
    saved = store()
    if schema.name not in saved:
        state, issues = parse(_raw_params(), schema, known=known)
        saved[schema.name] = state
        st.session_state.setdefault(ISSUES, {})[schema.name] = issues
    return saved[schema.name]


def issues_for(*names: str) -> list[Issue]:
    found = st.session_state.get(ISSUES, {})
    return [i for n in names for i in found.get(n, [])]


def forget_issues(*names: str) -> None:
    found = st.session_state.get(ISSUES, {})
    for n in names:
        found.pop(n, None)


def current_params() -> dict[str, str]:
    """The query parameters of the current view: the settings, the active page's state, then its lesson keys
    (hidden controls, tour step)."""
    saved = store()
    params = dump(saved.get(SETTINGS.name, SETTINGS.defaults()), SETTINGS)
    active = st.session_state.get(ACTIVE)
    for name in (active, f"{active}.lesson"):
        if name in _SCHEMAS and name in saved:
            params.update(dump(saved[name], _SCHEMAS[name]))
    return params


def write_url() -> None:
    """Make the browser's URL match the current view (only when it differs, to spare a message); in a
    fragment's rerun, leave it to the sidebar's share box, whose script moves the address bar in place.

    Through ``st.query_params`` Streamlit's frontend pushes a browser-history entry and re-renders the whole app
    for every change: each slider move was a history entry (Back stepped through them) and cost the move about
    15 % (distributions, four rounds of 15 alternating: 109 against 128 ms without it). A full run (page_setup)
    still writes it, which also brings Streamlit's own copy of the query string up to date.
    """
    ctx = get_script_run_ctx()
    if ctx is not None and ctx.fragment_ids_this_run:
        return
    params = current_params()
    if st.query_params.to_dict() != params or any(len(st.query_params.get_all(k)) > 1 for k in params):
        st.query_params.from_dict(params)


def share_url(path: str) -> str:
    """The full link of the current view; ``st.context.url`` carries no query string, so add it."""
    base = st.context.url or path
    query = urlencode(current_params())
    return f"{base}?{query}" if query else base


def link(page_id: str, lang: str, unit: str, **state: Any) -> str:
    """A relative link that opens page ``page_id`` with ``state`` (other keys at their defaults) in this unit
    and language: for sending a reader to another page, preset. Values are coerced into the page's ranges
    (:func:`~xentcore.app.share.coerce`), so the link opens without a warning; an unknown key is an error."""
    from xentcore.app.pages import PAGE_BY_ID  # here, not at the top: pages -> state would be a cycle

    schema = schema_for(page_id)
    preset = {k: coerce(schema.param(k), v) for k, v in state.items()}
    params = dump({"unit": unit, "lang": lang}, SETTINGS)
    params.update(dump({**schema.defaults(), **preset}, schema))
    query = urlencode(params)
    path = PAGE_BY_ID[page_id].url_path
    return f"./{path}?{query}" if query else f"./{path or '.'}"


def _changed(name: str, key: str) -> None:
    value = st.session_state.get(f"{name}.{key}")
    if value is None:  # a cleared number box: keep the last good value
        return
    store()[name][key] = value
    write_url()


def _tab_changed(name: str, key: str, by_label: dict[str, str]) -> None:
    option = by_label.get(st.session_state.get(f"{name}.{key}"))
    if option is not None:
        store()[name][key] = option
        write_url()


class PageState:
    """A page's state, with widgets bound to it. ``ctx[key]`` reads; ``ctx.set`` writes (use it in
    callbacks, so the new value is there when the page reruns)."""

    def __init__(
        self, schema: Schema, values: dict[str, Any], settings: dict[str, Any], hidden: tuple[str, ...] = ()
    ):
        self.schema = schema
        self.values = values
        self.settings = settings
        self.hidden = hidden  # controls a lesson link hides: not drawn, their values still apply
        self.locked_shown: dict[str, str] = {}  # hidden controls' values as their widgets would show them
        self.on_lock: Callable[[PageState], None] | None = None  # redraws the "set by your teacher" line
        self.lesson_box: Any = None  # the sidebar's place for the lesson-link box (see shell.page_end)
        self.labels: dict[str, str] = {}  # this run's controls: state key -> label
        self.url_path = ""

    def is_hidden(self, key: str) -> bool:
        return key in self.hidden

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    @property
    def unit(self) -> str:
        return self.settings["unit"]

    @property
    def base(self) -> float:
        """``math.e`` for nats, 2 for bits: pass as ``base=`` to ``xentcore.info``."""
        return UNIT_BASE.get(self.unit, math.e)

    @property
    def lang(self) -> str:
        return self.settings["lang"]

    def set(self, key: str, value: Any) -> None:
        self.schema.param(key)  # KeyError for a key the schema does not have
        self.values[key] = value
        write_url()

    def update(self, **values: Any) -> None:
        for key, value in values.items():
            self.set(key, value)

    def reset(self) -> None:
        self.values.clear()
        self.values.update(self.schema.defaults())
        write_url()

    def widget(self, kind: str, key: str, label: str, *, where: Any = None, **kwargs: Any) -> Any:
        """Draw ``st.<kind>`` bound to ``key``; ranges and options come from the schema unless given."""
        param = self.schema.param(key)
        wkey = f"{self.schema.name}.{key}"
        st.session_state[wkey] = self.values[key]  # store -> widget on every run
        if isinstance(param, Float) and param.options and kind in ("select_slider", "selectbox", "radio"):
            kwargs.setdefault("options", param.options)
        elif isinstance(param, Float | Int) and kind in ("slider", "number_input"):
            kwargs.setdefault("min_value", param.lo)
            kwargs.setdefault("max_value", param.hi)
            if isinstance(param, Float) and param.step is not None:
                kwargs.setdefault("step", param.step)
            if kind == "slider":
                # The value is the session state's, set above; given again, Streamlit 1.67 need not build a copy
                # of the whole session state to learn whether the slider is a range (a distributions run made 11
                # such copies, now 3). A keyed slider's identity is its key, range and step, not its value.
                kwargs.setdefault("value", self.values[key])
        elif isinstance(param, Choice) and kind not in ("toggle", "checkbox"):
            kwargs.setdefault("options", param.options)
        elif isinstance(param, Bool) and kind not in ("toggle", "checkbox"):
            raise ValueError(f"{key} is a Bool: draw it with a toggle or a checkbox")
        if "format_func" in kwargs and "options" in kwargs:
            # labels fixed now, in this run's language: a lambda calling t() later (as AppTest does,
            # outside a script run) would see no session and answer in English
            labels = {o: kwargs["format_func"](o) for o in kwargs["options"]}
            kwargs["format_func"] = labels.__getitem__
        self.label(key, label)
        if key in self.hidden:
            if "format_func" in kwargs:
                shown = kwargs["format_func"](self.values[key])
            elif isinstance(param, Bool):
                shown = TABLE["lesson.on" if self.values[key] else "lesson.off"][LANGUAGES.index(self.lang)]
            else:
                shown = None
            self.lock(key, shown)
            return self.values[key]
        draw: Callable[..., Any] = getattr(where or st, kind)
        return draw(label, key=wkey, on_change=_changed, args=(self.schema.name, key), **kwargs)

    def tabs(self, key: str, label: str, labels: Mapping[str, str]) -> dict[str, Any]:
        """Tabs bound to the :class:`Choice` ``key``, one per option (``labels``: option -> tab label), in the
        schema's order; returns option -> tab container. ``label`` names the group (the heading above it) for
        the lesson tools.

        Lazy: Streamlit reruns the page when the reader opens another tab, and only the open tab's container has
        ``.open`` true, so a page builds, sends and draws what is in that tab alone (draw a tab's content only
        when ``tab.open``). The open tab is page state, so it is in the share link, by its option, in any
        language. A lesson link that hides ``key`` keeps its tab open and the bar of tabs away.
        """
        param = self.schema.param(key)
        if not isinstance(param, Choice):
            raise TypeError(f"{key} is not a Choice: tabs need a fixed set of options")
        names = [labels[option] for option in param.options]
        self.label(key, label)
        if key in self.hidden:
            self.lock(key, labels[self.values[key]])
            only = st.container()
            only.open = True
            return {self.values[key]: only}
        wkey = f"{self.schema.name}.{key}"
        st.session_state[wkey] = labels[self.values[key]]  # store -> widget on every run
        by_label = dict(zip(names, param.options, strict=True))
        containers = st.tabs(names, key=wkey, on_change=_tab_changed, args=(self.schema.name, key, by_label))
        return dict(zip(param.options, containers, strict=True))

    def label(self, key: str, label: str) -> None:
        """Record the label of the control that edits ``key`` (for the lesson tools); widgets drawn through this
        class do it themselves, a page's own widgets for a key call it."""
        self.labels[key] = label
        remember_label(self.schema, key, self.lang, label)

    def lock(self, key: str, shown: str | None = None) -> None:
        """Note that hidden control ``key`` holds its value (as ``shown``) in the "set by your teacher" line."""
        if shown is not None:
            self.locked_shown[key] = str(shown)
        if self.on_lock is not None:
            self.on_lock(self)

    def slider(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("slider", key, label, **kwargs)

    def select_slider(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("select_slider", key, label, **kwargs)

    def selectbox(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("selectbox", key, label, **kwargs)

    def radio(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("radio", key, label, **kwargs)

    def toggle(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("toggle", key, label, **kwargs)

    def number_input(self, key: str, label: str, **kwargs: Any) -> Any:
        return self.widget("number_input", key, label, **kwargs)
