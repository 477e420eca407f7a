"""Predict, then reveal (the reader setting ``quiz=1``): the language page's question, with its answer and its
why computed from the page's model, as keyword arguments for :func:`xentcore.app.ui.predict`."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

from xentcore.app.language.model import LanguageModel
from xentcore.app.ui import fmt, sentences
from xentcore.app.ui import t as app_t

Say = Callable[..., str]


def _direction(before: float, after: float) -> str:
    return "rise" if after > before else "fall" if after < before else "same"


def context_grows(model: LanguageModel, state: Mapping[str, Any], own: str, t: Say = app_t) -> dict:
    """Does the test cross-entropy rise or fall when the context grows by one character (from the chosen one, or
    to it when it is already the longest the curve has)? The answer is the curve's; asked again when the text,
    its split, the test text, the context or the smoothing change."""
    c = model.analysis.curve
    last = len(c.contexts) - 1
    a = min(model.context, last - 1)
    b = a + 1
    test, train = _direction(c.test[a], c.test[b]), _direction(c.train[a], c.train[b])
    per = t("language.per_char", unit=t(f"unit.short.{model.unit}"))
    numbers = {
        "a": a,
        "b": b,
        "ta": fmt(c.test[a]),
        "tb": fmt(c.test[b]),
        "ra": fmt(c.train[a]),
        "rb": fmt(c.train[b]),
        "unit": per,
    }
    why = [t("language.quiz.why", **numbers)]
    if math.isinf(c.test[a]) or math.isinf(c.test[b]):
        ks = [k for k in (a, b) if math.isinf(c.test[k])]
        which = "one" if len(ks) == 1 else "both"
        why.append(t(f"language.quiz.why.inf.{which}", k=ks[0], a=a, b=b))
    elif test == "rise" and train == "fall":
        why.append(t("language.quiz.why.overfit"))
    elif test == "fall":
        why.append(t("language.quiz.why.helps"))
    own_text = own if model.source == "own" else ""
    typed = state["typed"] if model.test_kind == "typed" else ""
    return {
        "qid": "context",
        "question": t("language.quiz", a=a, b=b),
        "options": {k: t(f"language.quiz.{k}") for k in ("rise", "fall", "same")},
        "answer": test,
        "why": sentences(why, t),
        "about": (model.source, own_text, state["split"], model.test_kind, typed, a, model.alpha),
    }
