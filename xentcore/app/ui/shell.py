"""``page_setup``: the one call every page starts with (config, navigation, settings, share link), and
``fragment``: ``st.fragment`` that keeps the share and lesson links current."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from contextvars import ContextVar
from typing import Any

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from xentcore.app.home.state import HOME
from xentcore.app.pages import PAGE_BY_ID, PAGES
from xentcore.app.settings import SETTINGS
from xentcore.app.share import Issue, Schema
from xentcore.app.ui.a11y import inject_style
from xentcore.app.ui.charts import preload_plotly
from xentcore.app.ui.i18n import t
from xentcore.app.ui.lesson import (
    LESSON_BOX,
    LESSON_KEYS,
    lesson_box,
    lesson_pick,
    lesson_schema,
    locked_summary,
    redraw_lesson_link,
    tour_bar,
)
from xentcore.app.ui.link_box import link_box
from xentcore.app.ui.quiz import score_box
from xentcore.app.ui.session import (
    ACTIVE,
    PageState,
    current_params,
    forget_issues,
    issues_for,
    load,
    share_url,
    write_url,
)
from xentcore.app.ui.widgets import name_controls

LANGUAGE_NAMES = {"en": "English", "zh": "简体中文"}


def page_setup(page_id: str, schema: Schema = HOME, labels: Mapping[str, str] | None = None) -> PageState:
    """Set up a page: config, translated navigation, unit and language, the share link, and the page's
    state read from the URL (with a warning naming each parameter that could not be used). ``labels`` (state
    key -> translation key of its control's label) names, for the lesson tools, the controls a page draws
    in some views only or through its own widgets: known before the sidebar, drawn or not."""
    page = PAGE_BY_ID[page_id]
    name_controls(schema, labels or {})
    settings = load(SETTINGS, known=tuple(st.query_params))
    values = load(schema, known=SETTINGS.keys + LESSON_KEYS)
    lesson = load(lesson_schema(schema), known=tuple(st.query_params))
    previous = st.session_state.get(ACTIVE)
    if previous != schema.name:
        if previous is not None:
            forget_issues(previous, f"{previous}.lesson", SETTINGS.name)  # shown on the previous page already
        st.session_state[ACTIVE] = schema.name
    st.set_page_config(page_title=f"{t(page.title_key)} · xent", page_icon="🎯", layout="wide")
    write_url()
    inject_style(settings["still"])
    if page.charts:
        preload_plotly()

    st.session_state[DREW_LINKS] = set()  # a full run: its fragments say again where they may write
    ctx = PageState(schema, values, settings, hidden=tuple(lesson["hide"]))
    ctx.url_path = page.url_path
    _sidebar(ctx, page.url_path)
    _show_issues(schema)
    if lesson["tour"]:
        tour_bar(page_id, lesson, settings)
    if ctx.hidden:
        box = st.empty()
        ctx.on_lock = lambda c: box.caption(
            locked_summary(c.schema, c.values, c.hidden, c.lang, c.locked_shown), unsafe_allow_html=False
        )
        ctx.on_lock(ctx)  # the line at once, with every hidden value as the link gave it
    return ctx


def page_end(ctx: PageState) -> None:
    """End a page: the footer, and the sidebar's lesson-link box (drawn last, when every control of the page has
    been drawn once and its label is known)."""
    st.caption(t("footer"))
    if ctx.lesson_box is not None:
        with ctx.lesson_box:
            lesson_pick(ctx)
        redraw_lesson_link(current_params())


def _sidebar(ctx: PageState, url_path: str) -> None:
    settings = PageState(SETTINGS, ctx.settings, ctx.settings)
    with st.sidebar:
        st.markdown(f"### {t('app.name')}")
        for page in PAGES:
            st.page_link(page.path, label=t(page.title_key), icon=page.icon)
        st.divider()
        settings.radio(
            "unit",
            t("settings.unit"),
            format_func=lambda u: t(f"unit.{u}"),
            horizontal=True,
            help=t("settings.unit.help"),
        )
        settings.selectbox("lang", t("settings.lang"), format_func=LANGUAGE_NAMES.__getitem__)
        settings.toggle("quiz", t("settings.quiz"), help=t("settings.quiz.help"))
        if ctx.settings["quiz"]:
            score_box()
        settings.toggle("still", t("settings.still"), help=t("settings.still.help"))
        st.divider()
        st.markdown(f"**{t('share.header')}**", help=t("share.help"))
        st.session_state[SHARE_BOX] = (st.empty(), "/" + url_path)
        _draw_share_link()
        if ctx.schema.params:
            st.button(t("share.reset"), on_click=ctx.reset, icon=":material/restart_alt:")
            ctx.lesson_box = lesson_box(ctx.schema, st.context.url or "/" + url_path)  # page_end fills its pick
        else:
            st.session_state.pop(LESSON_BOX, None)  # no lesson box here: none from another page to redraw


SHARE_BOX = "_xent_share_box"


def _draw_share_link() -> None:
    box, path = st.session_state[SHARE_BOX]
    link_box(share_url(path), t("share.header"), where=box, address_bar=True)


def fragment(body: Callable[..., Any]) -> Callable[..., Any]:
    """``st.fragment`` whose reruns also redraw the sidebar's share and lesson links: a fragment rerun alone
    would leave them showing the state from before the fragment's widgets moved (their placeholders are
    outside the fragment, so they are replaced, not duplicated).

    Streamlit 1.67 lets a fragment write outside itself in a fragment rerun only where it wrote in the last full
    run, and not at all while it runs inside its parent's rerun. So every fragment draws the links in a full run
    (even one its body stops), and in a fragment rerun only the outermost one, if it ran in the last full run: a
    fragment that did not (one below an ``st.stop()`` then) leaves the links to the next full run."""
    name = f"{body.__module__}.{body.__qualname__}"

    @functools.wraps(body)
    def run(*args: Any, **kwargs: Any) -> Any:
        script = get_script_run_ctx()
        full_run = not (script and script.fragment_ids_this_run)
        may_draw = full_run or (not _DEPTH.get() and name in st.session_state.get(DREW_LINKS, ()))
        token = _DEPTH.set(_DEPTH.get() + 1)
        try:
            return body(*args, **kwargs)
        finally:
            _DEPTH.reset(token)
            if may_draw:
                if full_run:
                    st.session_state.setdefault(DREW_LINKS, set()).add(name)
                if SHARE_BOX in st.session_state:
                    _draw_share_link()
                if LESSON_BOX in st.session_state:
                    redraw_lesson_link(current_params())

    return st.fragment(run)


_DEPTH: ContextVar[int] = ContextVar("xent_fragment_depth", default=0)  # our fragments running, one in another
DREW_LINKS = "_xent_drew_links"  # the fragments that drew the links in this page's last full run


def _detail(issue: Issue) -> str:
    return t(f"detail.{issue.note.what}", **issue.note.as_dict()) if issue.note else ""


def _show_issues(schema: Schema) -> None:
    issues = issues_for(SETTINGS.name, schema.name, lesson_schema(schema).name)
    if issues:
        lines = [f"- {t('warn.' + i.code, key=i.key, detail=_detail(i))}" for i in issues]
        st.warning("\n".join([t("warn.title"), *lines]), icon=":material/link_off:")

