"""Loss surfaces against xentcore.losses point by point, a slow reference loop, scikit-learn's optimum,
finite differences, and the convexity facts the page shows."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog, minimize
from sklearn.linear_model import LogisticRegression

from xentcore import losses
from xentcore.datasets import make_dataset
from xentcore.surface import (
    MAX_GRID,
    Surface,
    ce_minimum,
    concave_points,
    gradient,
    gradient_descent,
    loss_slice,
    loss_surface,
    mean_losses,
    midpoint_violations,
    path_losses,
    separation,
    weight_grid,
)


def blobs_like(n: int, seed: int, gap: float = 1.0):
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    X = rng.standard_normal((n, 2)) + gap * (2 * y[:, None] - 1)
    return X, y


def slow_surface(X, y, w1, w2, b):
    """The reference: one call of xentcore.losses per grid point."""
    ce = np.empty((w2.size, w1.size))
    sq = np.empty_like(ce)
    for i, v in enumerate(w2):
        for j, u in enumerate(w1):
            z = X @ np.array([u, v]) + b
            ce[i, j] = losses.binary_cross_entropy_with_logits(y, z)
            sq[i, j] = losses.mse_with_logits(y, z)
    return ce, sq


# --- values -------------------------------------------------------------------------------------------------


def test_surface_matches_losses_at_sample_points():
    ds = make_dataset("overlap", n=500, seed=3)
    w1, w2 = weight_grid(6.0, 100)
    s = loss_surface(ds.X, ds.y, w1, w2, b=0.4)
    for i, j in ((0, 0), (99, 0), (17, 63), (50, 50), (99, 99)):
        z = ds.X @ np.array([w1[j], w2[i]]) + 0.4
        assert s.ce[i, j] == pytest.approx(losses.binary_cross_entropy_with_logits(ds.y, z), rel=1e-12)
        assert s.mse[i, j] == pytest.approx(losses.mse_with_logits(ds.y, z), rel=1e-12)


@pytest.mark.parametrize("n", [1, 7, 300, 150_000])  # 150 000 rows: one grid column per block
def test_vectorised_equals_slow_loop(n):
    X, y = blobs_like(n, seed=n)
    w1 = np.linspace(-30.0, 30.0, 7)  # large weights: saturated sigmoids, |z| in the hundreds
    w2 = np.linspace(-3.0, 5.0, 5)
    s = loss_surface(X, y, w1, w2, b=-1.3)
    ce, sq = slow_surface(X, y, w1, w2, -1.3)
    np.testing.assert_allclose(s.ce, ce, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(s.mse, sq, rtol=1e-12, atol=1e-14)


def test_bits_rescale_cross_entropy_only():
    X, y = blobs_like(50, seed=1)
    w1, w2 = weight_grid(2.0, 5)
    nats = loss_surface(X, y, w1, w2)
    bits = loss_surface(X, y, w1, w2, base=2)
    np.testing.assert_allclose(bits.ce, nats.ce / math.log(2))
    np.testing.assert_array_equal(bits.mse, nats.mse)


def test_grid_minimum_is_near_scikit_learns_optimum():
    # no intercept and no penalty: scikit-learn minimises exactly our mean CE with b = 0
    ds = make_dataset("overlap", n=400, seed=0)
    ref = LogisticRegression(fit_intercept=False, C=np.inf, tol=1e-10, max_iter=1000).fit(ds.X, ds.y)
    w1, w2 = weight_grid(3.0, 121)
    found = np.array(loss_surface(ds.X, ds.y, w1, w2).argmin("ce"))
    step = w1[1] - w1[0]
    assert np.all(np.abs(found - ref.coef_[0]) <= step)


def test_gradient_matches_finite_differences():
    ds = make_dataset("moons", n=120, seed=2)
    for loss in ("ce", "mse"):
        for w in ((0.3, -1.2), (-4.0, 4.0), (2.0, 0.5)):

            def f(v, loss=loss):
                ce, sq = mean_losses(ds.X, ds.y, np.asarray(v)[:, None], 0.2)
                return float((ce if loss == "ce" else sq)[0])

            fd = losses.finite_difference(f, w, h=1e-5)
            np.testing.assert_allclose(gradient(ds.X, ds.y, w, 0.2, loss), fd, rtol=1e-5, atol=1e-10)


# --- gradient descent ------------------------------------------------------------------------------------------


def test_gradient_descent_steps():
    ds = make_dataset("overlap", n=100, seed=0)
    path = gradient_descent(ds.X, ds.y, (1.0, -2.0), 0.1, loss="ce", lr=0.5, steps=3)
    assert path.shape == (4, 2)
    np.testing.assert_array_equal(path[0], [1.0, -2.0])
    expected = path[0] - 0.5 * gradient(ds.X, ds.y, path[0], 0.1, "ce")
    np.testing.assert_allclose(path[1], expected, rtol=1e-15)


def test_cross_entropy_descent_decreases_the_loss():
    ds = make_dataset("overlap", n=200, seed=4)
    path = gradient_descent(ds.X, ds.y, (-4.0, 3.0), 0.0, loss="ce", lr=1.0, steps=60)
    ce, _ = path_losses(ds.X, ds.y, path, 0.0)
    assert np.all(np.diff(ce) <= 1e-12)


def test_mse_stalls_on_its_plateau_where_cross_entropy_moves():
    # blobs with every point confidently misclassified: MSE's gradient has all but vanished
    ds = make_dataset("blobs", n=200, seed=0)
    start = (-4.0, -4.0)
    ce_path = gradient_descent(ds.X, ds.y, start, 0.0, loss="ce", lr=1.0, steps=20)
    mse_path = gradient_descent(ds.X, ds.y, start, 0.0, loss="mse", lr=1.0, steps=20)
    ce_moved = np.linalg.norm(ce_path[-1] - start)
    mse_moved = np.linalg.norm(mse_path[-1] - start)
    assert ce_moved > 20 * mse_moved
    _, sq = path_losses(ds.X, ds.y, mse_path, 0.0)
    assert sq[-1] > 0.9  # still almost every point wrong


# --- convexity --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["article", "blobs", "overlap", "moons", "xor"])
def test_cross_entropy_surface_is_midpoint_convex(name):
    ds = make_dataset(name, n=300, seed=1)
    w1, w2 = weight_grid(8.0, 60)
    for b in (-1.0, 0.0, 2.5):
        assert midpoint_violations(loss_surface(ds.X, ds.y, w1, w2, b).ce) == 0


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), gap=st.floats(0.0, 3.0), b=st.floats(-3.0, 3.0))
def test_cross_entropy_convex_on_random_data(seed, gap, b):
    X, y = blobs_like(80, seed, gap)
    w1, w2 = weight_grid(10.0, 25)
    assert midpoint_violations(loss_surface(X, y, w1, w2, b).ce) == 0


def test_mse_slice_is_not_convex():
    # blobs, b = 0, the line w = t (1, 1)/√2: from all wrong (t < 0) to all right (t > 0), an S shape
    ds = make_dataset("blobs", n=200, seed=0)
    sl = loss_slice(ds.X, ds.y, 0.0, angle=45.0, half_length=6.0, n=121)
    assert concave_points(sl.mse).any()
    assert not concave_points(sl.ce).any()
    # one midpoint inequality, evaluated directly at three weights
    a, m, c = (np.array([1.0, 1.0]) * t / math.sqrt(2) for t in (-4.0, -1.0, 2.0))
    _, sq = mean_losses(ds.X, ds.y, np.stack([a, m, c]).T, 0.0)
    assert sq[1] > (sq[0] + sq[2]) / 2
    # and the plateau: far on the wrong side the MSE barely changes while the cross-entropy keeps climbing
    assert abs(sl.mse[0] - sl.mse[10]) < 0.01 * abs(sl.ce[0] - sl.ce[10])


def test_midpoint_violations_detects_a_concave_function():
    g = np.linspace(-1, 1, 9)
    x, y = np.meshgrid(g, g)
    assert midpoint_violations(x**2 + y**2) == 0
    assert midpoint_violations(-(x**2)) > 0
    assert midpoint_violations(np.abs(x - y)) == 0


# --- separation and the minimum -----------------------------------------------------------------------------


def lp_separates(X, y) -> tuple[bool, bool]:
    """(some direction d has s_i d·x_i >= 0 for all i and > 0 for some, every s_i d·x_i > 0), by linear
    programming (SciPy's HiGHS), independent of the angular method under test."""
    a = (2 * np.asarray(y) - 1)[:, None] * np.asarray(X, dtype=float)
    box = [(-1, 1), (-1, 1)]
    # weak: maximise Σ a_i·d subject to a_i·d >= 0
    weak = linprog(-a.sum(axis=0), A_ub=-a, b_ub=np.zeros(len(a)), bounds=box)
    # strict: maximise s subject to a_i·d >= s, s <= 1
    strict = linprog(
        [0, 0, -1], A_ub=np.column_stack([-a, np.ones(len(a))]), b_ub=np.zeros(len(a)), bounds=[*box, (None, 1)]
    )
    return -weak.fun > 1e-9, -strict.fun > 1e-9


small_sets = st.integers(3, 12).flatmap(
    lambda n: st.tuples(
        st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=n, max_size=n),
        st.lists(st.integers(0, 1), min_size=n, max_size=n),
    )
)


@settings(max_examples=300, deadline=None)
@given(data=small_sets)
def test_separation_agrees_with_linear_programming(data):
    # integer points: exact ties (points on the separating line, at the origin) are common
    X, y = np.array(data[0], dtype=float), np.array(data[1])
    sep = separation(X, y)
    weak, strict = lp_separates(X, y)
    assert (sep is not None) == weak
    if sep is not None:
        assert sep.strict == strict
        a = (2 * y - 1)[:, None] * X
        margins = a @ sep.direction
        assert margins.min() >= -1e-12 and margins.max() > 0
        assert np.linalg.norm(sep.direction) == pytest.approx(1.0)


def _labelled_by(direction, points):
    """Labels from the side of the line through 0 normal to ``direction``; a point on the line gets either."""
    sides = [direction[0] * x + direction[1] * y for x, y in points]
    return st.tuples(*[st.integers(0, 1) if s == 0 else st.just(int(s > 0)) for s in sides])


# separable by construction (weakly where a point lies on the line): random sets are rarely separable
separable_sets = st.tuples(st.integers(-3, 3), st.integers(-3, 3)).filter(lambda d: d != (0, 0)).flatmap(
    lambda d: st.lists(st.tuples(st.integers(-3, 3), st.integers(-3, 3)), min_size=3, max_size=12).flatmap(
        lambda pts: st.tuples(st.just(pts), _labelled_by(d, pts).map(list))
    )
)


@settings(max_examples=60, deadline=None)
@given(data=separable_sets, b=st.floats(-2.0, 2.0))
def test_cross_entropy_falls_along_the_separating_direction(data, b):
    X, y = np.array(data[0], dtype=float), np.array(data[1])
    sep = separation(X, y)
    assume(sep is not None)
    ts = np.array([0.0, 1.0, 10.0, 100.0, 1e4])
    ce, _ = mean_losses(X, y, (ts[:, None] * sep.direction).T, b)
    # lower at every step out, until rounding (of order eps · |z|, with |z| up to 1e4 · 3) stops it
    assert ce[1] < ce[0] and np.all(np.diff(ce) <= 1e-14 * ts[1:])
    if sep.strict:
        assert ce[-1] < 1e-12  # towards 0
    else:
        assert ce[-1] > 1e-3  # the points on the line keep their loss
    assert ce_minimum(X, y, b) is None if np.linalg.matrix_rank(X) == 2 else True


@settings(max_examples=60, deadline=None)
@given(data=small_sets, b=st.floats(-2.0, 2.0))
def test_without_separation_the_minimum_is_where_scipy_finds_it(data, b):
    X, y = np.array(data[0], dtype=float), np.array(data[1])
    assume(separation(X, y) is None and np.linalg.matrix_rank(X) == 2)
    m = ce_minimum(X, y, b)
    assert m is not None and m.iterations < 50
    np.testing.assert_allclose(gradient(X, y, m.w, b, "ce"), 0.0, atol=1e-9)

    def f(w):
        return float(mean_losses(X, y, np.asarray(w)[:, None], b)[0][0])

    ref = minimize(f, np.zeros(2), jac=lambda w: gradient(X, y, w, b, "ce"), method="BFGS", tol=1e-12)
    assert m.ce <= ref.fun + 1e-12
    np.testing.assert_allclose(m.w, ref.x, atol=1e-4)


@pytest.mark.parametrize(("name", "noise"), [("overlap", 0.0), ("moons", 0.0), ("xor", 0.5), ("blobs", 2.0)])
def test_minimum_on_the_page_data_matches_scikit_learn(name, noise):
    # b = 0, no intercept, no penalty: scikit-learn minimises exactly this mean cross-entropy
    ds = make_dataset(name, n=300, noise=noise, seed=3)
    ref = LogisticRegression(fit_intercept=False, C=np.inf, tol=1e-12, max_iter=10_000).fit(ds.X, ds.y)
    m = ce_minimum(ds.X, ds.y, 0.0)
    np.testing.assert_allclose(m.w, ref.coef_[0], atol=1e-4)
    bits = ce_minimum(ds.X, ds.y, 0.0, base=2)
    assert bits.ce == pytest.approx(m.ce / math.log(2))


def test_page_data_sets_separation():
    assert separation(*_xy(make_dataset("blobs", n=200))).strict  # the page's default view
    for name in ("overlap", "article", "moons", "xor"):
        assert separation(*_xy(make_dataset(name, n=200))) is None, name
    assert separation(*_xy(make_dataset("blobs", n=200, noise=2.0))) is None


def _xy(ds):
    return ds.X, ds.y


def test_ce_minimum_rejects_features_on_a_line():
    with pytest.raises(ValueError, match="line through the origin"):
        ce_minimum([[1.0, 2.0], [-2.0, -4.0], [3.0, 6.0]], [1, 1, 0])


# --- input checks ------------------------------------------------------------------------------------------------


def test_rejects_bad_input():
    X, y = blobs_like(10, 0)
    with pytest.raises(ValueError, match="size must be between"):
        weight_grid(1.0, MAX_GRID + 1)
    with pytest.raises(ValueError, match="at most"):
        loss_surface(X, y, np.zeros(MAX_GRID + 1), np.zeros(MAX_GRID))
    with pytest.raises(ValueError, match="shape \\(N, 2\\)"):
        mean_losses(np.zeros((3, 3)), [0, 1, 0], np.zeros((2, 1)))
    with pytest.raises(ValueError, match="labels 0 and 1"):
        mean_losses(X, np.full(10, 2), np.zeros((2, 1)))
    with pytest.raises(ValueError, match="finite"):
        mean_losses(X, y, np.full((2, 1), np.nan))
    with pytest.raises(ValueError, match="'ce' or 'mse'"):
        gradient(X, y, (0.0, 0.0), 0.0, "mae")
    with pytest.raises(ValueError, match="lr"):
        gradient_descent(X, y, (0.0, 0.0), 0.0, loss="ce", lr=-1.0, steps=3)


def _random_surface(rows: int, cols: int, seed: int) -> Surface:
    rng = np.random.default_rng(seed)
    return Surface(np.sort(rng.normal(size=cols)), np.sort(rng.normal(size=rows)), 0.3,
                   rng.normal(size=(rows, cols)), rng.random((rows, cols)))  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 90), st.integers(2, 90), st.integers(2, 60), st.integers(0, 2**16))
def test_thinned_keeps_exact_points_evenly_with_both_ends(rows, cols, side, seed):
    s = _random_surface(rows, cols, seed)
    t = s.thinned(side)
    if max(rows, cols) <= side:
        assert t is s
        return
    assert t.w1.size == min(side, cols) and t.w2.size == min(side, rows) and t.b == s.b
    assert t.ce.shape == t.mse.shape == (t.w2.size, t.w1.size)
    for axis, thin in ((s.w1, t.w1), (s.w2, t.w2)):
        assert thin[0] == axis[0] and thin[-1] == axis[-1]
        picked = np.searchsorted(axis, thin)
        assert np.all(np.diff(picked) >= 1) and np.all(np.diff(picked) <= -(-(axis.size - 1) // (thin.size - 1)) + 1)
    rows_i, cols_i = np.searchsorted(s.w2, t.w2), np.searchsorted(s.w1, t.w1)
    np.testing.assert_array_equal(t.ce, s.ce[np.ix_(rows_i, cols_i)])  # values picked, never interpolated
    np.testing.assert_array_equal(t.mse, s.mse[np.ix_(rows_i, cols_i)])


def test_thinned_by_hand_and_its_bounds():
    s = _random_surface(5, 5, 0)
    t = s.thinned(3)
    np.testing.assert_array_equal(t.w1, s.w1[[0, 2, 4]])
    np.testing.assert_array_equal(t.ce, s.ce[np.ix_([0, 2, 4], [0, 2, 4])])
    with pytest.raises(ValueError, match="at least 2"):
        s.thinned(1)
