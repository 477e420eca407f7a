"""Predict, then reveal (``quiz=1``) on the curves, surfaces, tutorial and language pages, through AppTest: the
question stands where its result would be and holds it back; committing shows the verdict for the answer the
page's model gives, the why generated from the model's numbers, the result, and the sidebar's score. Without
the setting the pages ask nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from apptest_support import chart_key, drawn_charts, open_app

from xentcore.app.curves import notes as curves_notes
from xentcore.app.curves.model import build_binary, build_multiclass
from xentcore.app.format import fmt_percent
from xentcore.app.language import model as language_model
from xentcore.app.language import questions as language_questions
from xentcore.app.language.sections import OWN_FULL
from xentcore.app.language.state import LINK_CHARS
from xentcore.app.race import questions as race_questions
from xentcore.app.race.model import build as build_race
from xentcore.app.surfaces import notes as surfaces_notes
from xentcore.app.surfaces.model import build as build_surfaces
from xentcore.app.tutorial import model as tutorial_model
from xentcore.app.tutorial import questions as tutorial_questions
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import LANGUAGES, TABLE

CURVES, SURFACES = "pages/2_loss_curves.py", "pages/3_loss_surfaces.py"
TUTORIAL, LANGUAGE = "pages/5_tutorial_checked.py", "pages/6_language.py"
RACE = "pages/4_training_race.py"


def say(lang: str):
    """``t`` in one language, outside a Streamlit run."""
    i = LANGUAGES.index(lang)
    return lambda key, **values: TABLE[key][i].format(**values) if values else TABLE[key][i]


def state(at, page: str) -> dict:
    return dict(at.session_state[STORE][page])


# --- each question: what the model says it is, and whether its result is on screen ----------------------------


def push(at, lang):
    return curves_notes.push_quiz(build_binary(state(at, "curves"), "nats"), say(lang))


def cold(at, lang):
    return curves_notes.cold_quiz(build_multiclass(state(at, "curves"), "nats"), say(lang))


def minimum(at, lang):
    return surfaces_notes.minimum_quiz(build_surfaces(state(at, "surfaces"), "nats"), say(lang))


def zero(at, lang):
    s = state(at, "tutorial")
    return tutorial_questions.zero_floor(tutorial_model.floor(tuple(s["p"]), "nats"), tuple(s["p"]), "nats", say(lang))


def moves(at, lang):
    s = state(at, "tutorial")
    m = tutorial_model.programs(s["prog"], float(s["sc"]), "nats")
    return tutorial_questions.barely_moves(m, "nats", say(lang), lambda x: fmt_percent(x, lang=lang))


def context(at, lang):
    s = state(at, "language")
    own = at.session_state.get(OWN_FULL, "")
    own = own if s["own"] == "" and len(own) > LINK_CHARS else s["own"]
    m = language_model.build(s, "nats", lang, own)
    return language_questions.context_grows(m, s, own, say(lang))


def first(at, lang):
    s = state(at, "race")
    return race_questions.first_quiz(build_race(s, "nats", lang=lang), s, say(lang))


def markdown(at) -> list[str]:
    return [e.value for e in at.markdown]


def push_shown(at, lang):  # the binary probe's figure, metrics and table (beside the multi-class section's two)
    return any(m.label == say(lang)("curves.metric.ratio") for m in at.metric) and len(at.table) == 3


def cold_shown(at, lang):  # what the temperature sweep does, and its figure
    text = curves_notes.temperature_text(build_multiclass(state(at, "curves"), "nats"), say(lang))
    return text in markdown(at) and len(drawn_charts(at)) == 2 + push_shown(at, lang)


def minimum_shown(at, lang):  # the descents, the contours, and the intro's paragraph on cross-entropy
    m = build_surfaces(state(at, "surfaces"), "nats")
    caption = surfaces_notes.contour_caption(m, say(lang))
    shown = caption in [c.value for c in at.caption]
    assert at.markdown[0].value == surfaces_notes.intro(m, say(lang), reveal=shown)
    return shown and any(e.label == say(lang)("surfaces.metric.ce") for e in at.metric)


def zero_shown(at, lang):  # claim 3's check, metrics and line of Q's
    return say(lang)("tutorial.c3.check") in markdown(at) and any(m.label.startswith("H(P, P)") for m in at.metric)


def moves_shown(at, lang):  # claim 8's printed losses, epoch by epoch
    return any(say(lang)("tutorial.c8.ratio") in d.value.columns for d in at.table)


def first_shown(at, lang):  # the results table: a row per quantity, a column per run
    row = say(lang)("race.col.epochs90", target=race_questions.TARGET_PERCENT)
    return any(row in d.value.index for d in at.table)


def context_shown(at, lang):  # the curve over every context, and what it says
    return "language.curve" in [chart_key(c) for c in drawn_charts(at)]


@dataclass(frozen=True)
class Question:
    page: str
    schema: str
    qid: str
    spec: Callable
    shown: Callable


QUESTIONS = {
    "push": Question(CURVES, "curves", "push", push, push_shown),
    "cold": Question(CURVES, "curves", "cold", cold, cold_shown),
    "minimum": Question(SURFACES, "surfaces", "minimum", minimum, minimum_shown),
    "zero": Question(TUTORIAL, "tutorial", "zero", zero, zero_shown),
    "moves": Question(TUTORIAL, "tutorial", "moves", moves, moves_shown),
    "context": Question(LANGUAGE, "language", "context", context, context_shown),
    "first": Question(RACE, "race", "first", first, first_shown),
}

# (question, link parameters, the answer the model must give there): every answer each question can have
CASES = [
    ("push", {}, "ce"),
    ("push", {"y": "0", "z": "0.5"}, "ce"),
    ("cold", {}, "zero"),
    ("cold", {"zs": "1,1,0", "c": "1"}, "level"),
    ("cold", {"ls": "0.2"}, "inf"),
    ("minimum", {}, "none"),
    ("minimum", {"data": "xor"}, "inside"),
    ("minimum", {"data": "moons", "r": "2"}, "outside"),
    ("zero", {}, "no"),
    ("zero", {"p": "1,0,0"}, "yes"),
    ("moves", {}, "most"),
    ("moves", {"prog": "softmax"}, "most"),
    ("context", {}, "rise"),
    ("context", {"k": "0"}, "fall"),
    ("context", {"k": "6", "a": "0"}, "same"),
    ("first", {}, "softmax_ce"),
    ("first", {"ep": "10"}, "none"),
]


def radio_key(q: Question) -> str:
    return f"_xent_quiz_pick.{q.schema}.{q.qid}"


def quiz_radio(at, q: Question):
    found = [r for r in at.radio if r.key == radio_key(q)]
    return found[0] if found else None


def answer(at, q: Question, pick: str):
    at.radio(key=radio_key(q)).set_value(pick).run()
    at.button(key=f"_xent_quiz_commit.{q.schema}.{q.qid}").click().run()
    assert not at.exception, [e.message for e in at.exception]
    return at


def verdicts(at) -> list[str]:
    return [e.value for e in (*at.success, *at.warning)]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
@pytest.mark.parametrize(("name", "params", "expected"), CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_the_question_holds_its_result_until_the_reader_commits(name, params, expected, right, lang):
    q = QUESTIONS[name]
    t = say(lang)
    at = open_app(q.page, quiz="1", lang=lang, **params)
    assert not at.exception, [e.message for e in at.exception]
    spec = q.spec(at, lang)
    assert spec["answer"] == expected  # the model's answer for this view
    radio = quiz_radio(at, q)
    assert radio is not None and radio.label == f"**{t('quiz.predict')}** {spec['question']}"
    assert radio.options == list(spec["options"].values())
    assert not q.shown(at, lang)
    assert t("quiz.held") in [c.value for c in at.caption]

    pick = expected if right else next(o for o in spec["options"] if o != expected)
    answer(at, q, pick)
    verdict = t("quiz.right" if right else "quiz.wrong", answer=spec["options"][expected])
    assert t("quiz.verdict", verdict=verdict, why=spec["why"]) in [
        e.value for e in (at.success if right else at.warning)
    ]
    assert quiz_radio(at, q) is None
    assert q.shown(at, lang)
    assert t("quiz.score", right=int(right), asked=1) in [c.value for c in at.sidebar.caption]


def test_the_score_counts_every_answer_in_the_session():
    at = open_app(CURVES, quiz="1")
    assert TABLE["quiz.score"][0].split("{")[0] not in " ".join(c.value for c in at.sidebar.caption)
    answer(at, QUESTIONS["push"], "ce")
    answer(at, QUESTIONS["cold"], "inf")  # the default target is on the largest logit: the loss falls to 0
    assert say("en")("quiz.score", right=1, asked=2) in [c.value for c in at.sidebar.caption]
    assert len(verdicts(at)) == 2 and push_shown(at, "en") and cold_shown(at, "en")


def test_changing_what_the_answer_depends_on_asks_again():
    at = open_app(TUTORIAL, quiz="1")
    q = QUESTIONS["zero"]
    answer(at, q, "no")
    assert zero_shown(at, "en")
    at.button(key="tutorial-onehot").click().run()  # P becomes one-hot: a new question, with the other answer
    assert quiz_radio(at, q) is not None and not zero_shown(at, "en")
    assert zero(at, "en")["answer"] == "yes"
    answer(at, q, "yes")
    assert say("en")("quiz.score", right=2, asked=2) in [c.value for c in at.sidebar.caption]
    at.button(key="tutorial-back").click().run()  # back to the P already asked about: answered, shown
    assert quiz_radio(at, q) is None and zero_shown(at, "en")


def test_moving_the_probe_within_its_region_keeps_the_answer():
    at = open_app(CURVES, quiz="1", z="-5")
    q = QUESTIONS["push"]
    answer(at, q, "ce")
    at.slider(key="curves.z").set_value(-4.0).run()  # still confidently wrong: answered, the why follows the probe
    assert quiz_radio(at, q) is None and push_shown(at, "en")
    assert f"{say('en')('quiz.right', answer='Cross-entropy')} {push(at, 'en')['why']}" in verdicts(at)
    at.slider(key="curves.z").set_value(1.0).run()  # between: asked again
    assert quiz_radio(at, q) is not None and not push_shown(at, "en")


@pytest.mark.parametrize("page", [CURVES, SURFACES, RACE, TUTORIAL, LANGUAGE])
def test_without_the_setting_nothing_is_asked_or_held(page):
    at = open_app(page)
    assert not at.exception
    assert not [r for r in at.radio if (r.key or "").startswith("_xent_quiz")]
    assert not [b for b in at.button if (b.key or "").startswith("_xent_quiz")]
    for q in QUESTIONS.values():
        if q.page == page:
            assert q.shown(at, "en")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("path", "schema", "qid", "params", "answer"),
    [
        ("home.py", "home", "ce_vs_h", {}, "above"),
        ("pages/1_distributions.py", "distributions", "q_equals_p", {}, "no"),
        ("pages/1_distributions.py", "distributions", "q_equals_p", {"p": "0,1,0"}, "yes"),
    ],
)
def test_home_and_distributions_hold_their_numbers_until_the_prediction(path, schema, qid, params, answer, lang):
    from xentcore.app.home import questions

    at = open_app(path, quiz="1", lang=lang, **params)
    assert not at.exception
    shown = len(at.metric)
    assert at.radio(key=f"_xent_quiz_pick.{schema}.{qid}").options  # the question is asked
    at.radio(key=f"_xent_quiz_pick.{schema}.{qid}").set_value(answer).run()
    at.button(key=f"_xent_quiz_commit.{schema}.{qid}").click().run()
    assert not at.exception
    assert len(at.metric) > shown  # the held numbers are on the page now
    said = say(lang)
    if schema == "home":
        from xentcore.app.home.model import build as home_build

        m = home_build({"pe": 0.25}, "nats")
        spec = questions.compare_ce_with_entropy(m.h, m.ce, m.kl, "nats", said)
    else:
        p = tuple(float(v) for v in (params.get("p") or "0.5,0.3,0.2").split(","))
        from xentcore import entropy

        spec = questions.ce_when_q_is_p(p, entropy(p), "nats", said)
    assert spec["answer"] == answer
    verdict = said("quiz.right", answer=spec["options"][answer])
    assert said("quiz.verdict", verdict=verdict, why=spec["why"]) in [s.value for s in at.success]
