"""Drawing-plane geometry and the race figure: polygons checked point by point against the model, the PCA against
scikit-learn, the animation's synchronisation, and the figure's structure and size."""

import json
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.decomposition import PCA

from xentcore.app.race.figures import LABEL_KEYS, RUN_COLOURS, race_figure, status_text
from xentcore.app.race.geometry import (
    PROBABILITY_LEVELS,
    binary_logit,
    bounding_box,
    class_regions,
    clip_half_plane,
    line_in_box,
    make_projection,
    polygon_area,
    probability_strips,
    race_animation,
)
from xentcore.datasets import make_dataset, train_test_split
from xentcore.losses import sigmoid
from xentcore.models import logits, predict
from xentcore.training import race

BOX = (-2.0, 3.0, -1.0, 2.0)
BOX_AREA = 5.0 * 3.0
LABELS = {k: k for k in LABEL_KEYS} | {
    "status": "epoch {epoch}: loss {loss}, accuracy {accuracy}",
    "diverged": "diverged at epoch {epoch}",
    "train": "{name} (train)",
    "test": "{name} (test)",
}
TITLES = {"logistic_ce": "logistic + CE", "softmax_ce": "softmax + CE", "mse": "MSE"}


def _inside(poly: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Points strictly inside a convex polygon (either orientation), by the signs of the edge cross products."""
    if poly.shape[0] < 3:
        return np.zeros(len(pts), dtype=bool)
    edges = np.roll(poly, -1, axis=0) - poly
    rel = pts[:, None, :] - poly[None, :, :]
    cross = edges[None, :, 0] * rel[:, :, 1] - edges[None, :, 1] * rel[:, :, 0]
    return (cross > 1e-9).all(axis=1) | (cross < -1e-9).all(axis=1)


def _grid_points(n=60):
    x = np.linspace(BOX[0], BOX[1], n)[1:-1]
    y = np.linspace(BOX[2], BOX[3], n)[1:-1]
    return np.stack(np.meshgrid(x, y), axis=-1).reshape(-1, 2)


finite = st.floats(-3, 3, allow_nan=False)


@settings(max_examples=50, deadline=None)
@given(st.lists(finite, min_size=6, max_size=6), st.lists(finite, min_size=3, max_size=3))
def test_class_regions_agree_with_argmax(w, b):
    W2 = np.array(w).reshape(2, 3)
    b2 = np.array(b)
    regions = class_regions(W2, b2, BOX)
    assert sum(polygon_area(p) for p in regions) == pytest.approx(BOX_AREA, rel=1e-9)
    pts = _grid_points()
    owner = np.full(len(pts), -1)
    for c, poly in enumerate(regions):
        inside = _inside(poly, pts)
        assert not (inside & (owner >= 0)).any()  # regions do not overlap
        owner[inside] = c
    top2 = np.sort(pts @ W2 + b2, axis=1)[:, -2:]
    clear = top2[:, 1] - top2[:, 0] > 1e-9  # not a tie, which either side may win (e.g. weights of 5e-324)
    known = (owner >= 0) & clear  # points exactly on an edge belong to no open polygon
    np.testing.assert_array_equal(owner[known], predict(pts[known], W2, b2))


@settings(max_examples=50, deadline=None)
@given(finite, finite, finite)
def test_probability_strips_hold_their_levels(w1, w2, c):
    w = np.array([w1, w2])
    strips = probability_strips(w, c, BOX)
    assert len(strips) == len(PROBABILITY_LEVELS) + 1
    assert sum(polygon_area(p) for p in strips) == pytest.approx(BOX_AREA, rel=1e-9)
    pts = _grid_points(40)
    p = sigmoid(pts @ w + c)
    bounds = (0.0, *PROBABILITY_LEVELS, 1.0)
    for k, poly in enumerate(strips):
        inside = _inside(poly, pts)
        assert ((p[inside] >= bounds[k] - 1e-9) & (p[inside] <= bounds[k + 1] + 1e-9)).all()


def test_binary_regions_and_the_boundary_line():
    w, c = np.array([1.0, -2.0]), 0.5
    regions = class_regions(w[:, None], np.array([c]), BOX)
    pts = _grid_points()
    np.testing.assert_array_equal(_inside(regions[1], pts), (pts @ w + c) > 0)
    seg = line_in_box(w, c, BOX)
    assert seg.shape == (2, 2)
    np.testing.assert_allclose(seg @ w + c, 0.0, atol=1e-12)
    # Both ends on the box's edge.
    for x, y in seg:
        on_edge = min(abs(x - BOX[0]), abs(x - BOX[1]), abs(y - BOX[2]), abs(y - BOX[3]))
        assert on_edge < 1e-12
    assert line_in_box(np.array([1.0, 0.0]), -10.0, BOX).shape == (0, 2)  # x = 10 misses the box
    assert line_in_box(np.zeros(2), 1.0, BOX).shape == (0, 2)


def test_clip_half_plane_by_hand():
    square = np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])
    half = clip_half_plane(square, np.array([1.0, 0.0]), -1.0)  # x >= 1
    assert polygon_area(half) == pytest.approx(2.0)
    assert (half[:, 0] >= 1.0 - 1e-12).all()
    tri = clip_half_plane(square, np.array([-1.0, -1.0]), 1.0)  # x + y <= 1
    assert polygon_area(tri) == pytest.approx(0.5)
    assert clip_half_plane(square, np.array([1.0, 0.0]), -5.0).shape == (0, 2)


def test_binary_logit_of_softmax_columns():
    W2 = np.array([[1.0, 3.0], [0.0, -1.0]])
    b2 = np.array([0.5, 0.0])
    w, c = binary_logit(W2, b2)
    np.testing.assert_array_equal(w, [2.0, -1.0])
    assert c == -0.5
    with pytest.raises(ValueError, match="one or two"):
        binary_logit(np.zeros((2, 3)), np.zeros(3))


def test_pca_projection_matches_scikit_learn():
    ds = make_dataset("cancer")
    proj = make_projection(ds.X, ds.feature_names)
    sk = PCA(n_components=2).fit(ds.X)
    assert proj.method == "pca"
    np.testing.assert_allclose(proj.explained, sk.explained_variance_ratio_, rtol=1e-9)
    np.testing.assert_allclose(np.abs(proj.basis.T @ sk.components_.T), np.eye(2), atol=1e-9)
    np.testing.assert_allclose(np.abs(proj.project(ds.X)), np.abs(sk.transform(ds.X)), atol=1e-9)


def test_plane_params_give_the_models_logits_on_the_plane():
    ds = make_dataset("iris")
    rng = np.random.default_rng(0)
    W, b = rng.standard_normal((4, 3)), rng.standard_normal(3)
    for features in (None, (1, 3)):
        proj = make_projection(ds.X, ds.feature_names, features)
        u = rng.standard_normal((20, 2))
        x = proj.origin + u @ proj.basis.T
        W2, b2 = proj.plane_params(W, b)
        np.testing.assert_allclose(logits(u, W2, b2), logits(x, W, b), atol=1e-12)
        np.testing.assert_allclose(proj.project(x), u, atol=1e-12)
    chosen = make_projection(ds.X, ds.feature_names, (1, 3))
    assert chosen.axis_names == (ds.feature_names[1], ds.feature_names[3])
    np.testing.assert_allclose(chosen.project(ds.X), ds.X[:, [1, 3]])
    two = make_dataset("blobs")
    assert make_projection(two.X, two.feature_names).method == "identity"
    with pytest.raises(ValueError, match="two different"):
        make_projection(ds.X, ds.feature_names, (2, 2))


def _race(name="overlap", n=300, **kw):
    tr, te = train_test_split(make_dataset(name, n=n))
    result = race(tr, te, **({"lr": 0.3, "epochs": 300} | kw))
    proj = make_projection(tr.X, tr.feature_names)
    box = bounding_box(np.vstack([proj.project(tr.X), proj.project(te.X)]))
    return tr, te, result, proj, race_animation(result, proj, box)


def test_animation_is_synchronised_by_epoch():
    _, _, result, proj, anim = _race()
    assert anim.frame_epochs[0] == 0 and anim.frame_epochs[-1] == 300
    assert len(anim.frame_epochs) <= 101
    for key, frames in anim.runs.items():
        run = result.runs[key]
        np.testing.assert_array_equal(frames.epoch, anim.frame_epochs)
        np.testing.assert_array_equal(frames.curve_epoch, np.arange(0, 301, anim.curve_step))
        assert frames.curve_upto[-1] == len(frames.curve_epoch)
        np.testing.assert_array_equal(frames.curve_loss, run.history["loss"][frames.curve_epoch])
        # The last frame draws the final model: its p = 0.5 line is the model's boundary in the plane.
        W2, b2 = proj.plane_params(run.W, run.b)
        w, c = binary_logit(W2, b2)
        np.testing.assert_allclose(frames.boundary[-1] @ w + c, 0.0, atol=1e-9)


def test_a_diverged_run_freezes_and_says_so():
    _, _, result, _, anim = _race(lr=10.0, l2=0.3, epochs=1000)
    diverged = {k: r.diverged_at for k, r in result.runs.items() if r.diverged_at is not None}
    assert diverged
    for key, k in diverged.items():
        frames = anim.runs[key]
        assert frames.epoch.max() == k - 1
        later = np.flatnonzero(anim.frame_epochs >= k)
        for f in later:
            assert status_text(LABELS, anim, key, f) == f"diverged at epoch {k}"
        assert status_text(LABELS, anim, key, len(anim.frame_epochs) - 1) == f"diverged at epoch {k}"
    assert status_text(LABELS, anim, "mse", 0).startswith("epoch 0: loss")


def _decode(spec: dict) -> np.ndarray:
    import base64

    return np.frombuffer(base64.b64decode(spec["bdata"]), dtype=spec["dtype"])


@pytest.mark.parametrize(("name", "n", "epochs"), [("overlap", 1000, 300), ("iris", 0, 2000)])
def test_race_figure_structure_and_size(name, n, epochs):
    tr, te, result, proj, anim = _race(name, n=n or 100, epochs=epochs, lr=0.1)
    fig = race_figure(
        anim,
        proj.project(tr.X),
        tr.y,
        proj.project(te.X),
        te.y,
        run_titles=TITLES,
        class_names=tr.class_names,
        labels=LABELS,
        loss_factors={"logistic_ce": 1 / math.log(2)},
    )
    spec = json.loads(fig.to_json())
    assert len(fig.to_json()) < 2_000_000
    frames = spec["frames"]
    assert 2 <= len(frames) <= 101
    assert [f["name"] for f in frames] == [str(int(e)) for e in anim.frame_epochs]
    menu = spec["layout"]["updatemenus"][0]
    assert menu["type"] == "buttons"
    assert [b["method"] for b in menu["buttons"]] == ["animate"] * 3
    assert menu["buttons"][0]["args"][1]["frame"]["duration"] <= 50  # 20 frames per second or more
    assert menu["buttons"][1]["args"][0] == [None]  # the documented Pause idiom
    slider = spec["layout"]["sliders"][0]
    assert [s["args"][0] for s in slider["steps"]] == [[f["name"]] for f in frames]
    for frame in frames:
        assert len(frame["data"]) == len(frame["traces"])
        assert max(frame["traces"]) < len(spec["data"])
    # Axis ranges are fixed (frames do not autorange).
    for axis in ("xaxis", "yaxis", "xaxis2", "yaxis2", "xaxis3", "yaxis3"):
        assert len(spec["layout"][axis]["range"]) == 2
    # The loss curves grow one point per frame and end at the history, converted where asked.
    loss_traces = [t for t in spec["data"] if t.get("yaxis") == "y2"]
    assert len(loss_traces) == 3
    last = frames[-1]["data"][frames[-1]["traces"].index(spec["data"].index(loss_traces[0]))]
    expected = result.runs["logistic_ce"].history["loss"][anim.runs["logistic_ce"].curve_epoch] / math.log(2)
    np.testing.assert_allclose(last["y"], expected, rtol=1e-3)
    # Colours: each run keeps its palette colour.
    assert [t["line"]["color"] for t in loss_traces] == [RUN_COLOURS[k] for k in TITLES]
    # The training points are drawn once per panel.
    points = [t for t in spec["data"] if t.get("mode") == "markers" and "(train)" in t["name"]]
    assert sum(len(_decode(t["x"])) for t in points) == 3 * tr.n


def test_race_figure_needs_every_label():
    tr, _, _, proj, anim = _race(n=60, epochs=10)
    with pytest.raises(ValueError, match="labels missing: play"):
        race_figure(
            anim,
            proj.project(tr.X),
            tr.y,
            None,
            None,
            run_titles=TITLES,
            class_names=tr.class_names,
            labels={k: v for k, v in LABELS.items() if k != "play"},
        )
