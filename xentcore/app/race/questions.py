"""Predict, then reveal (the reader setting ``quiz=1``): the race page's question, with its answer and its why
computed from the page's model, as keyword arguments for :func:`xentcore.app.ui.predict`.

``t`` is the app's translation function by default; a test passes a lookup in one language."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from xentcore.app.format import md_escape
from xentcore.app.race.model import TARGET_PERCENT, Phrase, RaceModel, UserText, race_key
from xentcore.app.ui import t as app_t

Say = Callable[..., str]
NONE = "none"


def said(phrase: Phrase, t: Say = app_t, escape: Callable[[str], str] = md_escape) -> str:
    """``phrase`` through ``t``, as :func:`xentcore.app.race.sections.say` says it (text from the reader's file
    through ``escape``)."""

    def value(v: Any) -> str:
        if isinstance(v, Phrase):
            return said(v, t, escape)
        if isinstance(v, tuple):
            return "".join(value(x) for x in v)
        return escape(v) if isinstance(v, UserText) else v

    values = {k: value(v) for k, v in phrase.values}
    return t(phrase.key, **values) if values else t(phrase.key)


def first_quiz(m: RaceModel, state: Mapping[str, Any], t: Say = app_t) -> dict:
    """Which lane reaches the target training accuracy first? The answer is the lane with the fewest epochs to
    the target (on a tie, the first of the tied lanes in page order), or "none" when no lane reaches it within
    the epochs; asked again when any setting of the race changes."""
    options = {row.key: said(row.title, t, str) for row in m.rows}
    options[NONE] = t("race.quiz.first.none")
    first = m.first_to_target
    epochs = t("race.sep").join(
        t(
            "race.quiz.first.lane",
            run=options[row.key],
            epochs=t("race.never") if row.epochs_to_target is None else row.epochs_to_target,
        )
        for row in m.rows
    )
    if first is None:
        why = t("race.quiz.first.why.none", target=TARGET_PERCENT, epochs=m.epochs)
    else:
        tied = [row for row in m.rows if row.epochs_to_target == first.epochs_to_target]
        key = "race.quiz.first.why.tie" if len(tied) > 1 else "race.quiz.first.why"
        why = t(key, run=options[first.key], n=first.epochs_to_target, target=TARGET_PERCENT)
    return {
        "qid": "first",
        "question": t("race.quiz.first", target=TARGET_PERCENT),
        "options": options,
        "answer": NONE if first is None else first.key,
        "why": f"{why} {t('race.quiz.first.epochs', lanes=epochs)}",
        "about": race_key(state),
    }
