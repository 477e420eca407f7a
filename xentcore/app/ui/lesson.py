"""Teaching tools every page shares: lesson links that hide controls (``hide=``) and guided tours
(``tour=<id>&step=<n>``, defined as data in :mod:`xentcore.app.tours`).

A page's lesson keys live in a small schema of their own beside the page's state (``<page>.lesson``), so a
link's ``hide``, ``tour`` and ``step`` are parsed, clamped and reported like every other key.
"""

from __future__ import annotations

import functools
from typing import Any
from urllib.parse import urlencode

import streamlit as st

from xentcore.app.pages import PAGE_BY_ID
from xentcore.app.settings import SETTINGS, schema_for
from xentcore.app.share import Choice, Int, Keys, Schema, dump
from xentcore.app.tours import MAX_STEPS, TOUR_BY_ID, TOURS, Tour
from xentcore.app.ui.i18n import t
from xentcore.app.ui.layout import lazy_expander
from xentcore.app.ui.link_box import link_box
from xentcore.app.ui.session import PageState, label_of, store

LESSON_KEYS = ("hide", "tour", "step")


@functools.cache
def lesson_schema(schema: Schema) -> Schema:
    """The lesson keys of a page: which of its controls are hidden, and the tour step it shows."""
    return Schema(
        f"{schema.name}.lesson",
        (
            Keys("hide", (), options=schema.keys),
            Choice("tour", "", options=("", *TOUR_BY_ID)),
            Int("step", 1, lo=1, hi=MAX_STEPS),
        ),
    )


def lesson_query(hide: tuple[str, ...] = (), tour: str = "", step: int = 1, *, schema: Schema) -> dict[str, str]:
    return dump({"hide": hide, "tour": tour, "step": step}, lesson_schema(schema))


def step_params(tour: Tour, n: int, settings: dict) -> tuple[str, dict[str, str]]:
    """The page path and the full query of step ``n`` (1-based) of ``tour``."""
    step = tour.steps[n - 1]
    schema = schema_for(step.page)
    params = dump(settings, SETTINGS)
    params.update(dump({**schema.defaults(), **step.state}, schema))
    params.update(lesson_query(step.hide, tour.id, n, schema=schema))
    return PAGE_BY_ID[step.page].path, params


def go_to_step(tour: Tour, n: int, settings: dict) -> None:
    """Open step ``n``: its page reads its state from the query afresh (the session's copy is dropped)."""
    path, params = step_params(tour, n, settings)
    schema = schema_for(tour.steps[n - 1].page)
    saved = store()
    saved.pop(schema.name, None)
    saved.pop(lesson_schema(schema).name, None)
    st.switch_page(path, query_params=params)


def tour_bar(page_id: str, lesson: dict, settings: dict) -> None:
    """The tour's progress, this step's text, and Back / Next / End."""
    tour = TOUR_BY_ID[lesson["tour"]]
    n = min(lesson["step"], len(tour.steps))
    step = tour.steps[n - 1]
    with st.container(border=True):
        st.progress(n / len(tour.steps), text=t("tour.progress", title=t(tour.title_key), n=n, total=len(tour.steps)))
        if step.page != page_id:
            st.markdown(t("tour.elsewhere", n=n, page=t(PAGE_BY_ID[step.page].title_key)))
        else:
            st.markdown(t(tour.text_key(n)))
        back, forward, end = st.columns(3)
        if n > 1 and back.button(t("tour.back"), icon=":material/arrow_back:", key="_xent_tour_back"):
            go_to_step(tour, n - 1, settings)
        if step.page != page_id:
            if forward.button(t("tour.next"), icon=":material/arrow_forward:", key="_xent_tour_here", type="primary"):
                go_to_step(tour, n, settings)
        elif n < len(tour.steps) and forward.button(
            t("tour.next"), icon=":material/arrow_forward:", key="_xent_tour_next", type="primary"
        ):
            go_to_step(tour, n + 1, settings)
        if end.button(t("tour.end"), icon=":material/close:", key="_xent_tour_end"):
            lesson.update(tour="", step=1, hide=())
            st.rerun()


def tour_cards(ctx: PageState) -> None:
    """Every tour with its blurb and a Start button (for the home page)."""
    cols = st.columns(len(TOURS))
    for col, tour in zip(cols, TOURS, strict=True):
        with col.container(border=True):
            st.markdown(f"**{t(tour.title_key)}**")
            st.caption(t(f"{tour.title_key}.blurb"))
            if st.button(t("tour.start"), key=f"_xent_tour_start_{tour.id}", icon=":material/tour:"):
                go_to_step(tour, 1, ctx.settings)


def locked_summary(schema: Schema, values: dict, hidden: tuple[str, ...], lang: str, shown: dict[str, str]) -> str:
    """``Set by your teacher: label = value; …`` for the hidden controls; ``shown`` holds the values as the
    page's own widgets would format them, where known."""
    items = [
        f"{label_of(schema, k, lang)} = {shown.get(k) or schema.param(k).encode(values[k]) or '—'}" for k in hidden
    ]
    return t("lesson.locked", items=t("lesson.sep").join(items))


def lesson_box(schema: Schema, base: str) -> Any:
    """The sidebar's "Make a lesson link" box, drawn before the page's body: a slot for the choice of controls
    to hide (filled by :func:`lesson_pick` once the page has drawn its controls) and the link below it, or
    ``None`` while the box is closed. The link's placeholder exists before any fragment runs, so a fragment
    rerun can redraw it (Streamlit lets a fragment write outside itself only where it wrote during the last
    full run).

    A closed box holds nothing: Streamlit draws a closed expander's content all the same, and the choice (a
    multiselect) and the link cost a new reader about a tenth of the distributions page's open for a tool few
    open. Opening it reruns the page, which builds them."""
    box = lazy_expander(t("lesson.header"), LESSON_OPEN, icon=":material/school:")
    if box is None:
        st.session_state.pop(LESSON_BOX, None)
        return None
    with box:
        pick = st.container()
        st.caption(t("lesson.link"))
        st.session_state[LESSON_BOX] = (st.empty(), schema, base)
    return pick


def lesson_pick(ctx: PageState) -> None:
    """Tick the controls to hide (those on the page now, and those hidden already)."""
    schema, hidden, lang = ctx.schema, ctx.hidden, ctx.lang
    options = [k for k in schema.keys if k in ctx.labels or k in hidden]
    labels = {k: ctx.labels.get(k) or label_of(schema, k, lang) for k in options}
    st.multiselect(
        t("lesson.pick"),
        options=options,
        default=list(hidden),
        format_func=labels.__getitem__,
        key=f"_xent_lesson_pick.{schema.name}",
        help=t("lesson.help"),
        persist_state="page",  # the ticks outlive the box's closing, while the reader stays on the page
    )


LESSON_BOX = "_xent_lesson_box"  # (placeholder, schema, base) of this run's lesson link
LESSON_OPEN = "_xent_lesson_open"  # the lesson box is open


def redraw_lesson_link(params: dict[str, str]) -> None:
    """Fill the lesson box's placeholder with the link for the page's state ``params`` and the controls ticked
    to hide."""
    box, schema, base = st.session_state[LESSON_BOX]
    chosen = st.session_state.get(f"_xent_lesson_pick.{schema.name}") or []
    query = {k: v for k, v in params.items() if k != "hide"}
    query.update(lesson_query(tuple(chosen), schema=schema))
    query = {k: v for k, v in query.items() if k not in ("tour", "step")}
    link_box(f"{base}?{urlencode(query)}" if query else base, t("lesson.link"), where=box)
