"""The loss-curves page through AppTest: renders, the probes show xentcore's numbers, links round-trip."""

import math

import numpy as np
import pytest
from apptest_support import array, figure, open_app

from xentcore import probes
from xentcore.app.format import fmt
from xentcore.app.ui.text import TABLE

PAGE = "pages/2_loss_curves.py"


def run(**params):
    return open_app(PAGE, **params)


def binary_table(at):
    return at.table[0].value


def multi_table(at):
    return at.table[1].value


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
    unit = TABLE[f"unit.short.{ {math.e: 'nats', 2.0: 'bits'}[base] }"][("en", "zh").index(lang)]
    assert at.metric[3].value == f"{fmt(pr.ce)} {unit}"
    assert at.metric[4].value == f"{fmt(pr.min_ce)} {unit}"
    assert at.metric[5].value == f"{fmt(pr.uniform_ce)} {unit}"


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
    at.slider(key="curves.z1").set_value(3.0).run()
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
    at.slider(key="curves.ty0").set_value(0.4).run()
    check_multi(at, (2.0, 1.0, 0.1), (0.4, 0.4, 0.2))


def test_share_link_reopens_the_view():
    at = run(y="0", z="2.5", zs="1,-2,0.5,3", c="3", temp="0.5", ls="0.1", log="1")
    assert not at.exception and not at.warning
    check_binary(at, 0, 2.5)
    check_multi(at, (1.0, -2.0, 0.5, 3.0), 3, temp=0.5, ls=0.1)
    assert at.toggle(key="curves.log").value
    assert at.slider(key="curves.z3").value == 3.0


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
    assert len(at.table) == 2
