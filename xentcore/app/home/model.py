"""The home page's model: the surprise of one event and the tutorial's weather example, in the reader's unit."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from xentcore.app.settings import UNIT_BASE
from xentcore.distributions import WEATHER_CLASSES, WEATHER_P, WEATHER_Q, summarize
from xentcore.info import self_information


@dataclass(frozen=True)
class HomeModel:
    p_event: float
    surprise: float  # −log p of the event
    classes: tuple[str, ...]  # the weather classes (keys for their translated names)
    p: tuple[float, ...]  # the true weather
    q: tuple[float, ...]  # the forecaster's model
    h: float  # H(P)
    ce: float  # H(P, Q)
    kl: float  # KL(P‖Q)


def build(state: Mapping[str, Any], unit: str) -> HomeModel:
    base = UNIT_BASE[unit]
    s = summarize(WEATHER_P, WEATHER_Q, base=base)
    return HomeModel(
        p_event=float(state["pe"]),
        surprise=self_information(float(state["pe"]), base=base),
        classes=WEATHER_CLASSES,
        p=WEATHER_P,
        q=WEATHER_Q,
        h=s.h_p,
        ce=s.ce_pq,
        kl=s.kl_pq,
    )
