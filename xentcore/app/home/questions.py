"""Predict, then reveal (``quiz=1``) on the home page and the distributions page: their questions, with the
answer and the why computed from the page's numbers, as keyword arguments for :func:`xentcore.app.ui.predict`."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xentcore.app.format import fmt
from xentcore.app.ui import t as app_t

Say = Callable[..., str]


def compare_ce_with_entropy(h: float, ce: float, kl: float, unit: str, t: Say = app_t) -> dict:
    """Is the forecaster's cross-entropy H(P, Q) above, equal to or below the entropy H(P)?"""
    answer = "above" if ce > h else "equal" if ce == h else "below"
    return {
        "qid": "ce_vs_h",
        "question": t("quiz.home.q"),
        "options": {k: t(f"quiz.home.{k}") for k in ("above", "equal", "below")},
        "answer": answer,
        "why": t("quiz.home.why", h=fmt(h), ce=fmt(ce), kl=fmt(kl), unit=t(f"unit.short.{unit}")),
        "about": (unit,),
    }


def ce_when_q_is_p(p: Sequence[float], h: float, unit: str, t: Say = app_t) -> dict:
    """If Q were made equal to P, would the cross-entropy fall to 0? Only when H(P) = 0 (a one-hot P)."""
    return {
        "qid": "q_equals_p",
        "question": t("quiz.dist.q"),
        "options": {"yes": t("quiz.dist.yes"), "no": t("quiz.dist.no")},
        "answer": "yes" if h == 0 else "no",
        "why": t("quiz.dist.why.zero" if h == 0 else "quiz.dist.why", h=fmt(h), unit=t(f"unit.short.{unit}")),
        "about": (tuple(p), unit),
    }
