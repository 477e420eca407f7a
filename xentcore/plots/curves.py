"""Figures of the loss-curves page: binary losses and gradients, the multi-class probe, the temperature sweep."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from xentcore.curves import BinaryCurves, BinaryProbe, MulticlassProbe
from xentcore.plots import OUTLINE, PALETTE, base_layout

WRONG_FILL = "rgba(213,94,0,0.12)"  # a light vermillion band: the confidently wrong region


def _f32(x) -> np.ndarray:
    return np.asarray(x, dtype=np.float32)


def _line(x, y, name: str, colour: str, *, show: bool, dash: str | None = None) -> go.Scatter:
    return go.Scatter(
        x=_f32(x),
        y=_f32(y),
        name=name,
        legendgroup=name,
        showlegend=show,
        mode="lines",
        line={"color": colour, "width": 2.5, "dash": dash},
        hovertemplate="%{x:.4g}, %{y:.4g}<extra>" + name + "</extra>",
    )


def binary_figure(
    curves: BinaryCurves,
    probe: BinaryProbe,
    wrong: tuple[tuple[float, float], tuple[float, float]],
    labels: Mapping[str, str],
    *,
    log: bool = False,
    height: int = 560,
) -> go.Figure:
    """Two columns (against ŷ, against z) by two rows (loss, gradient), cross-entropy and MSE in each,
    the confidently wrong region shaded and the probe marked.

    ``labels`` needs: ``ce``, ``mse``, ``loss_p``, ``loss_z``, ``grad_p``, ``grad_z`` (panel titles),
    ``p``, ``z`` (axis titles), ``loss``, ``grad`` (y-axis titles), ``wrong`` (the band), ``probe``.
    With ``log`` the y axes are logarithmic and the gradient panels show magnitudes ``|∂L|``.
    """
    fig = make_subplots(
        rows=2,
        cols=2,
        shared_xaxes=True,
        vertical_spacing=0.1,
        horizontal_spacing=0.08,
        subplot_titles=(labels["loss_p"], labels["loss_z"], labels["grad_p"], labels["grad_z"]),
    )
    grad = np.abs if log else np.asarray
    panels = (
        (1, 1, curves.p, curves.ce_p, curves.mse_p, probe.y_hat, probe.ce, probe.mse),
        (1, 2, curves.z, curves.ce_z, curves.mse_z, probe.z, probe.ce, probe.mse),
        (2, 1, curves.p, grad(curves.dce_dp), grad(curves.dmse_dp), probe.y_hat, probe.dce_dp, probe.dmse_dp),
        (2, 2, curves.z, grad(curves.dce_dz), grad(curves.dmse_dz), probe.z, probe.dce_dz, probe.dmse_dz),
    )
    for row, col, x, ce, mse, px, pce, pmse in panels:
        first = row == 1 and col == 1
        fig.add_trace(_line(x, ce, labels["ce"], PALETTE["ce"], show=first), row=row, col=col)
        fig.add_trace(_line(x, mse, labels["mse"], PALETTE["mse"], show=first, dash="dash"), row=row, col=col)
        if row == 2:
            pce, pmse = (abs(pce), abs(pmse)) if log else (pce, pmse)
        fig.add_trace(
            go.Scatter(
                x=[px, px],
                y=[pce, pmse],
                mode="markers",
                marker={"color": [PALETTE["ce"], PALETTE["mse"]], "size": 11, "line": {"color": OUTLINE, "width": 1}},
                name=labels["probe"],
                legendgroup="probe",
                showlegend=first,
                hovertemplate="%{x:.4g}, %{y:.4g}<extra>" + labels["probe"] + "</extra>",
            ),
            row=row,
            col=col,
        )
        fig.add_vline(x=px, line={"color": PALETTE["neutral"], "width": 1, "dash": "dot"}, row=row, col=col)
    (p_lo, p_hi), (z_lo, z_hi) = wrong
    z_lim = float(curves.z[-1])
    for col, (lo, hi) in ((1, (p_lo, p_hi)), (2, (max(z_lo, -z_lim), min(z_hi, z_lim)))):
        for row in (1, 2):
            fig.add_vrect(x0=lo, x1=hi, fillcolor=WRONG_FILL, line_width=0, layer="below", row=row, col=col)
    fig.add_annotation(
        x=(max(z_lo, -z_lim) + min(z_hi, z_lim)) / 2,
        y=1.0,
        yref="y2 domain",
        xref="x2",
        text=labels["wrong"],
        showarrow=False,
        yanchor="top",
        font={"color": "#D55E00"},
    )
    _binary_axes(fig, curves, labels, log)
    return _titled(base_layout(fig, height=height))


def _titled(fig: go.Figure, legend_y: float = 1.08) -> go.Figure:
    """Room above the subplot titles for the legend."""
    fig.update_layout(margin={"t": 60}, legend={"y": legend_y})
    return fig


def _binary_axes(fig: go.Figure, curves: BinaryCurves, labels: Mapping[str, str], log: bool) -> None:
    fig.update_xaxes(range=[0.0, 1.0], col=1)
    fig.update_xaxes(range=[float(curves.z[0]), float(curves.z[-1])], col=2)
    fig.update_xaxes(title_text=labels["p"], row=2, col=1)
    fig.update_xaxes(title_text=labels["z"], row=2, col=2)
    fig.update_yaxes(title_text=labels["loss"], row=1, col=1)
    fig.update_yaxes(title_text=labels["grad"], row=2, col=1)
    if log:
        fig.update_yaxes(type="log", exponentformat="power")
        fig.update_yaxes(range=[-5, 1.3], row=1)  # 1e-5 .. 20
        fig.update_yaxes(range=[-5, 3], row=2, col=1)
        fig.update_yaxes(range=[-5, 0.5], row=2, col=2)
        return
    # ∂CE/∂ŷ = -1/ŷ (y = 1) or 1/(1 - ŷ) (y = 0) runs to ±20 000 at the ends: show the part that reads
    fig.update_yaxes(range=[-10.5, 2.5] if curves.y == 1 else [-2.5, 10.5], row=2, col=1)
    fig.update_yaxes(range=[-1.1, 0.1] if curves.y == 1 else [-0.1, 1.1], row=2, col=2)


def _bars(x, y, name: str, colour: str, show: bool) -> go.Bar:
    return go.Bar(
        x=list(x),
        y=_f32(y),
        name=name,
        legendgroup=name,
        showlegend=show,
        marker={"color": colour, "line": {"color": OUTLINE, "width": 0.5}},
        hovertemplate="%{x}: %{y:.4g}<extra>" + name + "</extra>",
    )


def _fd_marks(x, y, name: str, show: bool) -> go.Scatter:
    return go.Scatter(
        x=list(x),
        y=_f32(y),
        mode="markers",
        name=name,
        legendgroup="fd",
        showlegend=show,
        marker={"symbol": "x-thin", "size": 14, "line": {"color": "#000000", "width": 2}},
        hovertemplate="%{x}: %{y:.4g}<extra>" + name + "</extra>",
    )


def multiclass_figure(
    probe: MulticlassProbe, classes: Sequence[str], labels: Mapping[str, str], *, height: int = 340
) -> go.Figure:
    """Three panels: predicted ``ŷ`` beside the target ``ỹ``; ``∂L/∂z = ŷ - ỹ``; ``∂L/∂ŷ = -ỹ/ŷ``; each
    gradient bar with its finite-difference estimate as a cross on top.

    ``labels`` needs: ``probs``, ``grad_z``, ``grad_p`` (panel titles), ``y_hat``, ``target``,
    ``grad_z_bar``, ``grad_p_bar``, ``fd``.
    """
    fig = make_subplots(
        rows=1,
        cols=3,
        horizontal_spacing=0.07,
        subplot_titles=(labels["probs"], labels["grad_z"], labels["grad_p"]),
    )
    x = list(classes)
    fig.add_trace(_bars(x, probe.y_hat, labels["y_hat"], PALETTE["q"], True), row=1, col=1)
    fig.add_trace(_bars(x, probe.target, labels["target"], PALETTE["p"], True), row=1, col=1)
    fig.add_trace(_bars(x, probe.grad_z, labels["grad_z_bar"], PALETTE["ce"], True), row=1, col=2)
    fig.add_trace(_fd_marks(x, probe.grad_z_fd, labels["fd"], True), row=1, col=2)
    fig.add_trace(_bars(x, probe.grad_p, labels["grad_p_bar"], PALETTE["softmax"], True), row=1, col=3)
    fig.add_trace(_fd_marks(x, probe.grad_p_fd, labels["fd"], False), row=1, col=3)
    fig.update_yaxes(range=[0.0, 1.05], row=1, col=1)
    lo = float(min(probe.grad_p.min(), probe.grad_p_fd.min()))
    if lo < -50:  # -ỹ/ŷ explodes as ŷ → 0: a symmetric log axis would mislead, so say it with the range
        fig.update_yaxes(range=[-50.0, 1.0], row=1, col=3)
    fig.update_layout(barmode="group")
    return _titled(base_layout(fig, height=height), legend_y=1.14)


def temperature_figure(
    temperatures,
    ce,
    *,
    current: tuple[float, float],
    min_ce: float,
    uniform_ce: float,
    labels: Mapping[str, str],
    height: int = 300,
) -> go.Figure:
    """Cross-entropy against the temperature T (log axis), the current T marked, with the floor ``H(ỹ)``
    and the uniform-output level ``ln K`` as horizontal lines.

    ``labels`` needs: ``ce``, ``t``, ``loss``, ``min``, ``uniform``, ``current``.
    """
    fig = go.Figure()
    fig.add_trace(_line(temperatures, ce, labels["ce"], PALETTE["ce"], show=True))
    fig.add_trace(
        go.Scatter(
            x=[current[0]],
            y=[current[1]],
            mode="markers",
            name=labels["current"],
            marker={"color": PALETTE["ce"], "size": 12, "line": {"color": OUTLINE, "width": 1}},
        )
    )
    for value, name, colour in (
        (min_ce, labels["min"], PALETTE["entropy"]),
        (uniform_ce, labels["uniform"], PALETTE["neutral"]),
    ):
        fig.add_hline(
            y=value,
            line={"color": colour, "dash": "dash", "width": 1.5},
            annotation_text=name,
            annotation_position="top left",
        )
    top = max(float(np.max(ce)), uniform_ce) * 1.1 + 0.05
    t = np.asarray(temperatures, dtype=float)
    ticks = [v for v in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100) if t[0] <= v <= t[-1]]
    fig.update_xaxes(type="log", title_text=labels["t"], range=[math.log10(t[0]), math.log10(t[-1])], tickvals=ticks)
    fig.update_yaxes(title_text=labels["loss"], range=[0.0, top])
    return base_layout(fig, height=height)
