"""Figures of the language page: the model's numbers (:mod:`xentcore.app.language.model`) and translated labels
in, ``go.Figure`` out. Every piece of the reader's text is HTML-escaped before it reaches plotly, whose text
fields read a subset of HTML (``<br>``, ``<a>``...)."""

from __future__ import annotations

import html
import math
import unicodedata

import numpy as np
import plotly.graph_objects as go

from xentcore.app.figures import PALETTE, base_layout, f32, room
from xentcore.app.format import fmt
from xentcore.app.language.model import OTHER, Curve, Drawn, NextChar, Sizes
from xentcore.language import BOUNDARY, UNKNOWN, display_symbol

# Characters per row of the surprisal grid and their font size: few enough that a row fits a phone's width
# (390 px) with each character inside its cell; Chinese characters are about twice as wide as Latin ones.
GRID = {"narrow": (30, 12), "wide": (20, 14)}
TRAIN_COLOUR = PALETTE["entropy"]
TEST_COLOUR = PALETTE["q"]  # the test text's cross-entropy is the model Q's, measured on new text
NO_CONFIG = {"displayModeBar": False}


def symbol(s: str, labels: dict[str, str]) -> str:
    """How a vocabulary entry is shown, HTML-escaped: ``labels`` name the unknown symbol (``unk``), the
    boundary (``bos``) and the merged rest (``other``); other characters as :func:`display_symbol` shows them."""
    special = {OTHER: "other", UNKNOWN: "unk", BOUNDARY: "bos"}.get(s)
    return html.escape(labels[special] if special else display_symbol(s), quote=False)


def symbols(text: str, labels: dict[str, str]) -> str:
    """A string shown symbol by symbol (for a history: ``⟨bos⟩⟨bos⟩a``), HTML-escaped."""
    return "".join(symbol(c, labels) for c in text)


def curve_figure(curve: Curve, k: int, labels: dict[str, str]) -> go.Figure:
    """Training and test cross-entropy against the context length, the chosen context marked. An infinite
    value is drawn as a triangle at the top edge, labelled ∞."""
    finite = np.concatenate([curve.train, curve.test[np.isfinite(curve.test)]])
    top = float(finite.max()) * 1.12 + 1e-9
    fig = go.Figure()
    for name, values, colour in (("train", curve.train, TRAIN_COLOUR), ("test", curve.test, TEST_COLOUR)):
        inf = np.isinf(values)
        fig.add_scatter(
            x=curve.contexts,
            y=f32(np.where(inf, np.nan, values)),
            mode="lines+markers",
            name=labels[name],
            line={"color": colour, "width": 3},
            marker={"size": 8},
            hovertemplate=labels["hover"] + "<extra>" + labels[name] + "</extra>",
        )
        if inf.any():
            fig.add_scatter(
                x=curve.contexts[inf],
                y=np.full(int(inf.sum()), top, dtype=np.float32),
                mode="markers+text",
                text=["∞"] * int(inf.sum()),
                textposition="bottom center",
                marker={"symbol": "triangle-up", "size": 12, "color": colour},
                name=labels["infinite"],
                hovertemplate=labels["hover_inf"] + "<extra>" + labels[name] + "</extra>",
            )
    fig.add_vline(x=k, line={"color": PALETTE["neutral"], "dash": "dot"})
    fig.update_layout(
        xaxis={"title": {"text": labels["x"]}, "dtick": 1, "range": [-0.3, float(curve.contexts[-1]) + 0.3]},
        yaxis={"title": {"text": labels["y"]}, "range": [0, top * 1.04], "rangemode": "tozero"},
        hovermode="x",
    )
    return base_layout(fig, height=340, margin=room(66, 70))


def grid_shape(chars: tuple[str, ...] | list[str]) -> tuple[int, int]:
    """Characters per row and font size for the grid of ``chars``: the wide layout when any is a wide (East
    Asian) character.

    >>> grid_shape(list("abc")), grid_shape(list("a字"))
    ((30, 12), (20, 14))
    """
    wide = any(len(c) == 1 and unicodedata.east_asian_width(c) in "WF" for c in chars)
    return GRID["wide" if wide else "narrow"]


def surprisal_grid(drawn: Drawn, labels: dict[str, str]) -> go.Figure:
    """The drawn characters in rows (:func:`grid_shape`), each cell coloured by its surprisal (an infinite
    one at the top of the colour scale), the colour bar above the grid so the grid keeps the full width;
    hover: the character, its probability, its surprisal."""
    width, size = grid_shape(drawn.chars)
    n = len(drawn.chars)
    rows = max(1, math.ceil(n / width))
    s = drawn.surprisal
    finite = s[np.isfinite(s)]
    zmax = max(float(finite.max()) if finite.size else 1.0, 1e-9)
    z = np.full(rows * width, np.nan)
    z[:n] = np.minimum(s, zmax)
    text = np.full(rows * width, "", dtype=object)
    hover = np.full((rows * width, 3), "", dtype=object)
    for i, c in enumerate(drawn.chars):
        text[i] = "" if c == " " else symbol(c, labels)
        hover[i] = (symbol(c, labels), fmt(drawn.probability[i]), fmt(s[i]))
    bar = 54  # px above the grid for the colour bar and its title
    fig = go.Figure(
        go.Heatmap(
            z=f32(z.reshape(rows, width)),
            text=text.reshape(rows, width).tolist(),
            customdata=hover.reshape(rows, width, 3).tolist(),
            texttemplate="%{text}",
            textfont={"size": size},
            colorscale="Viridis",
            reversescale=True,
            zmin=0,
            zmax=zmax,
            xgap=1,
            ygap=1,
            colorbar={
                "title": {"text": labels["colorbar"], "side": "top"},
                "orientation": "h",
                "thickness": 10,
                "len": 1,
                "x": 0.5,
                "xanchor": "center",
                "y": 1,
                "yanchor": "bottom",
                "ypad": 4,
            },
            hovertemplate=labels["hover"] + "<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis={"visible": False, "constrain": "domain"},
        yaxis={"visible": False, "autorange": "reversed"},
    )
    base_layout(fig, height=bar + 20 + 26 * rows)
    fig.update_layout(margin={"t": bar})
    return fig


def next_char_figure(nxt: NextChar, labels: dict[str, str]) -> go.Figure:
    """The model's next-character distribution Q after the history, as bars; beside it P, what followed the
    history in a text, when it occurs there."""
    x = [symbol(s, labels) for s in nxt.symbols]
    top = max(float(nxt.q.max()), float(nxt.p.max()) if nxt.p is not None else 0.0)
    fig = go.Figure()
    fig.add_bar(
        x=x,
        y=f32(nxt.q),
        name=labels["q"],
        marker={"color": PALETTE["q"]},
        hovertemplate="%{x}: %{y:.4f}<extra>" + labels["q"] + "</extra>",
    )
    if nxt.p is not None:
        fig.add_bar(
            x=x,
            y=f32(nxt.p),
            name=labels["p"],
            marker={"color": PALETTE["p"]},
            hovertemplate="%{x}: %{y:.4f}<extra>" + labels["p"] + "</extra>",
        )
    fig.update_layout(
        barmode="group",
        xaxis={"type": "category", "title": {"text": labels["x"]}},
        yaxis={"title": {"text": labels["y"]}, "range": [0, min(1.0, top * 1.15)]},
    )
    return base_layout(fig, height=320, margin=room(82, 70))


def sizes_figure(sizes: Sizes, labels: dict[str, str]) -> go.Figure:
    """Bits per character of the test text: stored plainly in UTF-8, compressed by zlib, bz2 and lzma, and
    coded ideally with the model (its cross-entropy in bits); each bar labelled with its size in bytes."""
    names = ("utf-8", "zlib", "bz2", "lzma", "model")
    bpc = [sizes.bits_per_char(n) for n in names]
    size_bytes = [sizes.utf8_bytes, *(sizes.compressed[c] for c in ("zlib", "bz2", "lzma")), sizes.ideal_bytes]
    colours = [PALETTE["neutral"], "#6f6f6f", "#6f6f6f", "#6f6f6f", PALETTE["q"]]
    text = [labels["bytes"].format(n=fmt(b, 0)) if math.isfinite(b) else "∞" for b in size_bytes]
    finite = [v for v in bpc if math.isfinite(v)]
    top = max(finite) * 1.15
    fig = go.Figure(
        go.Bar(
            x=[labels[n] for n in names],
            y=f32([v if math.isfinite(v) else top for v in bpc]),
            text=text,
            textposition="outside",
            marker={"color": colours, "pattern": {"shape": ["", "", "", "", "" if math.isfinite(bpc[-1]) else "/"]}},
            customdata=[fmt(v) for v in bpc],
            hovertemplate="%{x}: %{customdata} " + labels["per_char"] + "<extra></extra>",
        )
    )
    fig.update_layout(
        xaxis={"type": "category"},
        yaxis={"title": {"text": labels["y"]}, "range": [0, top * 1.12]},
        showlegend=False,
    )
    return base_layout(fig, height=340, margin=room(72, 40))
