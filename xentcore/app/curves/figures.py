"""Figures of the loss-curves page: binary losses and gradients, the multi-class probe, the temperature sweep.

Built as one plain dict and turned into a figure with a single ``go.Figure(dict)`` call: the binary figure is
redrawn on every move of the probe, and ``make_subplots`` with per-trace ``add_trace`` costs ten times more.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
import plotly.graph_objects as go

from xentcore.app.curves.model import BinaryModel, MulticlassModel
from xentcore.app.figures import OUTLINE, PALETTE, axis_suffix, band, base_layout, f32, panels, room, titled
from xentcore.probes import BinaryCurves, MulticlassProbe

WRONG_FILL = "rgba(213,94,0,0.12)"  # a light vermillion band: the confidently wrong region
WRONG_TEXT = "#D55E00"


def _vline(i: int, x: float) -> dict:
    s = axis_suffix(i)
    return {
        "type": "line",
        "xref": f"x{s}",
        "yref": f"y{s} domain",
        "x0": x,
        "x1": x,
        "y0": 0,
        "y1": 1,
        "line": {"color": PALETTE["neutral"], "width": 1, "dash": "dot"},
    }


def _line(i: int, x, y, name: str, colour: str, *, show: bool, dash: str | None = None) -> dict:
    s = axis_suffix(i)
    return {
        "type": "scatter",
        "x": f32(x),
        "y": f32(y),
        "xaxis": f"x{s}",
        "yaxis": f"y{s}",
        "name": name,
        "legendgroup": name,
        "showlegend": show,
        "mode": "lines",
        "line": {"color": colour, "width": 2.5, "dash": dash},
        "hovertemplate": "%{x:.4g}, %{y:.4g}<extra>" + name + "</extra>",
    }


def binary_figure(model: BinaryModel, labels: Mapping[str, str], *, log: bool = False, height: int = 560) -> go.Figure:
    """Two columns (against ŷ, against z) by two rows (loss, gradient), cross-entropy and MSE in each,
    the confidently wrong region shaded and the probe marked.

    ``labels`` needs: ``ce``, ``mse``, ``loss_p``, ``loss_z``, ``grad_p``, ``grad_z`` (panel titles),
    ``p``, ``z`` (axis titles), ``loss``, ``grad`` (y-axis titles), ``wrong`` (the band), ``probe``.
    With ``log`` the y axes are logarithmic and the gradient panels show magnitudes ``|∂L|``.
    """
    curves, probe = model.curves, model.probe
    layout = panels(2, 2, (labels["loss_p"], labels["loss_z"], labels["grad_p"], labels["grad_z"]))
    grad = np.abs if log else np.asarray
    g = abs if log else float
    panel_data = (
        (curves.p, curves.ce_p, curves.mse_p, probe.y_hat, probe.ce, probe.mse),
        (curves.z, curves.ce_z, curves.mse_z, probe.z, probe.ce, probe.mse),
        (curves.p, grad(curves.dce_dp), grad(curves.dmse_dp), probe.y_hat, g(probe.dce_dp), g(probe.dmse_dp)),
        (curves.z, grad(curves.dce_dz), grad(curves.dmse_dz), probe.z, g(probe.dce_dz), g(probe.dmse_dz)),
    )
    (p_lo, p_hi), (z_lo, z_hi) = model.wrong
    z_lim = float(curves.z[-1])
    z_band = (max(z_lo, -z_lim), min(z_hi, z_lim))
    data: list[dict] = []
    shapes: list[dict] = []
    for i, (x, ce, mse, px, pce, pmse) in enumerate(panel_data, start=1):
        s = axis_suffix(i)
        data.append(_line(i, x, ce, labels["ce"], PALETTE["ce"], show=i == 1))
        data.append(_line(i, x, mse, labels["mse"], PALETTE["mse"], show=i == 1, dash="dash"))
        data.append(
            {
                "type": "scatter",
                "x": [px, px],
                "y": [pce, pmse],
                "xaxis": f"x{s}",
                "yaxis": f"y{s}",
                "mode": "markers",
                "marker": {
                    "color": [PALETTE["ce"], PALETTE["mse"]],
                    "size": 11,
                    "line": {"color": OUTLINE, "width": 1},
                },
                "name": labels["probe"],
                "legendgroup": "probe",
                "showlegend": i == 1,
                "hovertemplate": "%{x:.4g}, %{y:.4g}<extra>" + labels["probe"] + "</extra>",
            }
        )
        lo, hi = (p_lo, p_hi) if i % 2 else z_band
        shapes += [band(i, lo, hi, WRONG_FILL), _vline(i, px)]
    layout["shapes"] = shapes
    layout["annotations"].append(
        {
            "text": labels["wrong"],
            "x": sum(z_band) / 2,
            "y": 1.0,
            "xref": "x2",
            "yref": "y2 domain",
            "yanchor": "top",
            "showarrow": False,
            "font": {"color": WRONG_TEXT},
        }
    )
    _binary_axes(layout, curves, labels, log)
    return titled(base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(80, 70, 24)))


def _binary_axes(layout: dict, curves: BinaryCurves, labels: Mapping[str, str], log: bool) -> None:
    for i in (1, 3):
        layout[f"xaxis{axis_suffix(i)}"]["range"] = [0.0, 1.0]
    for i in (2, 4):
        layout[f"xaxis{axis_suffix(i)}"]["range"] = [float(curves.z[0]), float(curves.z[-1])]
    layout["xaxis3"]["title"] = {"text": labels["p"]}
    layout["xaxis4"]["title"] = {"text": labels["z"]}
    layout["yaxis"]["title"] = {"text": labels["loss"]}
    layout["yaxis3"]["title"] = {"text": labels["grad"]}
    if log:
        # log10 ranges: losses 1e-5 .. 20, |∂/∂ŷ| up to 1000, |∂/∂z| up to 3
        ranges = {"": [-5, 1.3], "2": [-5, 1.3], "3": [-5, 3], "4": [-5, 0.5]}
        for s, r in ranges.items():
            layout[f"yaxis{s}"].update(type="log", exponentformat="power", range=r)
        return
    # ∂CE/∂ŷ = -1/ŷ (y = 1) or 1/(1 - ŷ) (y = 0) runs to ±20 000 at the ends: show the part that reads
    layout["yaxis3"]["range"] = [-10.5, 2.5] if curves.y == 1 else [-2.5, 10.5]
    layout["yaxis4"]["range"] = [-1.1, 0.1] if curves.y == 1 else [-0.1, 1.1]


def _bars(i: int, x, y, name: str, colour: str) -> dict:
    s = axis_suffix(i)
    return {
        "type": "bar",
        "x": list(x),
        "y": f32(y),
        "xaxis": f"x{s}",
        "yaxis": f"y{s}",
        "name": name,
        "marker": {"color": colour, "line": {"color": OUTLINE, "width": 0.5}},
        "hovertemplate": "%{x}: %{y:.4g}<extra>" + name + "</extra>",
    }


def _fd_marks(i: int, x, y, name: str, show: bool) -> dict:
    s = axis_suffix(i)
    return {
        "type": "scatter",
        "x": list(x),
        "y": f32(y),
        "xaxis": f"x{s}",
        "yaxis": f"y{s}",
        "mode": "markers",
        "name": name,
        "legendgroup": "fd",
        "showlegend": show,
        "marker": {"symbol": "x-thin", "size": 14, "line": {"color": "#000000", "width": 2}},
        "hovertemplate": "%{x}: %{y:.4g}<extra>" + name + "</extra>",
    }


def multiclass_figure(
    probe: MulticlassProbe, classes: Sequence[str], labels: Mapping[str, str], *, height: int = 340
) -> go.Figure:
    """Three panels: predicted ``ŷ`` beside the target ``ỹ``; ``∂L/∂z = ŷ - ỹ``; ``∂L/∂ŷ = -ỹ/ŷ``; each
    gradient bar with its finite-difference estimate as a cross on top.

    ``labels`` needs: ``probs``, ``grad_z``, ``grad_p`` (panel titles), ``y_hat``, ``target``,
    ``grad_z_bar``, ``grad_p_bar``, ``fd``.
    """
    layout = panels(1, 3, (labels["probs"], labels["grad_z"], labels["grad_p"]), hspace=0.1)
    x = list(classes)
    data = [
        _bars(1, x, probe.y_hat, labels["y_hat"], PALETTE["q"]),
        _bars(1, x, probe.target, labels["target"], PALETTE["p"]),
        _bars(2, x, probe.grad_z, labels["grad_z_bar"], PALETTE["ce"]),
        _fd_marks(2, x, probe.grad_z_fd, labels["fd"], True),
        _bars(3, x, probe.grad_p, labels["grad_p_bar"], PALETTE["softmax"]),
        _fd_marks(3, x, probe.grad_p_fd, labels["fd"], False),
    ]
    layout["yaxis"]["range"] = [0.0, 1.05]
    lo = float(min(probe.grad_p.min(), probe.grad_p_fd.min()))
    if lo < -50:  # -ỹ/ŷ explodes as ŷ → 0: cut the axis (the table has the number) rather than squash the rest
        layout["yaxis3"]["range"] = [-50.0, 1.0]
    layout["barmode"] = "group"
    return titled(
        base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(44, 40)), legend_y=1.14
    )


def temperature_figure(model: MulticlassModel, labels: Mapping[str, str], *, height: int = 300) -> go.Figure:
    """Cross-entropy against the temperature T (log axis), the current T marked, with the floor ``H(ỹ)``
    and the uniform-output level ``ln K`` as horizontal lines.

    ``labels`` needs: ``ce``, ``t``, ``loss``, ``min``, ``uniform``, ``current``.
    """
    t = np.asarray(model.temperatures, dtype=float)
    ce = model.sweep
    current = (model.probe.temperature, model.probe.ce)
    min_ce, uniform_ce = model.probe.min_ce, model.probe.uniform_ce
    data = [
        _line(1, t, ce, labels["ce"], PALETTE["ce"], show=True),
        {
            "type": "scatter",
            "x": [current[0]],
            "y": [current[1]],
            "mode": "markers",
            "name": labels["current"],
            "marker": {"color": PALETTE["ce"], "size": 12, "line": {"color": OUTLINE, "width": 1}},
        },
    ]
    shapes, notes = [], []
    # the floor labelled at the left, ln K at the right: the two lines can be close together
    for value, name, colour, side in (
        (min_ce, labels["min"], PALETTE["entropy"], "left"),
        (uniform_ce, labels["uniform"], PALETTE["neutral"], "right"),
    ):
        shapes.append(
            {
                "type": "line",
                "xref": "x domain",
                "yref": "y",
                "x0": 0,
                "x1": 1,
                "y0": value,
                "y1": value,
                "line": {"color": colour, "dash": "dash", "width": 1.5},
            }
        )
        notes.append(
            {
                "text": name,
                "xref": "x domain",
                "yref": "y",
                "x": 0.0 if side == "left" else 1.0,
                "y": value,
                "xanchor": side,
                "yanchor": "bottom",
                "showarrow": False,
            }
        )
    top = max(float(np.max(ce)), uniform_ce) * 1.1 + 0.05
    ticks = [v for v in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100) if t[0] <= v <= t[-1]]
    layout = {
        "shapes": shapes,
        "annotations": notes,
        "xaxis": {
            "type": "log",
            "title": {"text": labels["t"]},
            "range": [math.log10(t[0]), math.log10(t[-1])],
            "tickvals": ticks,
        },
        "yaxis": {"title": {"text": labels["loss"]}, "range": [0.0, top]},
    }
    return base_layout(go.Figure({"data": data, "layout": layout}), height=height, margin=room(76, 70, 24))
