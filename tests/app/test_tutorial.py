"""The "tutorial, checked" page: every card renders in both languages, and each demonstration shows the
numbers ``xentcore`` computes (recomputed here from the library functions, not from the page)."""

from __future__ import annotations

import inspect
import math
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from apptest_support import open_app
from streamlit.testing.v1 import AppTest

from xentcore import article
from xentcore.app.tutorial import claims
from xentcore.app.ui.format import fmt, fmt_percent
from xentcore.app.ui.text import TABLE
from xentcore.datasets import make_dataset, train_test_split
from xentcore.distributions import rescale
from xentcore.info import cross_entropy, entropy, kl_divergence
from xentcore.losses import (
    binary_cross_entropy,
    categorical_cross_entropy,
    finite_difference,
    grad_binary_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_mse_with_logits,
    softmax,
)
from xentcore.training import train

PAGE = "pages/5_tutorial_checked.py"
VERDICTS = ("holds", "holds", "wrong", "holds", "holds", "wrong", "imprecise", "wrong", "unsourced")
COLOURS = {"holds": "green", "wrong": "red", "imprecise": "orange", "unsourced": "gray"}


def run(**params) -> AppTest:
    at = open_app(PAGE, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def source(fn) -> str:
    return inspect.getsource(fn).strip()


def metric(at: AppTest, label: str) -> str:
    """The value of the metrics whose label starts with ``label`` (H(P) is shown twice: both must agree)."""
    found = [m.value for m in at.metric if m.label.startswith(label)]
    assert len(set(found)) == 1, (label, found, [m.label for m in at.metric])
    return found[0]


def markdown_with(at: AppTest, text: str) -> list[str]:
    return [m.value for m in at.markdown if text in m.value]


@pytest.fixture(scope="module")
def default_view() -> AppTest:
    return run()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_claim_renders_as_a_card_with_its_verdict(lang):
    at = run(lang=lang)
    i = ("en", "zh").index(lang)
    titles = [h.value for h in at.subheader]
    assert titles == [f"{n}. {TABLE[f'tutorial.c{n}.title'][i]}" for n in range(1, 10)]
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert len(badges) == 9
    for badge, verdict in zip(badges, VERDICTS, strict=True):
        assert badge.startswith(f":{COLOURS[verdict]}-badge[") and TABLE[f"tutorial.verdict.{verdict}"][i] in badge
    assert not at.warning
    assert at.title[0].value == TABLE["nav.tutorial"][i]


def test_definitions_and_weather_defaults(default_view):
    at = default_view
    p, q = claims.WEATHER_P, claims.WEATHER_Q
    assert metric(at, "H(P) (") == fmt(entropy(p))
    assert metric(at, "H(P, Q)") == fmt(cross_entropy(p, q))
    assert metric(at, "KL(P‖Q)") == fmt(kl_divergence(p, q))
    terms = at.dataframe[1].value.iloc[:, -1].tolist()
    assert terms == [fmt(v) for v in -np.asarray(p) * np.log(q)]
    nats, bits = cross_entropy(p, q), cross_entropy(p, q, base=2)
    assert (round(nats, 7), round(bits, 7)) == (1.0549202, 1.5219281)  # the value the tutorial never gave
    assert markdown_with(at, f"**{fmt(nats)} nats**") and markdown_with(at, f"**{fmt(bits)} bits**")
    assert fmt(nats) in at.latex[0].value


def test_moving_p_updates_claims_1_3_4_and_the_url():
    at = run(unit="bits")
    at.slider(key="tutorial.p.0").set_value(0.8).run()
    p = tuple(rescale(claims.WEATHER_P, 0, 0.8))
    q = claims.WEATHER_Q
    assert at.slider(key="tutorial.p.1").value == pytest.approx(p[1])
    assert metric(at, "H(P) (") == fmt(entropy(p, base=2))
    assert metric(at, "H(P, Q)") == fmt(cross_entropy(p, q, base=2))
    assert metric(at, "H(P, P)") == fmt(entropy(p, base=2))
    assert metric(at, "KL(P‖P)") == fmt(0.0)
    search = float(metric(at, "best of"))
    assert search >= float(fmt(entropy(p, base=2)))
    swapped = at.dataframe[2].value
    assert swapped.iloc[0, 2] == f"H(Q, P) = {fmt(cross_entropy(q, p, base=2))}"
    assert swapped.iloc[1, 2] == f"KL(Q‖P) = {fmt(kl_divergence(q, p, base=2))}"
    assert tuple(float(v) for v in at.query_params["p"].split(",")) == p
    assert "unit" in at.query_params
    link = markdown_with(at, "(./distributions?")[0]
    assert "p=0.8%2C" in link and "unit=bits" in link


def test_zero_probability_in_q_shows_infinity_with_a_reason():
    at = run(q="0,0.5,0.5")
    assert metric(at, "H(P, Q)") == "∞" and metric(at, "KL(P‖Q)") == "∞"
    assert at.info[0].value == TABLE["tutorial.inf"][0]


def test_one_hot_button_brings_the_floor_to_zero():
    at = run()
    buttons = {b.label: b for b in at.button}
    buttons[TABLE["tutorial.c3.onehot"][0]].click().run()
    assert at.query_params["p"] == "1,0,0"
    assert metric(at, "H(P, P)") == fmt(0.0) and metric(at, "H(P) (") == fmt(0.0)
    assert TABLE["tutorial.c3.onehot_note"][0] in [c.value for c in at.caption]  # saying why
    chart = at.get("plotly_chart")[0].proto.spec
    assert "H(P, Q)" in chart
    assert at.dataframe[2].value.iloc[0, 2] == "H(Q, P) = ∞"  # P now has zeros where Q does not
    assert TABLE["tutorial.c4.inf"][0] in [c.value for c in at.caption]


@pytest.mark.parametrize("y,y_hat", [(0, 0.8), (1, 0.05)])
def test_binary_gradient_point_picked_by_the_reader(y, y_hat):
    at = run()
    at.radio(key="tutorial.y").set_value(y).run()
    at.slider(key="tutorial.yh").set_value(y_hat).run()
    formula = grad_binary_cross_entropy([y], [y_hat], reduction="sum")[0]
    numeric = finite_difference(lambda v: binary_cross_entropy([y], v, reduction="sum"), [y_hat])[0]
    assert metric(at, "formula") == fmt(formula, 6) == fmt((y_hat - y) / (y_hat * (1 - y_hat)), 6)
    assert metric(at, "finite difference") == fmt(numeric, 6)
    assert at.query_params["yh"] == str(y_hat)


def test_multiclass_gradient_both_ways():
    at = run()
    at.slider(key="tutorial.z.0").set_value(-1.0).run()
    at.slider(key="tutorial.z.2").set_value(3.0).run()
    at.radio(key="tutorial.c").set_value(1).run()
    z, c = np.array([-1.0, 1.0, 3.0]), 1
    df = at.dataframe[3].value
    y_hat = softmax(z)
    y = np.eye(3)[c]
    d_logits = finite_difference(lambda v: categorical_cross_entropy([c], v[None, :]), z)
    assert df.iloc[:, 1].tolist() == [fmt(v) for v in y_hat]
    assert df.iloc[:, 3].tolist() == [fmt(v) for v in y_hat - y]
    assert df.iloc[:, 4].tolist() == [fmt(v) for v in d_logits]
    assert df.iloc[:, 5].tolist() == [fmt(v) for v in -y / y_hat]
    assert at.query_params["z"] == "-1,1,3" and at.query_params["c"] == "1"
    assert markdown_with(at, f"up to {fmt(1 / y_hat[c] + y_hat[c] - 1)}")


def test_mse_gradient_numbers(default_view):
    at = default_view
    z = -6.0
    ce = grad_binary_cross_entropy_with_logits([1.0], [z], reduction="none")[0]
    mse = grad_mse_with_logits([1.0], [z], reduction="none")[0]
    assert metric(at, "cross-entropy ∂L/∂z") == fmt(ce)
    assert metric(at, "MSE ∂L/∂z") == fmt(mse)
    assert metric(at, "MSE / CE") == fmt(mse / ce)
    assert metric(at, "largest σ′(z)") == fmt(0.25)
    links = markdown_with(at, "(./loss_curves")
    assert links and "z=-6" in links[-1]


def test_article_programs_numbers_and_source(default_view):
    at = default_view
    s = article.article_binary_setup()
    fit = article.article_logistic_regression(s.X, s.y, s.weights, s.bias)
    mean = article.corrected_logistic_regression(s.X, s.y, lr=0.01, weights=s.weights, bias=s.bias)
    same = at.dataframe[4].value
    assert same.iloc[:, 1].tolist() == [fmt(v) for v in fit.printed_loss]
    assert same.iloc[:, 2].tolist() == [fmt(v) for v in mean.printed_loss]
    assert set(same.iloc[:, 3]) == {fmt(100, 2)}
    scaled = at.dataframe[5].value  # default scale ×1000
    assert set(scaled.iloc[:, 1]) == {"NaN"}
    assert all(math.isfinite(float(v)) for v in scaled.iloc[:, 2])
    single = at.dataframe[6].value
    assert single.iloc[:, 2].tolist() == ["∞", "NaN", "NaN", "∞"]
    assert single.iloc[:, 3].tolist() == [fmt(800), fmt(0), fmt(0), fmt(800)]
    learned = at.dataframe[7].value
    expected = claims.learnability("binary")
    assert learned.iloc[:, 3].tolist() == [fmt_percent(v) for v in expected["held_out"]]
    code = [c.value for c in at.code]
    assert source(article.article_logistic_regression) in code[0]
    assert source(article.article_binary_loss) in code[0]
    assert source(article.corrected_logistic_regression) in code[1]


def test_input_scale_and_softmax_program():
    at = run()
    at.select_slider(key="tutorial.sc").set_value(1.0).run()
    assert "NaN" not in at.dataframe[5].value.iloc[:, 1].tolist()
    at.get("button_group")[0].set_value("softmax").run()
    assert at.query_params["prog"] == "softmax" and at.query_params["sc"] == "1"
    s = article.article_softmax_setup()
    fit = article.article_softmax_regression(s.X, article.one_hot(s.y, 3), s.weights, s.bias)
    assert at.dataframe[4].value.iloc[:, 1].tolist() == [fmt(v) for v in fit.printed_loss]
    assert set(at.dataframe[6].value.iloc[:, 2]) == {"NaN"}
    assert source(article.article_softmax_regression) in at.code[0].value
    assert source(article.corrected_softmax_regression) in at.code[1].value


def test_case_study_is_measured_here():
    at = run()
    at.select_slider(key="tutorial.ep").set_value(30.0).run()
    at.get("button_group")[1].set_value("small").run()
    tr, te = train_test_split(make_dataset("cancer"))
    df = at.dataframe[8].value
    for row, loss in enumerate(("ce", "mse")):
        r = train(
            "logistic", loss, tr.X, tr.y, 2, lr=claims.CASE_LR, epochs=30, init="small", X_test=te.X, y_test=te.y
        ).final
        assert df.iloc[row, 1:].tolist() == [
            fmt_percent(r["train_accuracy"]),
            fmt_percent(r["test_accuracy"]),
            fmt(r["loss"]),
        ]
    assert at.query_params["ep"] == "30" and at.query_params["init"] == "small"
    race = markdown_with(at, "(./training_race?")[-1]
    assert "data=cancer" in race and "ep=30" not in race  # 30 is not one of the race's epochs: snapped
    assert "ep=20" in race and "init=small" in race and "lr=0.1" in race


def test_a_share_link_reopens_the_view():
    at = run(
        unit="bits",
        p="0.2,0.2,0.6",
        q="0.1,0.3,0.6",
        y="0",
        yh="0.7",
        z="0,0,1",
        c="2",
        prog="softmax",
        sc="10",
        ep="300",
    )
    assert not at.warning
    assert metric(at, "H(P, Q)") == fmt(cross_entropy((0.2, 0.2, 0.6), (0.1, 0.3, 0.6), base=2))
    assert at.slider(key="tutorial.yh").value == 0.7 and at.radio(key="tutorial.y").value == 0
    assert [at.slider(key=f"tutorial.z.{j}").value for j in range(3)] == [0.0, 0.0, 1.0]
    assert at.radio(key="tutorial.c").value == 2
    assert at.select_slider(key="tutorial.sc").value == 10.0 and at.select_slider(key="tutorial.ep").value == 300.0
    shared = parse_qs(urlparse(at.sidebar.code[0].value).query)
    assert shared["prog"] == ["softmax"] and shared["p"] == ["0.2,0.2,0.6"]


def test_bad_link_values_warn_and_fall_back():
    at = run(p="a,b,c", q="0.5,0.5", yh="5", z="1,2", c="9", sc="7", prog="rust", ep="-3")
    text = at.warning[0].value
    for key in ("p", "q", "yh", "z", "c", "prog", "ep"):
        assert f"`{key}`" in text
    assert at.slider(key="tutorial.yh").value == 0.99  # clamped
    assert at.radio(key="tutorial.c").value == 2  # clamped
    assert metric(at, "H(P, Q)") == fmt(cross_entropy(claims.WEATHER_P, claims.WEATHER_Q))
    assert at.select_slider(key="tutorial.sc").value == 10.0  # snapped to the nearest scale


def test_reset_brings_back_the_defaults():
    at = run()
    at.slider(key="tutorial.q.2").set_value(0.5).run()
    at.slider(key="tutorial.yh").set_value(0.9).run()
    assert "q" in at.query_params and "yh" in at.query_params
    at.sidebar.button[0].click().run()
    assert not at.exception
    assert "q" not in at.query_params and "yh" not in at.query_params
    assert at.slider(key="tutorial.q.2").value == pytest.approx(claims.WEATHER_Q[2])
    assert metric(at, "H(P, Q)") == fmt(cross_entropy(claims.WEATHER_P, claims.WEATHER_Q))
