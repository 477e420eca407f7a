"""Layout that keeps a page's element count low: the browser re-renders every element and block a rerun
sends, so a row of metrics is one block, not a row of columns (a block per column and one for the row)."""

from typing import Any

import streamlit as st

# Streamlit cuts a metric's label, value and delta with an ellipsis where they do not fit; here they wrap (a number
# with its unit breaks between the two). A horizontal block sizes each element to its content; a row of metrics
# shares the width equally, as ``st.columns`` does, but a metric is never narrower than its longest word, so a
# row too narrow for its metrics wraps onto a second line (the block wraps). On a phone one metric takes a line,
# as columns stack there.
METRIC_CSS = """
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricLabel"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricValue"] [data-testid="stMarkdownContainer"] p,
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"],
[data-testid="stMetricDelta"] [data-testid="stMarkdownContainer"] p {
  white-space: normal;
}
.stHorizontalBlock:has(> .stElementContainer > [data-testid="stMetric"]) > .stElementContainer {
  flex: 1 1 0;
  min-width: min-content;
}
@media (max-width: 640px) {
  .stHorizontalBlock:has(> .stElementContainer > [data-testid="stMetric"]) > .stElementContainer {
    flex-basis: 100%;
  }
}
"""


def metric_row(*metrics: dict[str, Any], slots: int | None = None) -> None:
    """``st.metric(**m)`` for each ``m``, side by side in one horizontal block, each an equal share of the
    width (one a line on a phone). With ``slots`` larger than the number of metrics the row is padded with
    empty slots, so a short row lines up under a full one."""
    row = st.container(horizontal=True)
    for kwargs in metrics:
        row.metric(**kwargs)
    for _ in range((slots or len(metrics)) - len(metrics)):
        row.space("stretch")


def prose(*paragraphs: str) -> None:
    """The paragraphs (markdown; empty ones left out) as one markdown element: the browser renders each element a
    page sends, whose fixed cost is most of a short paragraph's, so a run of text is one element."""
    st.markdown("\n\n".join(p for p in paragraphs if p))


def lazy_expander(label: str, key: str, icon: str | None = None) -> Any | None:
    """An expander whose content is built only while it is open: the expander while open, else ``None``.

    Streamlit draws a closed expander's content all the same (and a code block in it makes the browser load a
    syntax highlighter), so a closed box here is one element. Opening or closing it reruns the page
    (``on_change="rerun"``); its state is ``st.session_state[key]``."""
    box = st.expander(label, key=key, on_change="rerun", icon=icon)
    return box if box.open else None
