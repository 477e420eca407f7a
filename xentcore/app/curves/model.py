"""The loss-curves page's numbers: ``build(state, unit) -> CurvesModel``.

The page has two independent sections, each a fragment: the binary probe and the multi-class probe. Each
has its own model (:func:`build_binary`, :func:`build_multiclass`), so moving a probe slider recomputes its
own section only; :func:`build` makes both, for tests and for a whole-page view.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from xentcore import losses, probes
from xentcore.app.settings import UNIT_BASE
from xentcore.app.share import State

TEMPERATURES = np.geomspace(0.1, 20.0, 121)  # the sweep's T axis: wider than the slider, to show both ends
WRONG_BELOW = 0.1  # "confidently wrong": the true class gets less than this
RIGHT_ABOVE = 0.9  # "nearly right": the true class gets more than this
# the analytic gradients the page's numbers come from, in the order the page shows them
GRADIENT_SOURCES = (
    losses.grad_binary_cross_entropy,
    losses.grad_binary_cross_entropy_with_logits,
    losses.grad_mse,
    losses.grad_mse_with_logits,
    losses.grad_categorical_cross_entropy,
)

Regime = Literal["wrong", "middle", "right"]


@functools.lru_cache(maxsize=8)
def _binary_curves(y: int, base: float) -> probes.BinaryCurves:
    return probes.binary_curves(y, base=base)


@dataclass(frozen=True)
class BinaryModel:
    """Section 1: both losses of one binary example on a grid and at the probe ``z``.

    ``regime``: ``"wrong"`` when the true class gets less than :data:`WRONG_BELOW` (the shaded region),
    ``"right"`` above :data:`RIGHT_ABOVE`, ``"middle"`` between. ``grad_limit`` is the largest size of
    ``∂CE/∂z`` (``|σ(z) - y| < 1`` nats, so ``1 / ln base`` in the reader's unit)."""

    unit: str
    curves: probes.BinaryCurves
    probe: probes.BinaryProbe
    wrong: tuple[tuple[float, float], tuple[float, float]]
    regime: Regime
    grad_limit: float
    ratio_floor: float  # the least ratio ∂CE/∂z ÷ ∂MSE/∂z over z: ŷ(1 - ŷ) <= 1/4, so 2 nats (2 / ln base)

    @property
    def harder(self) -> Literal["ce", "mse", "same"]:
        """Which loss pushes the logit harder at the probe: the larger ``|∂L/∂z|``."""
        ce, mse = abs(self.probe.dce_dz), abs(self.probe.dmse_dz)
        return "ce" if ce > mse else "mse" if mse > ce else "same"


def build_binary(state: State, unit: str) -> BinaryModel:
    base = UNIT_BASE[unit]
    y, z = int(state["y"]), float(state["z"])
    probe = probes.binary_probe(y, z, base=base)
    if probe.confidently_wrong(WRONG_BELOW):
        regime: Regime = "wrong"
    elif probe.p_true > RIGHT_ABOVE:
        regime = "right"
    else:
        regime = "middle"
    return BinaryModel(
        unit=unit,
        curves=_binary_curves(y, base),
        probe=probe,
        wrong=probes.confidently_wrong(y, WRONG_BELOW),
        regime=regime,
        grad_limit=1.0 / math.log(base),
        ratio_floor=2.0 / math.log(base),
    )


@dataclass(frozen=True)
class MulticlassModel:
    """Section 2: softmax cross-entropy at the logits ``zs`` for a class ``c`` or a soft target ``ty``,
    temperature and smoothing from the state; the loss over :data:`TEMPERATURES` (``sweep``), with its
    lowest point (``sweep_min_t``, ``sweep_min``), and its limits as ``T → 0`` and ``T → ∞``."""

    unit: str
    k: int
    soft: bool
    target: int | tuple[float, ...]
    probe: probes.MulticlassProbe
    temperatures: np.ndarray
    sweep: np.ndarray
    sweep_min_t: float
    sweep_min: float
    limits: probes.TemperatureLimits

    @property
    def smoothing(self) -> float:
        return self.probe.smoothing

    @property
    def cold(self) -> Literal["zero", "level", "inf"]:
        """Where the loss goes as ``T → 0``: to 0, to a level above 0 (tied largest logits holding the whole
        target, or all logits equal), or without bound."""
        if math.isinf(self.limits.cold):
            return "inf"
        return "zero" if self.limits.cold == 0 else "level"


def build_multiclass(state: State, unit: str) -> MulticlassModel:
    base = UNIT_BASE[unit]
    zs = tuple(float(v) for v in state["zs"])
    soft = bool(state["soft"])
    target = tuple(float(v) for v in state["ty"]) if soft else int(state["c"])
    eps, temp = float(state["ls"]), float(state["temp"])
    sweep = probes.temperature_sweep(zs, target, TEMPERATURES, smoothing=eps, base=base)
    i = int(np.argmin(sweep))
    return MulticlassModel(
        unit=unit,
        k=len(zs),
        soft=soft,
        target=target,
        probe=probes.multiclass_probe(zs, target, temperature=temp, smoothing=eps, base=base),
        temperatures=TEMPERATURES,
        sweep=sweep,
        sweep_min_t=float(TEMPERATURES[i]),
        sweep_min=float(sweep[i]),
        limits=probes.temperature_limits(zs, target, smoothing=eps, base=base),
    )


@dataclass(frozen=True)
class CurvesModel:
    binary: BinaryModel
    multiclass: MulticlassModel


def build(state: State, unit: str) -> CurvesModel:
    """Every number the loss-curves page shows, for ``state`` (the page's schema) in ``unit``."""
    return CurvesModel(build_binary(state, unit), build_multiclass(state, unit))
