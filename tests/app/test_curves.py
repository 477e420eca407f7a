"""The loss-curves page through AppTest: renders, the probes show xentcore's numbers, links round-trip."""

import inspect
import math

import numpy as np
import pytest
from apptest_support import array, drawn_charts, figure, open_app

from xentcore import probes
from xentcore.app.curves import notes
from xentcore.app.curves.model import build
from xentcore.app.curves.state import SCHEMA
from xentcore.app.format import fmt
from xentcore.app.ui.text import LANGUAGES, TABLE

PAGE = "pages/2_loss_curves.py"


def run(**params):
    return open_app(PAGE, **params)


def say(lang: str):
    """``t`` in one language, outside a Streamlit run."""
    i = LANGUAGES.index(lang)
    return lambda key, **values: TABLE[key][i].format(**values) if values else TABLE[key][i]


def model_of(unit="nats", **params):
    """The page model for link parameters given as their typed values."""
    return build({**SCHEMA.defaults(), **params}, unit)


def markdown(at) -> list[str]:
    return [e.value for e in at.markdown]


def binary_table(at):
    """The page shows it a row per quantity; returned a row per loss."""
    return at.table[0].value.T


def multi_table(at):
    """The page splits it in two (to fit a phone): joined again here."""
    return at.table[1].value.join(at.table[2].value)


def check_binary(at, y: int, z: float, base: float = math.e) -> None:
    pr = probes.binary_probe(y, z, base=base)
    assert [m.value for m in at.metric[:3]] == [fmt(pr.y_hat), fmt(pr.ce), f"{pr.ratio:.1f}×"]
    table = binary_table(at)
    expected = [
        [fmt(pr.ce), fmt(pr.dce_dp), fmt(pr.dce_dp_fd), fmt(pr.dce_dz), fmt(pr.dce_dz_fd)],
        [fmt(pr.mse), fmt(pr.dmse_dp), fmt(pr.dmse_dp_fd), fmt(pr.dmse_dz), fmt(pr.dmse_dz_fd)],
    ]
    assert table.values.tolist() == expected


def check_multi(at, zs, target, temp=1.0, ls=0.0, base=math.e, lang="en") -> None:
    pr = probes.multiclass_probe(zs, target, temperature=temp, smoothing=ls, base=base)
    table = multi_table(at)
    assert len(table) == len(zs)
    assert table.iloc[:, 1].tolist() == [fmt(v) for v in pr.y_hat]
    assert table.iloc[:, 3].tolist() == [fmt(v) for v in pr.grad_z]
    assert table.iloc[:, 4].tolist() == [fmt(v) for v in pr.grad_z_fd]
    assert table.iloc[:, 5].tolist() == [fmt(v) for v in pr.grad_p]
    unit_key = {math.e: "nats", 2.0: "bits"}[base]
    unit = TABLE[f"unit.short.{unit_key}"][("en", "zh").index(lang)]
    assert at.metric[3].value == f"{fmt(pr.ce)} {unit}"
    assert at.metric[4].value == f"{fmt(pr.min_ce)} {unit}"
    assert at.metric[5].value == f"{fmt(pr.uniform_ce)} {unit}"
    log = TABLE[f"curves.log.{unit_key}"][0]
    assert at.metric[5].label.endswith(f"{log} {len(zs)}")  # ln K in nats, log₂ K in bits


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_renders_in_both_languages_with_the_issue_numbers(lang):
    at = run(lang=lang)
    assert not at.exception
    assert not at.warning
    assert at.title[0].value == TABLE["nav.curves"][("en", "zh").index(lang)]
    check_binary(at, 1, -5.0)
    assert at.metric[2].value == "75.2×"  # the confidently wrong example of the issue
    assert "75.2" in at.info[0].value and "−0.0132" in at.info[0].value
    rows = binary_table(at).values.tolist()
    assert rows[0][3] == "−0.9933" and rows[1][3] == "−0.0132"
    check_multi(at, (2.0, 1.0, 0.1), 0, lang=lang)
    assert multi_table(at).iloc[0, 3] == "−0.3410"


def test_probe_slider_and_label_change_the_numbers_and_the_figure():
    at = run()
    at.slider(key="curves.z").set_value(1.5).run()
    check_binary(at, 1, 1.5)
    at.radio(key="curves.y").set_value(0).run()
    check_binary(at, 0, 1.5)
    fig = figure(at, 0)
    probes = [tr for tr in fig["data"] if tr.get("mode") == "markers"]
    assert [p["x"][0] for p in probes[1::2]] == [1.5, 1.5]  # the z panels
    assert at.query_params["z"] == "1.5" and at.query_params["y"] == "0"


def test_log_scale_shows_gradient_magnitudes():
    at = run()
    at.toggle(key="curves.log").set_value(True).run()
    fig = figure(at, 0)
    assert fig["layout"]["yaxis4"]["type"] == "log"
    ce_grad_z = array(fig["data"][9]["y"])  # panel 4: CE, MSE, probe
    assert (ce_grad_z >= 0).all()
    c = probes.binary_curves(1)
    np.testing.assert_allclose(ce_grad_z, np.abs(c.dce_dz).astype(np.float32))


def test_bits_rescale_cross_entropy():
    at = run(unit="bits")
    assert not at.exception
    check_binary(at, 1, -5.0, base=2.0)
    check_multi(at, (2.0, 1.0, 0.1), 0, base=2.0)


def test_multiclass_widgets():
    at = run()
    at.slider(key="curves.zs.1").set_value(3.0).run()
    check_multi(at, (2.0, 3.0, 0.1), 0)
    at.slider(key="curves.k").set_value(5).run()
    assert not at.exception
    zs = (2.0, 3.0, 0.1, 0.0, 0.0)
    check_multi(at, zs, 0)
    at.selectbox(key="curves.c").set_value(4).run()
    at.slider(key="curves.temp").set_value(2.0).run()
    at.slider(key="curves.ls").set_value(0.2).run()
    check_multi(at, zs, 4, temp=2.0, ls=0.2)
    assert float(at.metric[4].value.split()[0]) > 0  # smoothing: the best loss is above 0
    assert at.query_params["zs"] == "2,3,0.1,0,0"
    at.slider(key="curves.k").set_value(2).run()
    check_multi(at, (2.0, 3.0), 1, temp=2.0, ls=0.2)  # the target class follows K down


def test_soft_target():
    at = run()
    at.toggle(key="curves.soft").set_value(True).run()
    check_multi(at, (2.0, 1.0, 0.1), (0.7, 0.2, 0.1))
    at.slider(key="curves.ty.0").set_value(0.4).run()
    check_multi(at, (2.0, 1.0, 0.1), (0.4, 0.4, 0.2))


def test_share_link_reopens_the_view():
    at = run(y="0", z="2.5", zs="1,-2,0.5,3", c="3", temp="0.5", ls="0.1", log="1")
    assert not at.exception and not at.warning
    check_binary(at, 0, 2.5)
    check_multi(at, (1.0, -2.0, 0.5, 3.0), 3, temp=0.5, ls=0.1)
    assert at.toggle(key="curves.log").value
    assert at.slider(key="curves.zs.3").value == 3.0


@pytest.mark.parametrize(
    "params, key",
    [
        ({"z": "99"}, "z"),
        ({"zs": "1,nan,2"}, "zs"),
        ({"zs": "1,2", "c": "5"}, "c"),
        ({"ty": "0.5,0.5"}, "ty"),
        ({"temp": "abc"}, "temp"),
        ({"ls": "inf"}, "ls"),
    ],
)
def test_bad_link_values_warn_and_fall_back(params, key):
    at = run(**params)
    assert not at.exception
    assert len(at.warning) == 1 and f"`{key}`" in at.warning[0].value
    assert len(at.table) == 3


# --- the generated sentences, checked against the model -------------------------------------------------------

# one link per case of the temperature text: the limit as T → 0 depends on the target, not only on the class
TEMPERATURE_CASES = {
    "one-hot right": ({}, {}, "curves.temp.cold.zero"),
    "one-hot wrong": ({"c": "2"}, {"c": 2}, "curves.temp.cold.inf"),
    "smoothed": ({"ls": "0.2"}, {"ls": 0.2}, "curves.temp.cold.inf"),
    "soft target": ({"soft": "1"}, {"soft": True}, "curves.temp.cold.inf"),
    "tied, target on them": (
        {"zs": "1,1,0", "soft": "1", "ty": "0.5,0.5,0"},
        {"zs": (1.0, 1.0, 0.0), "soft": True, "ty": (0.5, 0.5, 0.0)},
        "curves.temp.cold.tied",
    ),
    "tied, one-hot on one": ({"zs": "1,1,0"}, {"zs": (1.0, 1.0, 0.0)}, "curves.temp.cold.tied"),
    "tied, target elsewhere": ({"zs": "1,1,0", "c": "2"}, {"zs": (1.0, 1.0, 0.0), "c": 2}, "curves.temp.cold.inf_tied"),
    "all equal": ({"zs": "0.5,0.5,0.5", "ls": "0.1"}, {"zs": (0.5, 0.5, 0.5), "ls": 0.1}, "curves.temp.constant"),
}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", list(TEMPERATURE_CASES))
def test_temperature_text_matches_the_sweep(case, lang):
    link, params, key = TEMPERATURE_CASES[case]
    at = run(lang=lang, **link)
    assert not at.exception and not at.warning
    m = model_of(**params).multiclass
    text = notes.temperature_text(m, say(lang))
    assert text in markdown(at)
    lead = TABLE[key][LANGUAGES.index(lang)].split("{")[0]
    assert lead in text
    lim = m.limits
    # what the chosen sentence says is what the sweep does: at the coldest plotted T (0.1) and colder still
    cold = probes.temperature_sweep(m.probe.z, m.target, [1e-3], smoothing=m.smoothing)[0]
    if key == "curves.temp.cold.zero":
        assert lim.cold == 0.0 and cold < 1e-12 and m.sweep[0] < m.sweep[-1]
    elif key in ("curves.temp.cold.inf", "curves.temp.cold.inf_tied"):
        assert math.isinf(lim.cold) and cold > 100 and fmt(lim.rate) in text
    elif key == "curves.temp.cold.tied":
        assert cold == pytest.approx(math.log(len(lim.top))) and fmt(lim.cold) in text
    else:
        np.testing.assert_allclose(m.sweep, math.log(m.k))
    if key != "curves.temp.constant":
        assert fmt(m.sweep[0]) in text and fmt(m.sweep[-1]) in text and fmt(lim.hot) in text
    smoothing_note = TABLE["curves.temp.smoothing"][LANGUAGES.index(lang)].split("{")[0]
    assert (smoothing_note in text) == (m.smoothing > 0 and math.isinf(lim.cold))


def test_temperature_text_in_bits_uses_log2():
    at = run(unit="bits", ls="0.2")
    m = model_of(unit="bits", ls=0.2).multiclass
    text = notes.temperature_text(m, say("en"))
    assert text in markdown(at)
    assert f"log₂ 3 = {fmt(math.log2(3))} bits" in text
    assert fmt(m.limits.rate) == fmt(probes.temperature_limits(m.probe.z, 0, smoothing=0.2).rate / math.log(2))


@pytest.mark.parametrize(
    ("link", "params", "regime"),
    [
        ({}, {}, "wrong"),
        ({"z": "0.5"}, {"z": 0.5}, "middle"),
        ({"z": "3"}, {"z": 3.0}, "right"),
        ({"y": "0", "z": "3"}, {"y": 0, "z": 3.0}, "wrong"),
        ({"y": "0", "z": "-1"}, {"y": 0, "z": -1.0}, "middle"),
    ],
)
def test_binary_callout_follows_the_probe(link, params, regime):
    at = run(**link)
    m = model_of(**params).binary
    assert m.regime == regime
    p = m.probe.p_true
    assert {"wrong": p < 0.1, "middle": 0.1 <= p <= 0.9, "right": p > 0.9}[regime]
    assert at.info[0].value == notes.binary_callout(m, say("en"))
    assert fmt(m.probe.dce_dz) in at.info[0].value and f"{m.probe.ratio:.1f}" in at.info[0].value


def test_bits_state_the_gradient_limit_and_ratio_in_bits():
    at = run(unit="bits", z="0.5")
    m = model_of(unit="bits", z=0.5).binary
    assert m.grad_limit == pytest.approx(1 / math.log(2))
    captions = [c.value for c in at.caption]
    assert notes.gradient_caption(m, say("en")) in captions and "1/ln 2 ≈ 1.44" in captions[0]
    assert "ln 2)" in at.info[0].value  # the ratio formula in bits
    # the largest |∂CE/∂z| the figure draws in bits is below that limit
    assert np.abs(m.curves.dce_dz).max() <= m.grad_limit


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("unit", ["nats", "bits"])
def test_every_chart_has_the_models_alt(lang, unit):
    at = run(z="-4", unit=unit, lang=lang)
    assert not at.exception
    m = model_of(unit, z=-4.0)
    shown = [c.alt for c in drawn_charts(at)]
    assert len(shown) == 3 and all(a.strip() for a in shown)
    assert shown[0] == notes.binary_alt(m.binary, say(lang))
    assert shown[1] == notes.multiclass_alt(m.multiclass, say(lang))
    assert shown[2] == notes.temperature_alt(m.multiclass, say(lang))


def test_the_gradient_source_is_drawn_only_once_its_box_is_opened():
    from xentcore.app.curves.model import GRADIENT_SOURCES

    at = open_app("pages/2_loss_curves.py")
    assert not at.exception and not at.code  # closed: no code block, so no syntax highlighter to load
    at.session_state["curves.source"] = True  # what the browser sends when the reader opens it
    at.run()
    assert [c.value for c in at.code] == [inspect.getsource(f).rstrip("\n") for f in GRADIENT_SOURCES]
