"""``text_grid``: characters on colours of their own, drawn by a small component (``text_grid.js``) from data.

    text_grid(cached_figure(figs.surprisal_grid, drawn, labels, alt=...), key="language.grid.text")

The language page's surprisal close-up was HTML through ``st.html``, which the browser sanitises (DOMPurify) on
every change: 13-15 ms of a move's main-thread time for its 600 cells. The component builds the same elements
from JSON with ``textContent`` and attributes, so nothing is parsed as HTML and nothing needs sanitising,
whatever the text.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

COMPONENT = "xent_text_grid"

_SCRIPT = Path(__file__).with_name("text_grid.js").read_text()  # with its style, added to the page once
_draw = st.components.v2.component(COMPONENT, js=_SCRIPT, isolate_styles=False)


def text_grid(grid: bytes, *, key: str) -> None:
    """Draw ``grid``: UTF-8 JSON ``{"alt", "scale", "groups"}`` as ``text_grid.js`` describes it (for the
    language page, :func:`xentcore.app.language.figures.surprisal_grid`)."""
    _draw(data=grid, key=key)
