"""Predict, then reveal: in quiz mode (the reader setting ``quiz=1``) a section's key result waits until the reader
commits to a prediction; then the answer, with why, and a running score for the session.

The page computes the answer from its own model and passes it in, so the verdict is always about the numbers on
screen; ``about`` names what the answer depends on, and a question is asked again when that changes.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import streamlit as st

from xentcore.app.ui.i18n import t
from xentcore.app.ui.session import PageState

ANSWERS = "_xent_quiz"  # session: {(page, question, about): (picked, answer)}
SCORE_BOX = "_xent_quiz_score"  # the sidebar's placeholder for the score line


def _answers() -> dict:
    return st.session_state.setdefault(ANSWERS, {})


def score() -> tuple[int, int]:
    """(right, asked) over the session."""
    given = _answers().values()
    return sum(picked == answer for picked, answer in given), len(given)


def predict(
    ctx: PageState,
    qid: str,
    question: str,
    options: Mapping[str, str],
    answer: str,
    why: str,
    *,
    about: Hashable = (),
) -> bool:
    """Ask ``question`` (choices ``options``: value -> label) before the result it is about; ``True`` when the
    result may be shown: quiz mode is off, or the reader has answered (the verdict and ``why`` are shown then)."""
    if not ctx.settings.get("quiz"):
        return True
    if answer not in options:
        raise ValueError(f"the answer {answer!r} is not one of the options {list(options)}")
    key = (ctx.schema.name, qid, about)
    given = _answers()
    _draw_score()  # on every run: a fragment may write to the sidebar only where it wrote on the last full run
    if key in given:
        picked, _ = given[key]
        verdict = t("quiz.right" if picked == answer else "quiz.wrong", answer=options[answer])
        (st.success if picked == answer else st.warning)(
            t("quiz.verdict", verdict=verdict, why=why), icon=":material/psychology:"
        )
        return True
    with st.container(border=True):
        choice = st.radio(
            f"**{t('quiz.predict')}** {question}",
            options=list(options),
            format_func=dict(options).__getitem__,
            index=None,
            key=f"_xent_quiz_pick.{ctx.schema.name}.{qid}",
        )
        # a callback, not st.rerun(): the answer is stored before the rerun the click starts, which is the
        # fragment's own when the question sits in one (the sidebar's score is redrawn from there)
        st.button(
            t("quiz.commit"),
            disabled=choice is None,
            key=f"_xent_quiz_commit.{ctx.schema.name}.{qid}",
            on_click=_commit,
            args=(key, f"_xent_quiz_pick.{ctx.schema.name}.{qid}", answer),
        )
        st.caption(t("quiz.held"))
    return False


def _commit(key: tuple, pick: str, answer: str) -> None:
    if st.session_state.get(pick) is not None:
        _answers()[key] = (st.session_state[pick], answer)


def score_line() -> str | None:
    """The sidebar's score, once a question was answered."""
    right, asked = score()
    return t("quiz.score", right=right, asked=asked) if asked else None


def score_box() -> None:
    """The sidebar's score line, in a placeholder that an answer given inside a fragment redraws."""
    st.session_state[SCORE_BOX] = st.empty()
    _draw_score()


def _draw_score() -> None:
    if (box := st.session_state.get(SCORE_BOX)) is not None:
        if line := score_line():
            box.caption(line)
        else:
            box.empty()
