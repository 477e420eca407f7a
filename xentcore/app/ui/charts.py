"""``chart``: the one way a page draws a plotly figure, with a text alternative and, on request, its data.

    chart(fig, key="race.figure", alt=model_alt, data=lambda: history_table(model))

Streamlit 1.67 puts ``alt`` on the chart's wrapper as ``role="figure"`` with ``aria-label`` = the text: a
screen reader announces "<alt>, figure" before the chart (checked in Chromium's accessibility tree; plotly's
own SVGs stay inside it as unnamed images reading out tick labels, which Streamlit does not hide). ``data``
(a DataFrame, or a function returning one) adds a "Show the data" toggle under the chart; the table is built
and sent only while it is on.

How to write an alt (WCAG 2.1, 1.1.1 "Non-text Content"):
- Say what the chart shows *now*, with its key numbers, not what kind of chart it is: "Cross-entropy
  against the predicted probability of the true class: 2.30 nats at 0.10, falling to 0.11 nats at 0.90;
  your point, 0.25, costs 1.39 nats." rather than "A line chart of the loss".
- Generate it from the page model, in the reader's language and unit, with ``t()`` and ``fmt()``, exactly
  like the sentences beside the chart: it must be true for every setting the page allows. A translation
  key per chart (``<page>.alt.<chart>``) with ``{fields}`` filled from the model keeps it in ``text.py``.
- Lead with the finding the chart is there for (which run wins, where the minimum is), then the numbers
  a reader would read off it; two or three sentences. Longer detail belongs in ``data``.
- An animated chart describes its final frame and says that it plays (and that Play starts it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from xentcore.app.ui.i18n import t

BAR_CONFIG = {"displayModeBar": False}  # the modebar's icons have no text names and are not needed here


def chart(
    fig: Any,
    *,
    key: str,
    alt: str,
    data: Any | Callable[[], Any] | None = None,
    config: dict[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Draw ``fig`` with ``st.plotly_chart`` under the text alternative ``alt``.

    Parameters
    ----------
    fig : plotly figure or dict
    key : str
        The chart's element key (``<page>.fig.<name>``); the data toggle's key is ``<key>.data``.
    alt : str
        What the chart shows, with its key numbers, in the reader's language: see this module's notes.
    data : DataFrame or callable returning one, optional
        The numbers behind the chart; with it, a "Show the data" toggle under the chart shows them as a table.
        A callable is called only while the toggle is on.
    config : dict, optional
        Plotly config entries added to (or replacing) ``BAR_CONFIG``.
    **kwargs
        Passed to ``st.plotly_chart`` (``width``, ``height``, ``on_select``, ...).

    Raises
    ------
    ValueError
        When ``alt`` is missing, empty or only whitespace.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(f"chart {key!r} needs an alt text: what it shows now, with its key numbers")
    shown = st.plotly_chart(fig, key=key, alt=alt.strip(), config={**BAR_CONFIG, **(config or {})}, **kwargs)
    if data is not None and st.toggle(t("chart.data"), key=f"{key}.data", help=t("chart.data.help")):
        table = data() if callable(data) else data
        st.dataframe(table, hide_index=True)
    return shown
