"""Figures of the "tutorial, checked" page: small, one idea each. Numbers and translated labels in."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from xentcore.app.figures import PALETTE, base_layout, room

HEIGHT = 300


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def _line(x, y, name: str, colour: str, width: float = 2.0) -> dict:
    return {
        "type": "scatter",
        "x": _f32(x),
        "y": _f32(y),
        "name": name,
        "mode": "lines",
        "line": {"color": colour, "width": width},
    }


def _figure(data: list[dict], layout: dict) -> go.Figure:
    """One ``go.Figure`` call from plain dicts: much faster than adding traces and shapes one by one."""
    return go.Figure({"data": data, "layout": layout})


def line_through_p(
    t: np.ndarray, ce: np.ndarray, kl: np.ndarray, h: float, *, ce_name: str, kl_name: str, h_name: str, x_title: str
) -> go.Figure:
    """Cross-entropy and KL along a line of Q's through P (``t = 0``), with ``H(P)`` as a dashed floor."""
    t = np.asarray(t, dtype=float)
    top = float(max(np.max(ce), h) * 1.1 + 0.05)
    layout = {
        "xaxis": {"title": {"text": x_title}, "range": [float(t[0]), float(t[-1])]},
        "yaxis": {"range": [-0.05 * top, top]},
        "shapes": [
            {
                "type": "line",
                "xref": "paper",
                "x0": 0,
                "x1": 1,
                "y0": h,
                "y1": h,
                "line": {"color": PALETTE["entropy"], "dash": "dash"},
            },
            {
                "type": "line",
                "yref": "paper",
                "x0": 0,
                "x1": 0,
                "y0": 0,
                "y1": 1,
                "line": {"color": PALETTE["p"], "dash": "dot"},
            },
        ],
        "annotations": [
            {"xref": "paper", "x": 0, "y": h, "text": h_name, "showarrow": False, "xanchor": "left", "yanchor": "top"},
            {"yref": "paper", "x": 0, "y": 1, "text": "Q = P", "showarrow": False, "xanchor": "left", "yanchor": "top"},
        ],
    }
    fig = _figure([_line(t, ce, ce_name, PALETTE["ce"], 3.0), _line(t, kl, kl_name, PALETTE["q"])], layout)
    return base_layout(fig, height=HEIGHT, margin=room(42, 70))


def loss_with_tangent(
    y_hat: np.ndarray,
    loss: np.ndarray,
    point: tuple[float, float],
    slope: float,
    *,
    loss_name: str,
    tangent_name: str,
    x_title: str,
) -> go.Figure:
    """A loss curve over ``ŷ`` and the tangent at ``point`` with the given ``slope``."""
    x0, y0 = point
    half = 0.15
    xs = np.array([max(x0 - half, 0.0), min(x0 + half, 1.0)])
    top = float(min(np.max(loss), 6.0))
    marker = {
        "type": "scatter",
        "x": [x0],
        "y": [y0],
        "mode": "markers",
        "showlegend": False,
        "marker": {"color": PALETTE["q"], "size": 10},
    }
    data = [
        _line(y_hat, loss, loss_name, PALETTE["ce"]),
        _line(xs, y0 + slope * (xs - x0), tangent_name, PALETTE["q"]),
        marker,
    ]
    layout = {"xaxis": {"title": {"text": x_title}, "range": [0.0, 1.0]}, "yaxis": {"range": [-0.2, top]}}
    return base_layout(_figure(data, layout), height=HEIGHT, margin=room(32, 70))


def logit_gradients(
    z: np.ndarray, ce: np.ndarray, mse: np.ndarray, *, ce_name: str, mse_name: str, x_title: str, y_title: str
) -> go.Figure:
    """``|∂L/∂z|`` of one sigmoid output under cross-entropy and under MSE, against the logit."""
    z = np.asarray(z, dtype=float)
    data = [_line(z, np.abs(ce), ce_name, PALETTE["ce"]), _line(z, np.abs(mse), mse_name, PALETTE["mse"])]
    layout = {
        "xaxis": {"title": {"text": x_title}, "range": [float(z[0]), float(z[-1])]},
        "yaxis": {"title": {"text": y_title}, "range": [0.0, 1.05]},
    }
    return base_layout(_figure(data, layout), height=HEIGHT, margin=room(76, 70))


def accuracy_curves(
    epochs: np.ndarray, series: Sequence[tuple[str, np.ndarray, str]], *, x_title: str, y_title: str
) -> go.Figure:
    """Accuracy per epoch of several runs; ``series`` holds ``(name, values, palette key)``."""
    epochs = np.asarray(epochs)
    lowest = min((float(np.nanmin(values)) for _, values, _ in series), default=0.0)
    data = [_line(epochs, values, name, PALETTE[colour]) for name, values, colour in series]
    layout = {
        "xaxis": {"title": {"text": x_title}, "range": [float(epochs[0]), float(epochs[-1])]},
        "yaxis": {"title": {"text": y_title}, "range": [min(0.5, lowest) - 0.02, 1.01], "tickformat": ".0%"},
    }
    return base_layout(_figure(data, layout), height=HEIGHT, margin=room(90, 70))
