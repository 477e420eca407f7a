"""Figures of the Distributions page: P and Q side by side, the per-class split of cross-entropy into
entropy and KL, code lengths (after Colah's "Visual Information Theory"), the three-class simplex, and
forward against reverse KL fits.

Every builder takes numbers, already-translated labels and the class names as the user typed them (escaped
here, with :func:`~xentcore.app.format.plotly_escape`, so plotly shows them literally), and returns one
``go.Figure`` built from a plain dict. Infinite values (``q_i = 0 < p_i``) are drawn as capped bars labelled
``∞``, never dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from xentcore.app.figures import OUTLINE, PALETTE, base_layout, room
from xentcore.app.format import plotly_escape

INFINITY = "∞"
LABELLED_CLASSES = 6  # above this many classes, numbers on every bar would overlap
NAMED_WIDTH = 0.07  # a code-length bar narrower than this has no room for its class name
Labels = Mapping[str, str]


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def _cap(values: np.ndarray, floor: float = 1.0) -> tuple[np.ndarray, float]:
    """Replace infinities by a height 40 % above the largest finite value (at least ``floor``)."""
    finite = values[np.isfinite(values)]
    cap = max(float(finite.max()) if finite.size else 0.0, floor) * 1.4
    return np.where(np.isfinite(values), values, cap), cap


def _hover(fmt: str) -> str:
    return fmt + "<extra></extra>"


def _names(names: Sequence[str]) -> list[str]:
    return [plotly_escape(n) for n in names]


def distribution_bars(names: Sequence[str], p: Sequence[float], q: Sequence[float], labels: Labels) -> go.Figure:
    """P and Q as grouped bars, one pair per class. ``labels``: ``p``, ``q``, ``y``."""
    top = min(1.0, max(max(p), max(q)) * 1.15 + 0.02)
    data = [
        {
            "type": "bar",
            "name": labels[key],
            "x": _names(names),
            "y": _f32(v),
            "marker": {"color": PALETTE[key]},
            "text": [f"{x:.2f}" for x in v] if len(v) <= LABELLED_CLASSES else None,
            "textposition": "outside",
            "cliponaxis": False,
            "hovertemplate": _hover(f"%{{x}}<br>{labels[key]}: %{{y:.4f}}"),
        }
        for key, v in (("p", p), ("q", q))
    ]
    layout = {
        "barmode": "group",
        "bargap": 0.25,
        "yaxis": {"range": [0, top], "title": {"text": labels["y"]}, "fixedrange": True},
        "xaxis": {"fixedrange": True},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=320, margin=room(76, 40))


def contribution_bars(
    names: Sequence[str],
    h: Sequence[float],
    kl: Sequence[float],
    totals: tuple[float, float],
    labels: Labels,
) -> go.Figure:
    """Each class's cross-entropy term ``−p_i log q_i`` split into ``−p_i log p_i`` (entropy part) and
    ``p_i log(p_i / q_i)`` (KL part), and a last column stacking ``H(P)`` and ``KL(P‖Q)`` into ``H(P, Q)``.

    A class's KL part is negative when ``q_i > p_i`` (the model over-predicts it): its bar then stops
    below the entropy part, and the difference is drawn hatched. Only the sum of the KL parts must be
    >= 0. ``totals = (H(P), KL(P‖Q))``. ``labels``: ``h``, ``kl``, ``kl_neg``, ``total``, ``y``, ``unit``.
    """
    h = np.append(np.asarray(h, dtype=float), totals[0])
    kl = np.append(np.asarray(kl, dtype=float), totals[1])
    x = [*_names(names), labels["total"]]
    ce = h + kl
    ce_shown, _ = _cap(ce)
    pos = np.isinf(kl) | (kl > 0)
    low = np.minimum(h, ce_shown)
    unit = labels["unit"]
    custom = np.stack([h, kl, ce], axis=-1)
    hover = _hover(
        f"%{{x}}<br>{labels['h']}: %{{customdata[0]:.4f}} {unit}<br>{labels['kl']}: %{{customdata[1]:.4f}} {unit}"
    )
    data = [
        {
            "type": "bar",
            "name": labels["h"],
            "x": x,
            "y": _f32(low),
            "marker": {"color": PALETTE["entropy"], "line": {"color": OUTLINE, "width": 1}},
            "customdata": custom,
            "hovertemplate": hover,
        },
        {
            "type": "bar",
            "name": labels["kl"],
            "x": x,
            "y": _f32(np.where(pos, ce_shown - h, 0)),
            "base": _f32(h),
            "marker": {"color": PALETTE["kl"], "line": {"color": OUTLINE, "width": 1}},
            "customdata": custom,
            "hovertemplate": hover,
        },
        {
            "type": "bar",
            "name": labels["kl_neg"],
            "x": x,
            "y": _f32(np.where(pos, 0, h - ce_shown)),
            "base": _f32(ce_shown),
            "marker": {
                "color": "rgba(0,0,0,0)",
                "line": {"color": OUTLINE, "width": 1},
                "pattern": {"shape": "/", "fgcolor": PALETTE["neutral"], "size": 6},
            },
            "customdata": custom,
            "hovertemplate": hover,
        },
        {
            "type": "scatter",
            "mode": "text",
            "x": x,
            "y": _f32(np.maximum(ce_shown, h)),
            "text": [
                INFINITY if np.isinf(c) else (f"{c:.3f}" if len(ce) <= LABELLED_CLASSES or i == len(ce) - 1 else "")
                for i, c in enumerate(ce)
            ],
            "textposition": "top center",
            "showlegend": False,
            "hoverinfo": "skip",
            "cliponaxis": False,
        },
    ]
    top = float(np.max(np.maximum(ce_shown, h))) * 1.18 + 1e-9
    layout = {
        "barmode": "overlay",
        "bargap": 0.3,
        "yaxis": {"range": [0, top], "title": {"text": labels["y"]}, "fixedrange": True},
        "xaxis": {"fixedrange": True},
        "shapes": [
            {
                "type": "line",
                "xref": "x",
                "yref": "paper",
                "x0": len(names) - 0.5,
                "x1": len(names) - 0.5,
                "y0": 0,
                "y1": 1,
                "line": {"color": PALETTE["neutral"], "dash": "dot", "width": 1},
            }
        ],
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=320, margin=room(76, 40))


def code_lengths(
    names: Sequence[str],
    p: Sequence[float],
    length_q: Sequence[float],
    length_p: Sequence[float],
    labels: Labels,
) -> go.Figure:
    """Colah-style code lengths: class ``i`` is a bar of width ``p_i`` and height ``−log q_i`` (the length
    of its codeword in a code built for Q), so its area is its term of ``H(P, Q)`` and the total shaded
    area is ``H(P, Q)``. A dashed outline at height ``−log p_i`` shows the best code, whose area is
    ``H(P)``. ``labels``: ``q_code``, ``p_code``, ``x``, ``y``, ``unit``."""
    p = np.asarray(p, dtype=float)
    lq, _ = _cap(np.asarray(length_q, dtype=float))
    lp = np.where(p > 0, np.asarray(length_p, dtype=float), 0.0)
    left = np.concatenate([[0.0], np.cumsum(p)[:-1]])
    centre = left + p / 2
    unit = labels["unit"]
    raw_q = np.asarray(length_q, dtype=float)
    area = np.multiply(p, raw_q, out=np.zeros_like(p), where=p > 0)  # 0 · ∞ = 0: a class P never sees costs nothing
    text = [
        (f"{n}<br>{INFINITY}" if np.isinf(v) else n) if w > NAMED_WIDTH else (INFINITY if np.isinf(v) else "")
        for n, v, w in zip(_names(names), raw_q, p, strict=True)
    ]
    custom = np.stack([p, raw_q, area], axis=-1)
    data = [
        {
            "type": "bar",
            "name": labels["q_code"],
            "x": _f32(centre),
            "y": _f32(lq),
            "width": _f32(p),
            "marker": {"color": PALETTE["q"], "opacity": 0.75, "line": {"color": "white", "width": 1.5}},
            "text": text,
            "textposition": "inside",
            "insidetextanchor": "middle",
            "textangle": 0,
            "customdata": custom,
            "hovertext": _names(names),
            "hovertemplate": _hover(
                f"%{{hovertext}}<br>p = %{{customdata[0]:.4f}}<br>−log q = %{{customdata[1]:.4f}} {unit}"
                f"<br>p · (−log q) = %{{customdata[2]:.4f}} {unit}"
            ),
        },
        {
            "type": "bar",
            "name": labels["p_code"],
            "x": _f32(centre),
            "y": _f32(lp),
            "width": _f32(p),
            "marker": {"color": "rgba(0,0,0,0)", "line": {"color": PALETTE["p"], "width": 2.5}},
            "hoverinfo": "skip",
        },
    ]
    top = max(float(lq.max()), float(lp.max())) * 1.1 + 1e-9
    layout = {
        "barmode": "overlay",
        "xaxis": {"range": [0, 1], "title": {"text": labels["x"]}, "fixedrange": True},
        "yaxis": {"range": [0, top], "title": {"text": labels["y"]}, "fixedrange": True},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=340, margin=room(76, 70))


def simplex(
    x: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    corners: np.ndarray,
    corner_names: Sequence[str],
    p_xy: np.ndarray,
    q_xy: np.ndarray,
    labels: Labels,
) -> go.Figure:
    """The three-class simplex coloured by a measure of Q (``z``, NaN outside), with the triangle, the
    corner classes, and markers at P (where the measure is smallest, darkest) and Q. The colour scale stops at the
    85th percentile so the basin around P stays readable. ``labels``: ``p``, ``q``, ``colour``."""
    zmin = float(np.nanmin(z))
    zmax = float(np.nanpercentile(z, 85))
    outline = np.vstack([corners, corners[:1]])
    offsets = np.array([[0.0, -0.05], [0.0, -0.05], [0.0, 0.05]])  # below the base corners, above the apex
    data = [
        {
            "type": "heatmap",
            "x": _f32(x),
            "y": _f32(y),
            "z": _f32(z),
            "zmin": zmin,
            "zmax": zmax,
            "colorscale": "Viridis",
            "colorbar": {"title": {"text": labels["colour"], "side": "right"}, "thickness": 12},
            "hovertemplate": _hover(f"{labels['colour']}: %{{z:.4f}}"),
        },
        {
            "type": "scatter",
            "mode": "lines",
            "x": _f32(outline[:, 0]),
            "y": _f32(outline[:, 1]),
            "line": {"color": OUTLINE, "width": 1.5},
            "showlegend": False,
            "hoverinfo": "skip",
        },
        {
            "type": "scatter",
            "mode": "text",
            "x": _f32(corners[:, 0] + offsets[:, 0]),
            "y": _f32(corners[:, 1] + offsets[:, 1]),
            "text": _names(corner_names),
            # the base labels grow inward from their corner: a long name stays inside the plot on a phone
            "textposition": ["middle right", "middle left", "middle center"],
            "showlegend": False,
            "hoverinfo": "skip",
        },
    ]
    for key, xy, symbol in (("p", p_xy, "star"), ("q", q_xy, "circle")):
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "name": labels[key],
                "x": [float(xy[0])],
                "y": [float(xy[1])],
                "marker": {"color": PALETTE[key], "size": 16, "symbol": symbol, "line": {"color": "white", "width": 2}},
                "hovertemplate": _hover(labels[key]),
            }
        )
    axis = {"visible": False, "fixedrange": True}
    layout = {
        "xaxis": {**axis, "range": [-0.1, 1.1]},
        "yaxis": {**axis, "range": [-0.1, 0.95], "scaleanchor": "x"},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=380)


def kl_fits(x: np.ndarray, p: np.ndarray, q_forward: np.ndarray, q_reverse: np.ndarray, labels: Labels) -> go.Figure:
    """A two-peaked P (bars) with the bell curve that minimises ``KL(P‖Q)`` and the one that minimises
    ``KL(Q‖P)``. ``labels``: ``p``, ``forward``, ``reverse``, ``x``, ``y``."""
    step = float(x[1] - x[0])
    data = [
        {
            "type": "bar",
            "name": labels["p"],
            "x": _f32(x),
            "y": _f32(p),
            "width": step,
            "marker": {"color": PALETTE["p"], "opacity": 0.45},
            "hovertemplate": _hover("x = %{x:.2f}<br>p = %{y:.4f}"),
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": labels["forward"],
            "x": _f32(x),
            "y": _f32(q_forward),
            "line": {"color": PALETTE["ce"], "width": 3},
            "hovertemplate": _hover("x = %{x:.2f}<br>q = %{y:.4f}"),
        },
        {
            "type": "scatter",
            "mode": "lines",
            "name": labels["reverse"],
            "x": _f32(x),
            "y": _f32(q_reverse),
            "line": {"color": PALETTE["softmax"], "width": 3, "dash": "dash"},
            "hovertemplate": _hover("x = %{x:.2f}<br>q = %{y:.4f}"),
        },
    ]
    top = float(max(p.max(), q_forward.max(), q_reverse.max())) * 1.1
    layout = {
        "bargap": 0,
        "xaxis": {"range": [float(x[0]), float(x[-1])], "title": {"text": labels["x"]}, "fixedrange": True},
        "yaxis": {"range": [0, top], "title": {"text": labels["y"]}, "fixedrange": True},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=340, margin=room(82, 70))
