"""The loss-surfaces page through AppTest: renders, shows xentcore's surfaces and paths, links round-trip."""

import json
import math

import numpy as np
import pytest
from apptest_support import array, drawn_charts, open_app

from xentcore import surface as sf
from xentcore.app.format import fmt
from xentcore.app.surfaces import notes
from xentcore.app.surfaces.figures import DRAWN_SIDE
from xentcore.app.surfaces.model import build
from xentcore.app.surfaces.state import SCHEMA
from xentcore.app.ui.text import LANGUAGES, TABLE
from xentcore.datasets import make_dataset
from xentcore.surface import MAX_GRID

PAGE = "pages/3_loss_surfaces.py"
DEFAULT = {"data": "blobs", "n": 200, "noise": 0.0, "seed": 0, "grid": 80, "r": 6.0, "b": 0.0}
START, LR, STEPS = (-5.0, -2.0), 1.0, 100


def run(**params):
    return open_app(PAGE, **params)


def say(lang: str):
    """``t`` in one language, outside a Streamlit run."""
    i = LANGUAGES.index(lang)
    return lambda key, **values: TABLE[key][i].format(**values) if values else TABLE[key][i]


def model_of(unit="nats", **params):
    return build({**SCHEMA.defaults(), **params}, unit)


def figure(at, name: str) -> dict:
    """The figure of the chart with key ``surfaces.<name>``, as the JSON the browser receives."""
    (chart,) = [c for c in drawn_charts(at) if c.key == f"surfaces.{name}"]
    return json.loads(chart.spec)


def contour(fig: dict, i: int) -> np.ndarray:
    trace = [tr for tr in fig["data"] if tr["type"] == "contour"][i]
    z = trace["z"]
    return array(z).reshape(-1) if isinstance(z, dict) else np.asarray(z, dtype=float).reshape(-1)


def expected(
    data="blobs", n=200, noise=0.0, seed=0, grid=80, r=6.0, b=0.0, start=START, lr=LR, steps=STEPS, base=math.e
):
    ds = make_dataset(data, n=n, noise=noise, seed=seed)
    w1, w2 = sf.weight_grid(r, grid)
    surf = sf.loss_surface(ds.X, ds.y, w1, w2, b, base=base)
    ends = {}
    for loss in ("ce", "mse"):
        path = sf.gradient_descent(ds.X, ds.y, start, b, loss=loss, lr=lr, steps=steps)
        ce, mse = sf.path_losses(ds.X, ds.y, path, b, base=base)
        ends[loss] = (ce if loss == "ce" else mse)[-1]
    return surf, ends


def check(at, lang="en", **kw) -> None:
    surf, ends = expected(**kw)
    unit = TABLE[f"unit.short.{'bits' if kw.get('base') == 2.0 else 'nats'}"][LANGUAGES.index(lang)]
    assert [m.value for m in at.metric] == [f"{fmt(ends['ce'])} {unit}", fmt(ends["mse"])]  # MSE has no unit
    fig = figure(at, "contour_fig")
    drawn = surf.thinned(DRAWN_SIDE)  # the maps draw at most DRAWN_SIDE points a side of the computed grid
    np.testing.assert_allclose(contour(fig, 0), drawn.ce.astype(np.float32).ravel(), rtol=1e-6)
    np.testing.assert_allclose(contour(fig, 1), drawn.mse.astype(np.float32).ravel(), rtol=1e-6)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_renders_in_both_languages(lang):
    at = run(lang=lang)
    assert not at.exception
    assert not at.warning
    assert at.title[0].value == TABLE["nav.surfaces"][("en", "zh").index(lang)]
    check(at, lang)
    assert len(drawn_charts(at)) == 3  # data, contours, slice (3-D off by default)


def test_default_view_tells_the_story():
    at = run()
    _, ends = expected()
    # confidently wrong start on separable blobs: cross-entropy escapes, MSE stays on its plateau
    assert ends["mse"] > 0.9 and ends["ce"] < 0.05
    assert TABLE["surfaces.slice.nonconvex"][0].split("{")[0] in at.info[0].value
    assert float(at.metric[1].value) == pytest.approx(ends["mse"], abs=1e-4)
    # and the text says so: the blobs are separated, so cross-entropy has no minimum and its path cannot settle
    m = model_of()
    assert m.separation is not None and m.separation.strict and m.minimum is None
    assert notes.intro(m, say("en")) == at.markdown[0].value
    assert "no minimum" in at.markdown[0].value and "convex bowl" not in at.markdown[0].value
    captions = [c.value for c in at.caption]
    assert notes.descent(m, "ce", say("en")) in captions and "cannot settle" in notes.descent(m, "ce", say("en"))
    assert m.paths["mse"].trend == "flat" and "hardly changed" in notes.descent(m, "mse", say("en"))


def test_widgets_change_the_surfaces_and_paths():
    at = run()
    at.selectbox(key="surfaces.data").set_value("overlap").run()
    at.slider(key="surfaces.b").set_value(0.5).run()
    at.slider(key="surfaces.grid").set_value(40).run()
    at.slider(key="surfaces.w1").set_value(2.0).run()
    at.select_slider(key="surfaces.lr").set_value(0.3).run()
    at.slider(key="surfaces.steps").set_value(50).run()
    assert not at.exception
    check(at, data="overlap", b=0.5, grid=40, start=(2.0, -2.0), lr=0.3, steps=50)
    assert at.query_params["data"] == "overlap" and at.query_params["grid"] == "40"


def test_bits_and_the_article_data():
    at = run(unit="bits", data="article", n="500")
    assert not at.exception
    check(at, data="article", base=2.0)  # n is ignored: the tutorial's 100 points
    assert at.slider(key="surfaces.n").disabled


def test_three_d_toggle_and_slice():
    at = run()
    at.toggle(key="surfaces.d3").set_value(True).run()
    charts = drawn_charts(at)
    assert len(charts) == 4
    fig3d = figure(at, "3d_fig")
    assert [tr["type"] for tr in fig3d["data"]].count("surface") == 2
    at.slider(key="surfaces.ang").set_value(-45.0).run()
    sl = figure(at, "slice_fig")
    ds = make_dataset("blobs")
    ref = sf.loss_slice(ds.X, ds.y, 0.0, angle=-45.0, half_length=6.0)
    np.testing.assert_allclose(array(sl["data"][1]["y"]), ref.mse.astype(np.float32))


def test_share_link_reopens_the_view():
    at = run(
        data="moons", n="300", noise="0.2", seed="7", grid="50", r="4", b="-0.5", w1="1", w2="3", lr="0.3", steps="40"
    )
    assert not at.exception and not at.warning
    check(at, data="moons", n=300, noise=0.2, seed=7, grid=50, r=4.0, b=-0.5, start=(1.0, 3.0), lr=0.3, steps=40)


def test_grid_too_large_and_nan_are_clamped_or_dropped_with_a_message():
    at = run(grid="100000", b="nan", steps="-3")
    assert not at.exception
    text = at.warning[0].value
    assert "`grid`" in text and f"{MAX_GRID}" in text and "`b`" in text and "`steps`" in text
    fig = figure(at, "contour_fig")
    assert contour(fig, 0).size == DRAWN_SIDE**2  # drawn thinned
    (help_text,) = [s.help for s in at.slider if s.key == "surfaces.grid"]
    assert f"{MAX_GRID} × {MAX_GRID}" in help_text  # computed on the clamped grid
    check(at, grid=MAX_GRID, steps=1)


# --- the generated text, per data set and view -----------------------------------------------------------------

VIEWS = [
    ({}, {}),
    ({"data": "overlap"}, {"data": "overlap"}),
    ({"data": "moons", "r": "1"}, {"data": "moons", "r": 1.0}),
    ({"data": "article", "lr": "10"}, {"data": "article", "lr": 10.0}),
    ({"data": "xor", "b": "2"}, {"data": "xor", "b": 2.0}),
    ({"data": "blobs", "noise": "2"}, {"data": "blobs", "noise": 2.0}),
    ({"lr": "0.01", "steps": "5", "r": "2"}, {"lr": 0.01, "steps": 5, "r": 2.0}),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("link", "params"), VIEWS, ids=lambda v: ",".join(f"{k}={v}" for k, v in v.items()) or "default"
)
def test_every_sentence_is_the_models(link, params, lang):
    at = run(lang=lang, **link)
    assert not at.exception and not at.warning
    m = model_of(**params)
    t = say(lang)
    assert at.markdown[0].value == notes.intro(m, t)
    captions = [c.value for c in at.caption]
    for loss in ("ce", "mse"):
        assert notes.descent(m, loss, t) in captions
    assert notes.contour_caption(m, t) in captions
    assert [i.value for i in at.info] == list(notes.slice_notes(m, t))


@pytest.mark.parametrize(
    ("link", "params"), VIEWS[:6], ids=lambda v: ",".join(f"{k}={v}" for k, v in v.items()) or "default"
)
def test_the_intro_is_true_of_the_data(link, params):
    m = model_of(**params)
    ds = make_dataset(m.data_name, n=int(m.data.n), noise=float(params.get("noise", 0.0)))
    X, y = ds.X, ds.y
    if m.separation is not None:  # no minimum: the loss keeps falling along d, towards 0
        d = m.separation.direction
        ce, _ = sf.mean_losses(X, y, np.outer(d, [0.0, 10.0, 100.0, 1000.0]), m.b)
        assert np.all(np.diff(ce) < 0) and ce[-1] < 1e-6
        assert np.all(((2 * y - 1) * (X @ d)) > 0)  # the line d·x = 0 separates the classes
    else:  # a single minimum: zero gradient, lower than anywhere on a grid around it
        w = m.minimum.w
        np.testing.assert_allclose(sf.gradient(X, y, w, m.b, "ce"), 0.0, atol=1e-9)
        around = sf.loss_surface(X, y, w[0] + np.linspace(-1, 1, 9), w[1] + np.linspace(-1, 1, 9), m.b)
        assert m.minimum.ce <= around.ce.min() + 1e-12
        assert m.minimum_inside == bool(np.all(np.abs(w) <= m.r))
    assert m.mse_violations > 0 and m.ce_violations == 0


def test_minimum_marked_only_when_inside():
    at = run(data="overlap")
    names = [tr.get("name") for tr in figure(at, "contour_fig")["data"]]
    assert TABLE["surfaces.ce_minimum"][0] in names
    at = run(data="moons", r="1")
    names = [tr.get("name") for tr in figure(at, "contour_fig")["data"]]
    assert TABLE["surfaces.ce_minimum"][0] not in names
    assert "outside the plotted square" in at.markdown[0].value


def test_descent_that_overshoots_says_so():
    m = model_of(data="article", lr=10.0)
    ce = m.paths["ce"]
    assert ce.rises > 0 and np.count_nonzero(np.diff(ce.ce) > 0) == ce.rises
    assert f"{ce.rises} of its 100 steps" in notes.descent(m, "ce", say("en"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("link", "params"), [({}, {}), ({"data": "moons", "r": "1", "d3": "1"}, {"data": "moons", "r": 1.0})]
)
def test_every_chart_has_the_models_alt(link, params, lang):
    at = run(lang=lang, **link)
    assert not at.exception
    m, t = model_of(**params), say(lang)
    shown = [c.alt for c in drawn_charts(at)]
    want = [notes.contour_alt(m, t)]  # in page order: the landscapes come first, under the intro
    want += [notes.surface_alt(m, t)] if link.get("d3") else []
    assert shown == [*want, notes.data_alt(m, t), notes.slice_alt(m, t)]
    assert all(a.strip() for a in shown)


@pytest.mark.parametrize("grid, side", [(20, 20), (50, 50), (51, 50), (150, 50)])
def test_the_maps_draw_at_most_drawn_side_points_a_side_and_the_help_says_so(grid, side):
    at = run(grid=str(grid), d3="1")
    maps = [figure(at, "contour_fig"), figure(at, "3d_fig")]
    for fig in maps:
        for trace in [tr for tr in fig["data"] if tr["type"] in ("contour", "surface")]:
            assert contour_side(trace) == side
    (help_text,) = [s.help for s in at.slider if s.key == "surfaces.grid"]
    drawn_note = f"The pictures draw {side} × {side} of them"
    assert f"{grid} × {grid} weight pairs" in help_text and (drawn_note in help_text) == (grid > side)


def contour_side(trace: dict) -> int:
    x = trace["x"]
    n = len(array(x)) if isinstance(x, dict) else len(x)
    z = trace["z"]
    assert (array(z).size if isinstance(z, dict) else np.asarray(z).size) == n * n
    return n
