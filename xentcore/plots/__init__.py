"""Floor 1: plotly figure builders. Numbers (and already translated labels) in, ``go.Figure`` out.

One colour-blind-safe palette (Okabe & Ito) for the whole app: P, Q and each model always keep their
colour. Figures leave the background to Streamlit's theme so they read in light and dark mode.
"""

from __future__ import annotations

import plotly.graph_objects as go

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


def base_layout(fig: go.Figure, *, height: int = 360, title: str | None = None) -> go.Figure:
    """The house style: compact margins, horizontal legend on top, CJK-capable font."""
    fig.update_layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 40 if title else 10, "b": 10},
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
