"""Figures of the language page: the model's numbers (:mod:`xentcore.app.language.model`) and translated labels
in, ``go.Figure`` out. Every piece of the reader's text is HTML-escaped before it reaches plotly, whose text
fields read a subset of HTML (``<br>``, ``<a>``...)."""

from __future__ import annotations

import html
import json
import math

import numpy as np
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from xentcore.app.figures import PALETTE, base_layout, f32, room
from xentcore.app.format import fmt
from xentcore.app.language.model import OTHER, Curve, Drawn, NextChar, Sizes
from xentcore.language import BOUNDARY, UNKNOWN, display_symbol

TRAIN_COLOUR = PALETTE["entropy"]
TEST_COLOUR = PALETTE["q"]  # the test text's cross-entropy is the model Q's, measured on new text
NO_CONFIG = {"displayModeBar": False}


def symbol_text(s: str, labels: dict[str, str]) -> str:
    """How a vocabulary entry is shown, as plain text: ``labels`` name the unknown symbol (``unk``), the
    boundary (``bos``) and the merged rest (``other``); other characters as :func:`display_symbol` shows them."""
    special = {OTHER: "other", UNKNOWN: "unk", BOUNDARY: "bos"}.get(s)
    return labels[special] if special else display_symbol(s)


def symbol(s: str, labels: dict[str, str]) -> str:
    """:func:`symbol_text`, HTML-escaped for plotly's text fields."""
    return html.escape(symbol_text(s, labels), quote=False)


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


def luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance of an sRGB colour given as 0-255 channels."""
    lin = [c / 255 / 12.92 if c <= 10 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ink_on(rgb: tuple[int, int, int]) -> str:
    """Black or white, whichever contrasts more with ``rgb``: at least 4.58:1 on any colour (WCAG AA).

    >>> ink_on((0, 0, 0)), ink_on((255, 255, 255)), ink_on((253, 231, 37))
    ('#FFFFFF', '#000000', '#000000')
    """
    lum = luminance(rgb)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def surprisal_colours(values: np.ndarray, top: float) -> list[tuple[int, int, int]]:
    """Viridis reversed over ``[0, top]`` (0: yellow, unsurprising; ``top``: dark purple), as 0-255 channels."""
    fractions = 1.0 - np.clip(np.asarray(values, dtype=float) / top, 0.0, 1.0)
    return [tuple(round(v) for v in unlabel_rgb(c)) for c in sample_colorscale("Viridis", list(fractions))]


def surprisal_grid(drawn: Drawn, labels: dict[str, str], alt: str) -> bytes:
    """The drawn characters, each on the colour of its surprisal (:func:`surprisal_colours`; an infinite one at
    the top of the scale) in the ink of more contrast, the colour scale above; each character's title gives it,
    its probability and its surprisal. ``labels``: ``colorbar`` (the scale's title), ``cell`` (a template with
    ``{c}``, ``{q}``, ``{s}``) and the symbols' names; ``alt`` labels the group for a screen reader. As JSON for
    :func:`xentcore.app.ui.text_grid.text_grid`, which sets it all as text: nothing in it is HTML.

    Text, not a chart: it wraps at any width, and it is drawn in a few milliseconds, where a plotly heatmap
    with a text in each cell took 50 ms (17 ms without the texts) in headless Chromium here.
    """
    s = drawn.surprisal
    finite = s[np.isfinite(s)]
    top = max(float(finite.max()) if finite.size else 1.0, 1e-9)
    colours = surprisal_colours(np.minimum(s, top), top)
    cells = []
    for c, q, value, rgb in zip(drawn.chars, drawn.probability, s, colours, strict=True):
        shown = symbol_text(c, labels)
        title = labels["cell"].format(c=shown, q=fmt(float(q)), s=fmt(float(value)))
        cells.append(["\u00a0" if c == " " else shown, f"rgb{rgb}", ink_on(rgb), title])
    scale = {
        "title": labels["colorbar"],
        "stops": [f"rgb{rgb}" for rgb in surprisal_colours(np.linspace(0.0, top, 11), top)],
        "lo": fmt(0.0, 0),
        "hi": fmt(top),
    }
    groups = [{"word": word, "cells": [cells[i] for i in run]} for word, run in _words(drawn.chars)]
    return json.dumps({"alt": alt, "scale": scale, "groups": groups}, ensure_ascii=False).encode()


WORD = 16  # the longest run of characters kept on one line; a longer one (Chinese has no spaces) wraps anywhere


def _words(chars: tuple[str, ...] | list[str]) -> list[tuple[bool, list[int]]]:
    """The characters' indices grouped by word (a run up to a space, the space with it), each with whether it is
    kept on one line (a line breaks between words; a run longer than ``WORD`` anywhere)."""
    out, run = [], []
    for i, c in enumerate(chars):
        run.append(i)
        if c.isspace():
            out.append((len(run) <= WORD, run))
            run = []
    if run:
        out.append((len(run) <= WORD, run))
    return out


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
