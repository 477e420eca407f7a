"""Figures of the "tutorial, checked" page: small, one idea each. Numbers and translated labels in."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from xentcore.plots import PALETTE, base_layout

HEIGHT = 300


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def line_through_p(
    t: np.ndarray, ce: np.ndarray, kl: np.ndarray, h: float, *, ce_name: str, kl_name: str, h_name: str, x_title: str
) -> go.Figure:
    """Cross-entropy and KL along a line of Q's through P (``t = 0``), with ``H(P)`` as a dashed floor."""
    t = np.asarray(t, dtype=float)
    top = float(max(np.max(ce), h) * 1.1 + 0.05)
    fig = go.Figure()
    fig.add_scatter(x=_f32(t), y=_f32(ce), name=ce_name, mode="lines", line={"color": PALETTE["ce"], "width": 3})
    fig.add_scatter(x=_f32(t), y=_f32(kl), name=kl_name, mode="lines", line={"color": PALETTE["q"], "width": 2})
    fig.add_hline(
        y=h,
        line={"color": PALETTE["entropy"], "dash": "dash"},
        annotation_text=h_name,
        annotation_position="bottom left",
    )
    fig.add_vline(x=0.0, line={"color": PALETTE["p"], "dash": "dot"}, annotation_text="Q = P")
    fig.update_xaxes(title=x_title, range=[float(t[0]), float(t[-1])])
    fig.update_yaxes(range=[-0.05 * top, top])
    return base_layout(fig, height=HEIGHT)


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
    fig = go.Figure()
    fig.add_scatter(x=_f32(y_hat), y=_f32(loss), name=loss_name, mode="lines", line={"color": PALETTE["ce"]})
    fig.add_scatter(
        x=_f32(xs), y=_f32(y0 + slope * (xs - x0)), name=tangent_name, mode="lines", line={"color": PALETTE["q"]}
    )
    fig.add_scatter(x=[x0], y=[y0], mode="markers", marker={"color": PALETTE["q"], "size": 10}, showlegend=False)
    fig.update_xaxes(title=x_title, range=[0.0, 1.0])
    fig.update_yaxes(range=[-0.2, top])
    return base_layout(fig, height=HEIGHT)


def logit_gradients(
    z: np.ndarray, ce: np.ndarray, mse: np.ndarray, *, ce_name: str, mse_name: str, x_title: str, y_title: str
) -> go.Figure:
    """``|∂L/∂z|`` of one sigmoid output under cross-entropy and under MSE, against the logit."""
    z = np.asarray(z, dtype=float)
    fig = go.Figure()
    fig.add_scatter(x=_f32(z), y=_f32(np.abs(ce)), name=ce_name, mode="lines", line={"color": PALETTE["ce"]})
    fig.add_scatter(x=_f32(z), y=_f32(np.abs(mse)), name=mse_name, mode="lines", line={"color": PALETTE["mse"]})
    fig.update_xaxes(title=x_title, range=[float(z[0]), float(z[-1])])
    fig.update_yaxes(title=y_title, range=[0.0, 1.05])
    return base_layout(fig, height=HEIGHT)


def accuracy_curves(
    epochs: np.ndarray, series: Sequence[tuple[str, np.ndarray, str]], *, x_title: str, y_title: str
) -> go.Figure:
    """Accuracy per epoch of several runs; ``series`` holds ``(name, values, palette key)``."""
    epochs = np.asarray(epochs)
    fig = go.Figure()
    for name, values, colour in series:
        fig.add_scatter(x=_f32(epochs), y=_f32(values), name=name, mode="lines", line={"color": PALETTE[colour]})
    fig.update_xaxes(title=x_title, range=[float(epochs[0]), float(epochs[-1])])
    lowest = min((float(np.nanmin(values)) for _, values, _ in series), default=0.0)
    fig.update_yaxes(title=y_title, range=[min(0.5, lowest) - 0.02, 1.01], tickformat=".0%")
    return base_layout(fig, height=HEIGHT)
