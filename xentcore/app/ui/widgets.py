"""Widgets several pages share."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import streamlit as st

from xentcore.app.format import fmt, md_escape
from xentcore.app.share import Schema
from xentcore.app.ui.layout import lazy_expander
from xentcore.app.ui.session import PageState, remember_label
from xentcore.app.ui.text import LANGUAGES, TABLE
from xentcore.distributions import rescale


def name_controls(schema: Schema, labels: Mapping[str, str]) -> None:
    """Tell the sidebar's lesson-link box how each control of ``schema`` is labelled, in every language:
    ``labels`` maps a state key to the translation key of its label. A widget records its label only when it
    is drawn, after the sidebar; without this the box would show a page's first visitor the bare link keys."""
    for key, text_key in labels.items():
        for i, lang in enumerate(LANGUAGES):
            remember_label(schema, key, lang, TABLE[text_key][i])


def vector_sliders(
    ctx: PageState,
    key: str,
    labels: Sequence[str],
    *,
    where: Any = None,
    lo: float = 0.0,
    hi: float = 1.0,
    step: float = 0.01,
    format: str | None = None,
    distribution: bool = True,
    widget_key: str | None = None,
    help: str | None = None,
    name: str | None = None,
) -> None:
    """A row (or column) of sliders editing the vector ``ctx[key]``, one per entry, bound to the page state.
    When a lesson link hides ``key``, nothing is drawn and the values go to the "set by your teacher" line.

    Parameters
    ----------
    ctx : PageState
        The page's state; ``ctx[key]`` is a tuple of floats, written back with ``ctx.set`` in the callback.
    key : str
        The state key of the vector.
    labels : sequence of str
        One label per entry, plain text (shown literally: escaped here for Streamlit's markdown).
    where : container or sequence of containers, optional
        Where the sliders go: one container for all (stacked), or one per entry (e.g. ``st.columns(k)``).
        Default: the current container.
    lo, hi, step, format :
        The sliders' range, step and display format (``format=None``: Streamlit's default).
    distribution : bool
        ``True``: the vector is a probability distribution; moving entry ``i`` to ``y`` rescales the others
        in proportion so the sum stays 1 (:func:`xentcore.distributions.rescale`). ``False``: entries are
        independent (logits, say).
    widget_key : str, optional
        Prefix of the widget keys; entry ``i`` is ``f"{widget_key}{i}"``. Default ``"<page>.<key>."``.
    help : str, optional
        A tooltip on every slider.
    name : str, optional
        What the vector as a whole is called (for the lesson-link box), e.g. "True P".
    """
    values = ctx[key]
    if len(labels) != len(values):
        raise ValueError(f"{len(labels)} labels for {len(values)} entries of {key!r}")
    if name is not None:
        ctx.label(key, name)
    if ctx.is_hidden(key):
        ctx.lock(key, ", ".join(fmt(v, 2) for v in values))
        return
    prefix = widget_key if widget_key is not None else f"{ctx.schema.name}.{key}."
    spots = list(where) if isinstance(where, list | tuple) else [where or st] * len(values)
    for i, value in enumerate(values):
        wkey = f"{prefix}{i}"
        st.session_state[wkey] = float(value)  # store -> widget on every run: the stored vector stays exact
        spots[i].slider(
            md_escape(labels[i]),
            min_value=lo,
            max_value=hi,
            value=float(value),  # see PageState.widget: without it Streamlit copies the whole session state
            step=step,
            format=format,
            key=wkey,
            on_change=_moved,
            args=(ctx, key, i, wkey, distribution),
            help=help,
        )


def _moved(ctx: PageState, key: str, i: int, wkey: str, distribution: bool) -> None:
    y = st.session_state.get(wkey)
    if y is None:
        return
    values = ctx[key]
    if distribution:
        ctx.set(key, tuple(float(v) for v in rescale(values, i, y)))
    else:
        ctx.set(key, tuple(float(y) if j == i else float(v) for j, v in enumerate(values)))


def source_expander(
    label: str,
    key: str,
    sources: Callable[[], Sequence[str]],
    icon: str | None = None,
    note: str | None = None,
    intro: Sequence[str] = (),
) -> None:
    """Python source in an expander whose code blocks exist only while it is open.

    A code block anywhere on a page makes the browser load and run Streamlit's syntax highlighter when the
    page opens, open expander or not (about 0.3 s of script on a 2-core machine): see ``lazy_expander``.
    ``intro`` are captions above the code, ``note`` one under it.
    """
    box = lazy_expander(label, key, icon)
    if box is not None:
        with box:
            for line in intro:
                st.caption(line)
            for source in sources():
                st.code(source, language="python")
            if note:
                st.caption(note)
