"""Predict, then reveal (the reader setting ``quiz=1``): the tutorial page's questions, each with its answer and
its why computed from the page's model, as keyword arguments for :func:`xentcore.app.ui.predict`.

Each function takes ``t`` (the app's translation function by default; a test passes a lookup in one language)
and ``percent`` (the app's percentage format in the current language, likewise)."""

from __future__ import annotations

from collections.abc import Callable

from xentcore.app.tutorial import model as tm
from xentcore.app.ui import fmt, fmt_percent
from xentcore.app.ui import t as app_t

Say = Callable[..., str]


def _tuple(values) -> str:
    return "(" + ", ".join(fmt(v, 2) for v in values) + ")"


def zero_floor(f: tm.Floor, p: tuple[float, ...], unit: str, t: Say = app_t) -> dict:
    """Claim 3: can any Q make the cross-entropy 0 for this P? Yes exactly when P is one-hot (H(P) = 0, the floor
    of H(P, Q) over Q); asked again when P changes."""
    u = t(f"unit.short.{unit}")
    if f.one_hot:
        where = next(i for i, v in enumerate(p) if v > 0)
        why = t("tutorial.quiz.zero.why.yes", outcome=t(f"tutorial.outcome.{where}"), ce=fmt(f.ce_pp), u=u)
    else:
        spread = sum(v > 0 for v in p)
        why = t(
            "tutorial.quiz.zero.why.no",
            h=fmt(f.h_p),
            ce=fmt(f.ce_pp),
            n=f.search_n,
            best=fmt(f.search_min),
            k=spread,
            u=u,
        )
    return {
        "qid": "zero",
        "question": t("tutorial.quiz.zero", p=_tuple(p)),
        "options": {k: t(f"tutorial.quiz.zero.{k}") for k in ("yes", "no")},
        "answer": "yes" if f.one_hot else "no",
        "why": why,
        "about": (tuple(p),),
    }


def barely_moves(m: tm.Programs, unit: str, t: Say = app_t, percent: Callable[[float], str] = fmt_percent) -> dict:
    """Claim 8: at the tutorial's learning rate, does the mean loss cover less than half the way from its start
    to the lowest training loss (it "barely moves"), or half or more? Asked again for the other program."""
    mv = m.moves
    u = t(f"unit.short.{unit}")
    answer = "most" if mv.fraction >= 0.5 else "little"
    return {
        "qid": "moves",
        "question": t("tutorial.quiz.moves", lr=f"{mv.lr:g}", epochs=mv.epochs),
        "options": {k: t(f"tutorial.quiz.moves.{k}") for k in ("little", "most")},
        "answer": answer,
        "why": t(
            "tutorial.quiz.moves.why",
            start=fmt(mv.start),
            end=fmt(mv.end),
            n=m.n,
            floor=fmt(mv.floor),
            frac=percent(mv.fraction),
            u=u,
        ),
        "about": (m.kind,),
    }
