"""The "tutorial, checked" page: every card renders in both languages, and what it shows is its model's
numbers (``xentcore.app.tutorial.model.build`` for the page's state), with each generated sentence filled from
them. The model itself is checked against the library and references in ``tests/core/test_claims.py``."""

from __future__ import annotations

import inspect
import math
from urllib.parse import parse_qs, urlparse

import pytest
from apptest_support import drawn_charts, open_app, share_link
from streamlit.testing.v1 import AppTest

from xentcore import article
from xentcore.app.format import fmt, fmt_percent
from xentcore.app.tutorial import claims
from xentcore.app.tutorial.model import TutorialModel, build
from xentcore.app.tutorial.sections import CODE_KEYS, VERDICT, VERDICTS, fmt_power, fmt_tuple
from xentcore.app.tutorial.state import SCHEMA
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import TABLE
from xentcore.distributions import rescale
from xentcore.info import cross_entropy

PAGE = "pages/5_tutorial_checked.py"
EN = 0


def run(**params) -> AppTest:
    at = open_app(PAGE, **params)
    assert not at.exception, [e.value for e in at.exception]
    return at


def model_of(at: AppTest) -> TutorialModel:
    """The model for the state the page holds (its store) and the unit it shows."""
    store = at.session_state[STORE]
    return build(store[SCHEMA.name], store["settings"]["unit"])


def text(key: str, lang: int = EN, **values) -> str:
    return TABLE[key][lang].format(**values)


def unit_of(m: TutorialModel, lang: int = EN) -> str:
    return TABLE[f"unit.short.{m.unit}"][lang]


def metric(at: AppTest, label: str) -> str:
    """The value of the metrics whose label starts with ``label`` (H(P) is shown twice: both must agree)."""
    found = [m.value for m in at.metric if m.label.startswith(label)]
    assert len(set(found)) == 1, (label, found, [m.label for m in at.metric])
    return found[0]


def markdown_with(at: AppTest, needle: str) -> list[str]:
    return [m.value for m in at.markdown if needle in m.value]


def shows(at: AppTest, sentence: str) -> bool:
    return any(sentence in m.value for m in at.markdown)


def column(at: AppTest, table: int, col: int) -> list:
    return at.table[table].value.iloc[:, col].tolist()


def row(at: AppTest, table: int, r: int) -> list:
    """A row's values, its label (the first column) left out: for the tables with a row per quantity."""
    return at.table[table].value.iloc[r, 1:].tolist()


# tables in page order: 0 claim 1, 1 weather, 2 claim 4, 3 claim 6, 4 same start, 5 likelihood, 6 large inputs,
# 7 single logits, 8 learnability, 9 case study


@pytest.fixture(scope="module")
def default_view() -> AppTest:
    return run()


def test_tables_go_out_as_arrow_with_no_index_and_no_pandas_round_trip(monkeypatch):
    """The cards' tables are Arrow tables with ``hide_index`` given: left to guess, ``st.table`` converts each
    to pandas to find it has no index (a third of the page's first run, measured)."""
    import streamlit.dataframe_util as du

    calls = []
    convert = du.convert_anything_to_pandas_df
    monkeypatch.setattr(du, "convert_anything_to_pandas_df", lambda *a, **k: calls.append(1) or convert(*a, **k))
    at = run()
    assert len(at.table) >= 10
    assert all(table.proto.hide_index for table in at.table)
    assert calls == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_claim_renders_as_a_card_with_its_verdict(lang):
    at = run(lang=lang)
    i = ("en", "zh").index(lang)
    titles = [h.value for h in at.subheader]
    assert titles == [f"{n}. {TABLE[f'tutorial.c{n}.title'][i]}" for n in range(1, 10)]
    badges = [m.value for m in at.markdown if m.value.startswith(":") and "-badge[" in m.value]  # the cards'
    assert len(badges) == 9
    assert VERDICTS[0] == "imprecise" and VERDICTS[7] == "misleading"  # claims 1 and 8, corrected
    for badge, verdict in zip(badges, VERDICTS, strict=True):
        assert badge.startswith(f":{VERDICT[verdict][0]}-badge[") and TABLE[f"tutorial.verdict.{verdict}"][i] in badge
    assert not at.warning
    assert at.title[0].value == TABLE["nav.tutorial"][i]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_verdicts_at_a_glance_match_the_cards(lang):
    at = run(lang=lang)
    i = ("en", "zh").index(lang)
    header = f"**{TABLE['tutorial.glance.header'][i]}**\n\n"
    (box,) = [m.value.removeprefix(header) for m in at.markdown if m.value.startswith(header)]
    lines = box.split("\n")
    assert len(lines) == 9
    for n, (line, verdict) in enumerate(zip(lines, VERDICTS, strict=True), start=1):
        colour, icon = VERDICT[verdict]
        badge = f":{colour}-badge[{icon} {TABLE[f'tutorial.verdict.{verdict}'][i]}]"
        assert line.startswith(f"{n}. [{TABLE[f'tutorial.c{n}.title'][i]}](#claim-{n}) {badge}")
        assert line.endswith(TABLE[f"tutorial.c{n}.glance"][i])


def claim_1_sentences(m: TutorialModel, lang: int = EN) -> list[str]:
    d, u = m.definitions, unit_of(m, lang)
    a, tri = d.asymmetry, d.triangle
    return [
        text("tutorial.c1.extra", lang, ce=fmt(d.ce_pq), h=fmt(d.h_p), kl=fmt(d.kl_pq), u=u),
        text(
            f"tutorial.c1.asym.{'own' if d.own_asymmetry else 'weather'}", lang, pq=fmt(a.kl_pq), qp=fmt(a.kl_qp), u=u
        ),
        text(
            f"tutorial.c1.tri.{'own' if d.own_triangle else 'weather'}",
            lang,
            a=f"{round(1 - tri.t, 2):g}",
            b=f"{tri.t:g}",
            m=fmt_tuple(tri.m),
            pm=fmt(tri.kl_pm),
            mq=fmt(tri.kl_mq),
            detour=fmt(tri.detour),
            pq=fmt(tri.kl_pq),
            u=u,
        ),
        text("tutorial.c1.difference.zero" if d.h_p == 0 else "tutorial.c1.difference", lang, h=fmt(d.h_p), u=u),
    ]


def test_definitions_and_weather_defaults(default_view):
    at = default_view
    m = model_of(at)
    d = m.definitions
    assert metric(at, "H(P) (") == fmt(d.h_p)
    assert metric(at, "H(P, Q)") == fmt(d.ce_pq)
    assert metric(at, "KL(P‖Q)") == fmt(d.kl_pq)
    assert column(at, 0, 3) == [fmt(v) for v in d.info_p]
    assert column(at, 1, 3) == [fmt(v) for v in m.weather.terms]
    assert (round(m.weather.nats, 7), round(m.weather.bits, 7)) == (1.0549202, 1.5219281)  # never given
    assert markdown_with(at, f"**{fmt(m.weather.nats)} nats**") and markdown_with(at, f"**{fmt(m.weather.bits)} bits**")
    assert fmt(m.weather.nats) in at.latex[0].value


def test_claim_1_says_what_is_extra_and_why_kl_is_no_distance(default_view):
    at = default_view
    m = model_of(at)
    d = m.definitions
    assert d.own_asymmetry and d.own_triangle  # the weather pair shows both on its own
    for sentence in claim_1_sentences(m):
        assert shows(at, sentence), sentence
    # the numbers behind the words: the extra is KL, the detour is shorter than the direct way
    assert fmt(d.ce_pq) != fmt(d.kl_pq) and d.triangle.detour < d.triangle.kl_pq


@pytest.mark.parametrize(
    "params",
    [
        {"p": "0.4,0.4,0.2", "unit": "bits"},  # P = Q: nothing to show on the reader's pair
        {"p": "1,0,0"},  # H(P) = 0
        {"q": "0,0.5,0.5"},  # KL(P‖Q) = ∞
        {"p": "0.3,0.5,0.2", "q": "0.5,0.3,0.2", "lang": "zh"},  # a swap: KL the same both ways
    ],
)
def test_claim_1_sentences_for_other_pairs(params):
    at = run(**params)
    m = model_of(at)
    lang = 1 if params.get("lang") == "zh" else EN
    for sentence in claim_1_sentences(m, lang):
        assert shows(at, sentence), sentence


def test_moving_p_updates_claims_1_3_4_and_the_url():
    at = run(unit="bits")
    at.slider(key="tutorial.p.0").set_value(0.8).run()
    p = tuple(rescale(claims.WEATHER_P, 0, 0.8))
    m = model_of(at)
    assert m.unit == "bits" and m.definitions.p == p
    assert at.slider(key="tutorial.p.1").value == pytest.approx(p[1])
    assert metric(at, "H(P) (") == fmt(m.definitions.h_p)
    assert metric(at, "H(P, Q)") == fmt(m.definitions.ce_pq) == fmt(cross_entropy(p, claims.WEATHER_Q, base=2))
    assert metric(at, "H(P, P)") == fmt(m.floor.ce_pp) == fmt(m.definitions.h_p)
    assert metric(at, "KL(P‖P)") == fmt(0.0)
    assert metric(at, "best of") == fmt(m.floor.search_min) and m.floor.search_min >= m.floor.h_p
    dec = m.decomposition
    assert column(at, 2, 2) == [f"H(Q, P) = {fmt(dec.ce_qp)}", f"KL(Q‖P) = {fmt(dec.kl_qp)}"]
    for sentence in claim_1_sentences(m):
        assert shows(at, sentence), sentence
    assert tuple(float(v) for v in at.query_params["p"].split(",")) == p
    link = markdown_with(at, "(./distributions?")[0]
    assert "p=0.8%2C" in link and "unit=bits" in link


def test_zero_probability_in_q_shows_infinity_with_a_reason():
    at = run(q="0,0.5,0.5")
    assert metric(at, "H(P, Q)") == "∞" and metric(at, "KL(P‖Q)") == "∞"
    assert at.info[0].value == TABLE["tutorial.inf"][0]
    assert not model_of(at).definitions.own_triangle


def test_one_hot_button_brings_the_floor_to_zero():
    at = run()
    buttons = {b.label: b for b in at.button}
    buttons[TABLE["tutorial.c3.onehot"][0]].click().run()
    assert at.query_params["p"] == "1,0,0"
    m = model_of(at)
    assert m.floor.one_hot and metric(at, "H(P, P)") == fmt(0.0) and metric(at, "H(P) (") == fmt(0.0)
    assert TABLE["tutorial.c3.onehot_note"][0] in [c.value for c in at.caption]  # saying why
    chart = drawn_charts(at)[0].spec
    assert "H(P, Q)" in chart and TABLE["tutorial.c3.x.uniform"][0] in chart
    assert at.table[2].value.iloc[0, 2] == "H(Q, P) = ∞"  # P now has zeros where Q does not
    assert TABLE["tutorial.c4.inf"][0] in [c.value for c in at.caption]


def test_the_line_through_a_uniform_p_is_labelled_for_what_it_is():
    at = run(p="1,1,1")
    assert model_of(at).floor.towards == "corner"
    assert text("tutorial.c3.x.corner", outcome=TABLE["tutorial.outcome.0"][0]) in drawn_charts(at)[0].spec


@pytest.mark.parametrize("y,y_hat", [(0, 0.8), (1, 0.05)])
def test_binary_gradient_point_picked_by_the_reader(y, y_hat):
    at = run()
    at.radio(key="tutorial.y").set_value(y).run()
    at.slider(key="tutorial.yh").set_value(y_hat).run()
    g = model_of(at).binary_gradient
    assert (g.y, g.y_hat) == (y, y_hat)
    assert metric(at, "formula") == fmt(g.formula, 6) == fmt((y_hat - y) / (y_hat * (1 - y_hat)), 6)
    assert metric(at, "finite difference") == fmt(g.numeric, 6)
    assert at.query_params["yh"] == str(y_hat)


def test_multiclass_gradient_both_ways():
    at = run()
    at.slider(key="tutorial.z.0").set_value(-1.0).run()
    at.slider(key="tutorial.z.2").set_value(3.0).run()
    at.radio(key="tutorial.c").set_value(1).run()
    g = model_of(at).softmax_gradient
    assert g.z == (-1.0, 1.0, 3.0) and g.c == 1
    assert row(at, 3, 0) == [fmt(v) for v in g.y_hat]
    assert row(at, 3, 2) == [fmt(v) for v in g.claimed]
    assert row(at, 3, 3) == [fmt(v) for v in g.d_logits_fd]
    assert row(at, 3, 4) == [fmt(v) for v in g.d_probs]
    assert at.query_params["z"] == "-1,1,3" and at.query_params["c"] == "1"
    assert shows(at, text("tutorial.c6.verdict", dz=f"{g.gap_logits:.1e}", dp=fmt(g.gap_probs)))


def test_mse_gradient_numbers_and_the_factor_of_two(default_view):
    at = default_view
    g = model_of(at).mse_gradient
    assert metric(at, "cross-entropy ∂L/∂z") == fmt(g.ce)
    assert metric(at, "MSE ∂L/∂z") == fmt(g.mse)
    assert metric(at, "MSE / CE") == fmt(g.mse_over_ce)
    assert metric(at, "CE / MSE") == fmt(g.ce_over_mse, 1)
    assert metric(at, "largest σ′(z)") == fmt(g.max_slope) == fmt(0.25)
    half = text(
        "tutorial.c7.half", min=fmt(g.min_ratio), zmin=fmt(g.z_min_ratio, 0), ratio=fmt(g.ce_over_mse, 1), z="−6"
    )
    assert shows(at, half) and fmt(g.min_ratio) == "2.0000"
    links = markdown_with(at, "(./loss_curves")
    assert links and "z=-6" in links[-1]


def pct(x: float, lang: int) -> str:
    return fmt_percent(x, lang=("en", "zh")[lang])


def moves_sentence(m: TutorialModel, lang: int = EN) -> str:
    mv, u = m.programs.moves, unit_of(m, lang)
    first = text(
        f"tutorial.c8.moves.{'fall' if mv.end <= mv.start else 'rise'}",
        lang,
        lr=f"{mv.lr:g}",
        epochs=mv.epochs,
        start=fmt(mv.start),
        end=fmt(mv.end),
        u=u,
        pct=pct(abs(mv.change), lang),
    )
    room = text("tutorial.c8.moves.room", lang, chance=fmt(mv.chance), k=mv.k, n=m.programs.n, floor=fmt(mv.floor), u=u)
    last = text(f"tutorial.c8.moves.{'most' if mv.fraction >= 0.5 else 'little'}", lang, frac=pct(mv.fraction, lang))
    return text("sentence.join", lang, a=text("sentence.join", lang, a=first, b=room), b=last)


def likelihood_sentence(m: TutorialModel, lang: int = EN) -> str:
    lk = m.programs.likelihood
    return text(
        "tutorial.c8.nll.body",
        lang,
        epochs=m.programs.moves.epochs,
        mean=fmt(lk.mean),
        u=unit_of(m, lang),
        n=lk.n,
        b=lk.base_symbol,
        total=fmt(lk.total, 2),
        prob=fmt_power(lk.mantissa, lk.exponent),
        rows=len(lk.label),
    )


def large_sentence(m: TutorialModel, lang: int = EN) -> str:
    s, u = m.programs.scaled, unit_of(m, lang)
    if s.stable:
        return text(
            "tutorial.c8.large.stable",
            lang,
            scale=f"{s.scale:g}",
            steps=s.steps,
            start=fmt(s.start),
            end=fmt(s.end),
            u=u,
        )
    std = text(
        "tutorial.c8.std.falls" if s.std_rises == 0 else "tutorial.c8.std.rises",
        lang,
        start=fmt(s.std_start),
        end=fmt(s.std_end),
        rises=s.std_rises,
        u=u,
    )
    return text(
        "tutorial.c8.large.unstable",
        lang,
        scale=f"{s.scale:g}",
        rises=s.rises,
        steps=s.steps,
        peak=text("tutorial.c8.large.peak", lang, peak=fmt(s.peak), u=u) if s.peak > s.start else "",
        end=fmt(s.end),
        start=fmt(s.start),
        lr=f"{m.programs.lr:g}",
        std=std,
        u=u,
    )


def opened_code(at: AppTest) -> list[str]:
    """The programs' source, which is drawn only once its boxes are open: none before, both after."""
    assert not at.code
    for key in CODE_KEYS:
        at.session_state[key] = True
    code = [c.value for c in at.run().code]
    for key in CODE_KEYS:  # closed again: the view may be shared with other tests
        at.session_state[key] = False
    at.run()
    return code


def test_article_programs_numbers_sentences_and_source(default_view):
    at = default_view
    m = model_of(at)
    pr = m.programs
    s = article.article_binary_setup()
    fit = article.article_logistic_regression(s.X, s.y, s.weights, s.bias)
    assert column(at, 4, 1) == [fmt(v) for v in pr.printed_sum] == [fmt(v) for v in fit.printed_loss]
    assert column(at, 4, 2) == [fmt(v) for v in pr.printed_mean]
    assert set(column(at, 4, 3)) == {fmt(100, 2)}
    # the loss moves most of the way to its floor; the sentence says so with the run's numbers
    assert shows(at, moves_sentence(m)) and pr.moves.fraction >= 0.5
    assert TABLE["tutorial.c8.moves.most"][0].split("{")[0] in moves_sentence(m)
    # cross-entropy as a likelihood: the sentence and the examples
    assert shows(at, likelihood_sentence(m)) and "log loss" in likelihood_sentence(m)
    lk = pr.likelihood
    assert column(at, 5, 1) == list(lk.label)
    assert column(at, 5, 2) == [fmt(v) for v in lk.q_label] and column(at, 5, 3) == [fmt(v) for v in lk.surprise]
    # large inputs (default ×1000): the article's loss is NaN, the corrected one finite but unstable
    sc = pr.scaled
    assert set(column(at, 6, 1)) == {"NaN"}
    assert column(at, 6, 2) == [fmt(v) for v in sc.corrected] and all(math.isfinite(v) for v in sc.corrected)
    assert column(at, 6, 3) == [fmt(v) for v in sc.standardised]
    assert not sc.stable and shows(at, large_sentence(m))
    assert column(at, 7, 2) == ["∞", "NaN", "NaN", "∞"]
    assert column(at, 7, 3) == [fmt(v) for v in pr.single_stable] == [fmt(800), fmt(0), fmt(0), fmt(800)]
    assert column(at, 8, 2) == [fmt_percent(v) for v in pr.learn.held_out]
    code = opened_code(at)
    assert pr.article_code.strip() in code[0] and inspect.getsource(article.article_binary_loss).strip() in code[0]
    assert inspect.getsource(article.corrected_logistic_regression).strip() in code[1]


def test_input_scale_softmax_program_and_bits():
    at = run(unit="bits")
    at.select_slider(key="tutorial.sc").set_value(1.0).run()
    assert "NaN" not in column(at, 6, 1)
    at.get("button_group")[0].set_value("softmax").run()
    assert at.query_params["prog"] == "softmax" and at.query_params["sc"] == "1"
    m = model_of(at)
    pr = m.programs
    assert pr.kind == "softmax" and m.unit == "bits"
    s = article.article_softmax_setup()
    fit = article.article_softmax_regression(s.X, article.one_hot(s.y, 3), s.weights, s.bias)
    assert column(at, 4, 1) == [fmt(v) for v in pr.printed_sum] == [fmt(v / math.log(2)) for v in fit.printed_loss]
    assert set(column(at, 4, 3)) == {fmt(100, 2)}  # the ratio is N in any unit
    assert shows(at, moves_sentence(m)) and fmt(pr.moves.chance) == fmt(math.log2(3))
    assert shows(at, likelihood_sentence(m)) and "2^(−N·L)" in likelihood_sentence(m)
    assert pr.scaled.stable and shows(at, large_sentence(m))
    assert set(column(at, 7, 2)) == {"NaN"}
    code = opened_code(at)
    assert inspect.getsource(article.article_softmax_regression).strip() in code[0]
    assert inspect.getsource(article.corrected_softmax_regression).strip() in code[1]


def case_sentences(m: TutorialModel, lang: int = EN) -> list[str]:
    c = m.case_study
    return [
        text(
            "tutorial.c9.reading", lang, epochs=c.epochs, ce=pct(c.ce_accuracy, lang), mse=pct(c.mse_accuracy, lang)
        ),
        text(
            "tutorial.c9.why",
            lang,
            wrong=pct(c.start_wrong, lang),
            n_train=c.n_train,
            confident=pct(c.start_confident, lang),
            zc=f"{c.confident_z:g}",
            ratio_zc=fmt(c.confident_ratio, 1),
            median=fmt(c.start_median_ratio, 2),
        ),
        text(f"tutorial.c9.gap.{c.gap_case}", lang, factor=f"{c.mse_lr_factor:g}", gap=fmt(abs(c.gap_points), 1)),
        text("tutorial.c9.note", lang, u=unit_of(m, lang)),
    ]


def check_case_table(at: AppTest, m: TutorialModel) -> None:
    c = m.case_study
    df = at.table[9].value
    assert df.iloc[:, 1].tolist() == [f"{r:g}" for r in c.rates]
    assert df.iloc[:, 2].tolist() == [fmt_percent(v) for v in c.train_accuracy]
    assert df.iloc[:, 3].tolist() == [fmt_percent(v) for v in c.test_accuracy]
    assert df.iloc[:, 4].tolist() == [fmt(v) for v in c.final_loss]
    assert df.iloc[0, 0] == text("tutorial.c9.ce.unit", u=unit_of(m))  # cross-entropy in the reader's unit


def test_case_study_is_measured_here(default_view):
    at = default_view
    m = model_of(at)
    check_case_table(at, m)
    assert m.case_study.gap_case == "lag"
    for sentence in case_sentences(m):
        assert shows(at, sentence) or sentence in [c.value for c in at.caption], sentence


def test_case_study_controls_mse_learning_rate_and_unit():
    at = run(unit="bits")
    at.select_slider(key="tutorial.ep").set_value(30.0).run()
    choices = {b.key: b for b in at.get("button_group")}
    choices["tutorial.init"].set_value("small").run()
    choices["tutorial.mlr"].set_value(2.0).run()
    assert at.query_params["ep"] == "30" and at.query_params["init"] == "small" and at.query_params["mlr"] == "2"
    m = model_of(at)
    c = m.case_study
    assert (c.epochs, c.init, c.mse_lr_factor, c.mse_lr) == (30, "small", 2.0, pytest.approx(0.2))
    study = claims.cancer_ce_vs_mse(30, init="small", mse_lr_factor=2.0)
    assert c.final_loss[0] == pytest.approx(study.runs["ce"].final["loss"] / math.log(2))  # in bits
    check_case_table(at, m)
    for sentence in case_sentences(m):
        assert shows(at, sentence) or sentence in [x.value for x in at.caption], sentence
    legend = drawn_charts(at)[-1].spec
    assert text("tutorial.c9.mse.lr", lr="0.2") in legend
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
        mlr="4",
    )
    assert not at.warning
    assert metric(at, "H(P, Q)") == fmt(cross_entropy((0.2, 0.2, 0.6), (0.1, 0.3, 0.6), base=2))
    assert at.slider(key="tutorial.yh").value == 0.7 and at.radio(key="tutorial.y").value == 0
    assert [at.slider(key=f"tutorial.z.{j}").value for j in range(3)] == [0.0, 0.0, 1.0]
    assert at.radio(key="tutorial.c").value == 2
    assert at.select_slider(key="tutorial.sc").value == 10.0 and at.select_slider(key="tutorial.ep").value == 300.0
    assert model_of(at).case_study.mse_lr_factor == 4.0
    shared = parse_qs(urlparse(share_link(at)).query)
    assert shared["prog"] == ["softmax"] and shared["p"] == ["0.2,0.2,0.6"] and shared["mlr"] == ["4"]


def test_bad_link_values_warn_and_fall_back():
    at = run(p="a,b,c", q="0.5,0.5", yh="5", z="1,2", c="9", sc="7", prog="rust", ep="-3")
    warning = at.warning[0].value
    for key in ("p", "q", "yh", "z", "c", "prog", "ep"):
        assert f"`{key}`" in warning
    assert at.slider(key="tutorial.yh").value == 0.99  # clamped
    assert at.radio(key="tutorial.c").value == 2  # clamped
    assert metric(at, "H(P, Q)") == fmt(cross_entropy(claims.WEATHER_P, claims.WEATHER_Q))
    assert at.select_slider(key="tutorial.sc").value == 10.0  # snapped to the nearest scale
    at = run(mlr="3.1")
    assert "`mlr`" in at.warning[0].value
    assert model_of(at).case_study.mse_lr_factor == 4.0  # snapped to the nearest factor


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


def test_generated_sentences_in_chinese():
    at = run(lang="zh", prog="softmax", sc="100", init="small", mlr="2")
    m = model_of(at)
    assert m.programs.kind == "softmax" and not m.programs.scaled.stable
    for sentence in (moves_sentence(m, 1), likelihood_sentence(m, 1), large_sentence(m, 1), *claim_1_sentences(m, 1)):
        assert shows(at, sentence), sentence
    for sentence in case_sentences(m, 1):
        assert shows(at, sentence) or sentence in [c.value for c in at.caption], sentence


# --- text alternatives (issue 15): every chart's alt is the model's, in the reader's language ----------------------


MOVED = {"unit": "bits", "y": "0", "yh": "0.8", "p": "1,0,0"}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("params", [{}, MOVED], ids=["default", "moved"])
def test_every_chart_has_the_models_alt_text(lang, params):
    from xentcore.app.tutorial import sections as card

    at = run(lang=lang, **params)
    m = model_of(at)
    i = ("en", "zh").index(lang)

    def t(key, **values):
        return TABLE[key][i].format(**values) if values else TABLE[key][i]

    def percent(x):
        return fmt_percent(x, lang=lang)

    expected = [
        card.floor_alt(m.floor, m.unit, t),
        card.tangent_alt(m.binary_gradient, t),
        card.gradients_alt(m.mse_gradient, t),
        card.accuracy_alt(m.case_study, t, percent),
    ]
    alts = [c.alt for c in drawn_charts(at)]
    assert alts == [a.strip() for a in expected] and all(alts)
    assert fmt(m.floor.h_p) in alts[0] and fmt(m.binary_gradient.formula) in alts[1]
    assert not any(tg.value for tg in at.toggle if (tg.key or "").endswith(".data"))
