"""Plotly figure builders shared by every page. Numbers (and already translated labels) in, ``go.Figure`` out
(or, for a figure too big to be worth plotly.py's objects, a :class:`PlainFigure`).

One colour-blind-safe palette (Okabe & Ito) for the whole app: P, Q and each model always keep their
colour. Figures leave the background to Streamlit's theme so they read in light and dark mode.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Sequence
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from _plotly_utils.utils import to_typed_array_spec

PALETTE = {
    "p": "#0072B2",  # true distribution P: blue
    "q": "#D55E00",  # model Q: vermillion
    "entropy": "#56B4E9",  # the H(P) part of a cross-entropy: sky blue
    "kl": "#F0E442",  # the KL part: yellow (drawn with an outline)
    "ce": "#009E73",  # logistic regression trained with cross-entropy: bluish green
    "softmax": "#CC79A7",  # softmax regression with cross-entropy: reddish purple
    "mse": "#E69F00",  # the MSE-trained classifier: orange
    "neutral": "#999999",
}
CLASS_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000")
OUTLINE = "rgba(60,60,60,0.8)"
FONT_FAMILY = '"Source Sans Pro", "Noto Sans CJK SC", "Noto Sans SC", sans-serif'


def rgba(hex_colour: str, alpha: float) -> str:
    """``"#0072B2"``, 0.3 -> ``"rgba(0,114,178,0.3)"``: a palette colour made translucent."""
    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({r},{g},{b},{alpha})"


def room(left: int = 10, bottom: int = 10, right: int = 20) -> dict[str, int]:
    """Margins (px) that already hold a figure's axes: tick labels and axis titles on the left and below, the
    last tick label's overhang on the right.

    Why: Streamlit's chart theme turns on plotly's axis ``automargin`` over margins of 0–10 px, so plotly draws
    a figure, measures its axes' labels, and when they overflow the margins draws the whole figure again: a
    second full draw of every chart on every page open and every move that changes it. Margins that already
    fit make one draw enough (each figure's values were read off the drawn figure in Chromium at the page's
    defaults, plus a few px); labels wider than that still get their room, at the cost of the second draw.
    """
    return {"l": left, "b": bottom, "r": right}


def base_layout(
    fig: go.Figure, *, height: int = 360, title: str | None = None, margin: dict[str, int] | None = None
) -> go.Figure:
    """The house style: compact margins (or ``margin``, e.g. :func:`room`), horizontal legend on top,
    CJK-capable font."""
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10, **(margin or {})},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},
        font={"family": FONT_FAMILY},
        title={"text": title} if title else None,
    )
    return fig


def panel_title(text: str, x: float, y: float) -> dict:
    """A subplot's title: an annotation centred at paper coordinates ``(x, y)``, sitting on that line."""
    return {
        "text": text,
        "x": x,
        "y": y,
        "xref": "paper",
        "yref": "paper",
        "xanchor": "center",
        "yanchor": "bottom",
        "showarrow": False,
        "font": {"size": 14},
    }


def f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def axis_suffix(i: int) -> str:
    """Plotly's name suffix of the ``i``-th (1-based) pair of axes: ``""``, ``"2"``, ``"3"``..."""
    return "" if i == 1 else str(i)


def panels(rows: int, cols: int, titles: Sequence[str] = (), *, hspace: float = 0.08, vspace: float = 0.14):
    """Layout entries for a ``rows`` × ``cols`` grid of 2-D panels, numbered row by row from 1, each with
    its title above it: what ``make_subplots`` builds, as a plain dict."""
    layout: dict[str, Any] = {"annotations": []}
    w = (1.0 - hspace * (cols - 1)) / cols
    h = (1.0 - vspace * (rows - 1)) / rows
    for r in range(rows):
        for c in range(cols):
            i = r * cols + c + 1
            s = axis_suffix(i)
            x0 = c * (w + hspace)
            y1 = 1.0 - r * (h + vspace)
            layout[f"xaxis{s}"] = {"domain": [max(x0, 0.0), min(x0 + w, 1.0)], "anchor": f"y{s}"}
            layout[f"yaxis{s}"] = {"domain": [max(y1 - h, 0.0), min(y1, 1.0)], "anchor": f"x{s}"}
            if titles:
                layout["annotations"].append(panel_title(titles[i - 1], x0 + w / 2, y1))
    return layout


def band(i: int, lo: float, hi: float, fill: str) -> dict:
    """A full-height shaded band ``lo <= x <= hi`` behind panel ``i``."""
    s = axis_suffix(i)
    return {
        "type": "rect",
        "xref": f"x{s}",
        "yref": f"y{s} domain",
        "x0": lo,
        "x1": hi,
        "y0": 0,
        "y1": 1,
        "fillcolor": fill,
        "line": {"width": 0},
        "layer": "below",
    }


def titled(fig: go.Figure, legend_y: float = 1.08) -> go.Figure:
    """Room above the panel titles for the legend."""
    fig.update_layout(margin={"t": 60}, legend={"y": legend_y})
    return fig


class PlainFigure(dict):
    """A figure as plotly.js reads it (``data``, ``layout``, ``frames``), kept as plain data: what ``go.Figure``
    of the same dict would write as JSON, without building plotly.py's objects for every trace and frame (the
    race's 101 frames: 95 ms to build them, 30 ms to write them back out, against 5 ms here). Numeric numpy
    arrays become plotly's typed arrays, as ``go.Figure`` writes them, and the layout takes the default template
    (Streamlit's, whose colours the chart fills from the theme). Built by trusted code: nothing is validated.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        super().__init__(_typed(spec))
        for trace in (t for frame in self.get("frames", ()) for t in frame.get("data", ())):
            trace.setdefault("type", "scatter")  # plotly.py's default trace type, written out as it writes it
        layout = self.setdefault("layout", {})
        if "template" not in layout and pio.templates.default is not None:
            layout["template"] = copy.deepcopy(_template(pio.templates.default))  # the cached one stays as it is

    def to_dict(self) -> dict[str, Any]:
        """A copy of the figure, as ``go.Figure.to_dict`` gives one."""
        return copy.deepcopy(dict(self))

    def to_json(self) -> str:
        """The figure's JSON, as ``go.Figure.to_json`` writes it."""
        return pio.to_json(self, validate=False)


def _typed(value: Any) -> Any:
    """``value`` with each numeric numpy array replaced by plotly's typed array (``{"dtype", "bdata"}``) and each
    property set to ``None`` left out (unset, as plotly.py writes it; a ``None`` in a list is a gap and stays)."""
    if isinstance(value, np.ndarray):
        return to_typed_array_spec(value) if value.dtype.kind in "iuf" else value.tolist()
    if isinstance(value, dict):
        return {k: _typed(v) for k, v in value.items() if v is not None}
    if isinstance(value, list | tuple):
        if set(map(type, value)) <= _SCALARS:  # a column of numbers or labels: nothing inside to convert
            return list(value)
        return [_typed(v) for v in value]
    return value


_SCALARS = {float, int, str, bool, type(None)}


@functools.cache
def _template(name: str) -> dict[str, Any]:
    return pio.templates[name].to_plotly_json()
