"""Loss surfaces of a two-feature logistic regression ``ŷ = σ(w₁x₁ + w₂x₂ + b)`` over its two weights.

The bias ``b`` is held fixed, so each loss is a function of ``w = (w₁, w₂)`` alone:

- cross-entropy ``CE(w) = (1/N) Σ_i [softplus(z_i) - y_i z_i]`` with ``z_i = w·x_i + b``: convex in ``w``
  (a sum of convex functions of a linear map);
- squared error ``MSE(w) = (1/N) Σ_i (σ(z_i) - y_i)²``: bounded by 1, flat (plateaus) where the sigmoid
  saturates, and never convex over the whole plane (a convex function bounded above on the plane is constant,
  and MSE is not, unless every x_i is 0).

Whether cross-entropy has a minimum depends on the data (:func:`ce_minimum`). With ``s_i = 2 y_i - 1``, the
loss of a point falls as its margin ``s_i (w·x_i + b)`` grows. If a direction ``d`` has ``s_i d·x_i >= 0``
for every point (and ``> 0`` for some), moving ``w`` out along ``d`` lowers the loss at every step and there
is no minimum: the data are separated by the line ``d·x = 0`` through the origin (the bias is fixed, so the
boundary ``w·x + b = 0`` tends to that line as ``w`` grows). Otherwise the loss grows in every direction
and, the features spanning the plane, has a single minimum.

Every grid is evaluated at once as the matrix ``Z = X W + b`` of shape (N, G), in column blocks sized so a
block stays in the processor's cache; there is no Python loop over grid points. Gradient descent moves
``w`` only (the bias stays where the surface was cut), so its path lies on the drawn surface.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import numpy as np

from xentcore import losses

Loss = Literal["ce", "mse"]
MAX_GRID = 150
BLOCK_ENTRIES = 100_000  # N × columns per block: 0.8 MB of float64, cache-sized; measured fastest here


def _data(X, y) -> tuple[np.ndarray, np.ndarray]:
    X = np.asarray(X, dtype=float)
    y = np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape[1] != 2:
        raise ValueError(f"X must have shape (N, 2), got {X.shape}")
    if y.shape != (X.shape[0],) or X.shape[0] == 0:
        raise ValueError(f"y must have one label per row of X ({X.shape[0]}), got shape {y.shape}")
    if not (np.isfinite(X).all() and np.isin(y, (0.0, 1.0)).all()):
        raise ValueError("X must be finite and y must hold labels 0 and 1")
    return X, y


def _unit(base: float) -> float:
    base = float(base)
    if not (math.isfinite(base) and base > 0 and base != 1):
        raise ValueError(f"base must be a positive number other than 1, got {base}")
    return math.log(base)


def mean_losses(X, y, W, b: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Mean cross-entropy (nats) and mean squared error of ``σ(X w + b)`` for each column ``w`` of ``W``.

    Parameters
    ----------
    X : array_like, shape (N, 2)
    y : array_like, shape (N,), labels 0 or 1
    W : array_like, shape (2, G): G weight vectors
    b : float, the bias shared by all of them

    Returns
    -------
    ce, mse : ndarray, shape (G,)

    Notes
    -----
    With ``e = exp(-|z|)``, ``softplus(z) = max(z, 0) + log1p(e)`` and ``σ(z) = 1/(1 + e)`` for ``z >= 0``,
    ``e/(1 + e)`` otherwise: one exponential per entry serves both losses. The per-sample cross-entropy is
    ``y softplus(-z) + (1 - y) softplus(z) = softplus(z) - y z``.

    Examples
    --------
    >>> ce, mse = mean_losses([[1.0, 0.0], [0.0, 1.0]], [1, 0], [[0.0, 2.0], [0.0, 0.0]])
    >>> ce.round(4).tolist(), mse.round(4).tolist()  # w = 0 predicts 1/2: ln 2 and 1/4
    ([0.6931, 0.41], [0.25, 0.1321])
    """
    X, y = _data(X, y)
    W = np.asarray(W, dtype=float)
    if W.ndim != 2 or W.shape[0] != 2:
        raise ValueError(f"W must have shape (2, G), got {W.shape}")
    if not (np.isfinite(W).all() and math.isfinite(b)):
        raise ValueError("W and b must be finite")
    n, g = X.shape[0], W.shape[1]
    ce = np.empty(g)
    sq = np.empty(g)
    block = max(1, BLOCK_ENTRIES // n)
    for start in range(0, g, block):
        cols = slice(start, start + block)
        z = X @ W[:, cols]
        z += b
        # in place, to keep the block's few temporaries in cache
        e = np.abs(z)
        np.negative(e, out=e)
        np.exp(e, out=e)
        tmp = np.log1p(e)
        tmp += np.maximum(z, 0.0)
        ce[cols] = (tmp.sum(axis=0) - y @ z) / n
        np.add(e, 1.0, out=tmp)
        np.reciprocal(tmp, out=tmp)
        np.multiply(tmp, e, out=tmp, where=z < 0)
        tmp -= y[:, None]
        sq[cols] = np.einsum("ij,ij->j", tmp, tmp) / n
    return ce, sq


def weight_grid(half_width: float, size: int, centre: tuple[float, float] = (0.0, 0.0)):
    """Two axes of ``size`` evenly spaced weights each, ``centre ± half_width``.

    >>> [a.tolist() for a in weight_grid(1.0, 3)]
    [[-1.0, 0.0, 1.0], [-1.0, 0.0, 1.0]]
    """
    if not (2 <= size <= MAX_GRID):
        raise ValueError(f"size must be between 2 and {MAX_GRID}, got {size}")
    if not (math.isfinite(half_width) and half_width > 0):
        raise ValueError(f"half_width must be a positive number, got {half_width}")
    return (
        np.linspace(centre[0] - half_width, centre[0] + half_width, size),
        np.linspace(centre[1] - half_width, centre[1] + half_width, size),
    )


@dataclass(frozen=True)
class Surface:
    """Both losses on the grid ``w1 × w2`` at bias ``b``; ``ce[i, j]`` and ``mse[i, j]`` are at
    ``(w1[j], w2[i])`` (rows follow w2, as a contour plot wants). ``ce`` is in the unit of ``base``."""

    w1: np.ndarray
    w2: np.ndarray
    b: float
    ce: np.ndarray
    mse: np.ndarray

    def argmin(self, loss: Loss) -> tuple[float, float]:
        """The grid point ``(w1, w2)`` with the lowest value of ``loss``."""
        i, j = np.unravel_index(np.argmin(getattr(self, loss)), self.ce.shape)
        return float(self.w1[j]), float(self.w2[i])

    def thinned(self, side: int) -> Surface:
        """At most ``side`` × ``side`` of the grid's points, evenly spread and both ends of each axis kept (the
        exact values there, nothing interpolated); the surface itself when it is that small already."""
        if side < 2:
            raise ValueError(f"side must be at least 2, got {side}")
        if max(self.w1.size, self.w2.size) <= side:
            return self
        cols = np.unique(np.linspace(0, self.w1.size - 1, min(side, self.w1.size)).round().astype(int))
        rows = np.unique(np.linspace(0, self.w2.size - 1, min(side, self.w2.size)).round().astype(int))
        pick = np.ix_(rows, cols)
        return Surface(self.w1[cols], self.w2[rows], self.b, self.ce[pick], self.mse[pick])


def loss_surface(X, y, w1, w2, b: float = 0.0, *, base: float = math.e) -> Surface:
    """Mean cross-entropy and MSE on every grid point ``(w1[j], w2[i])`` with the bias fixed at ``b``."""
    w1 = np.asarray(w1, dtype=float)
    w2 = np.asarray(w2, dtype=float)
    if w1.ndim != 1 or w2.ndim != 1 or w1.size * w2.size > MAX_GRID**2:
        raise ValueError(f"w1 and w2 must be vectors with at most {MAX_GRID}² points in all")
    g1, g2 = np.meshgrid(w1, w2)
    ce, sq = mean_losses(X, y, np.stack([g1.ravel(), g2.ravel()]), b)
    shape = (w2.size, w1.size)
    return Surface(w1, w2, float(b), ce.reshape(shape) / _unit(base), sq.reshape(shape))


def gradient(X, y, w, b: float, loss: Loss) -> np.ndarray:
    """``∇_w`` of the mean loss at ``w``: ``Xᵀ g`` with ``g = ∂L/∂z`` from :mod:`xentcore.losses`
    (``(σ(z) - y)/N`` for cross-entropy, ``2 (σ(z) - y) σ(z)(1 - σ(z))/N`` for MSE)."""
    X, y = _data(X, y)
    z = X @ np.asarray(w, dtype=float) + b
    if loss == "ce":
        g = losses.grad_binary_cross_entropy_with_logits(y, z)
    elif loss == "mse":
        g = losses.grad_mse_with_logits(y, z)
    else:
        raise ValueError(f"loss must be 'ce' or 'mse', got {loss!r}")
    return X.T @ g


def gradient_descent(X, y, start, b: float, *, loss: Loss, lr: float, steps: int) -> np.ndarray:
    """Plain gradient descent ``w ← w - lr ∇_w L(w)`` on the weights, bias fixed at ``b``, losses in nats.

    Returns the path, shape (steps + 1, 2), starting at ``start``. Both gradients are bounded (by the mean
    norm of the rows of X, times 1 for cross-entropy and 8/27·2 for MSE), so the path stays finite.
    """
    w = np.asarray(start, dtype=float).copy()
    if w.shape != (2,) or not np.isfinite(w).all():
        raise ValueError("start must be two finite numbers")
    if not (math.isfinite(lr) and lr > 0):
        raise ValueError(f"lr must be a positive number, got {lr}")
    if not (0 <= steps <= 100_000):
        raise ValueError(f"steps must be between 0 and 100000, got {steps}")
    path = np.empty((steps + 1, 2))
    path[0] = w
    for k in range(steps):
        w = w - lr * gradient(X, y, w, b, loss)
        path[k + 1] = w
    return path


def path_losses(X, y, path, b: float, *, base: float = math.e) -> tuple[np.ndarray, np.ndarray]:
    """Cross-entropy (in the unit of ``base``) and MSE at each point of a path of shape (S, 2)."""
    ce, sq = mean_losses(X, y, np.asarray(path, dtype=float).T, b)
    return ce / _unit(base), sq


@dataclass(frozen=True)
class Slice:
    """Both losses along the line ``w(t) = origin + t · (cos θ, sin θ)``; ``ce`` in the unit of ``base``."""

    t: np.ndarray
    points: np.ndarray
    ce: np.ndarray
    mse: np.ndarray


@dataclass(frozen=True)
class Separation:
    """A direction ``d`` (unit vector) with ``s_i d·x_i >= 0`` for every point, ``s_i = 2 y_i - 1``.

    ``strict``: every margin ``s_i d·x_i`` is positive, so the line ``d·x = 0`` through the origin separates
    the classes and the cross-entropy tends to 0 as ``w = t d``, ``t → ∞`` (whatever the bias). Otherwise
    some points lie on that line (or at the origin) and only the others' loss vanishes. ``margin`` is the
    smallest ``s_i d·x_i`` (0 when not strict)."""

    direction: np.ndarray
    strict: bool
    margin: float


def separation(X, y, *, atol: float = 1e-12) -> Separation | None:
    """The direction along which cross-entropy falls without end, with the bias fixed, or None if there is none.

    In the plane this is exact geometry, no optimiser: a direction ``d`` with ``a_i·d >= 0`` for every
    ``a_i = s_i x_i`` exists exactly when all the ``a_i`` lie in a closed half-plane, that is when the widest
    angular gap between consecutive ``a_i`` (sorted by angle, wrapping round) is at least π. ``d`` is then
    the bisector of the arc that holds them. Margins within ``atol`` times the largest ``|a_i|`` of 0 count
    as 0; points at the origin (``a_i = 0``) do not depend on ``w`` and are left out.

    Examples
    --------
    >>> X, y = np.array([[1.0, 1.0], [-1.0, -2.0], [2.0, 0.5]]), np.array([1, 0, 1])
    >>> sep = separation(X, y)
    >>> sep.strict, bool(np.all((2 * y - 1) * (X @ sep.direction) > 0))
    (True, True)

    A class-0 point beyond a class-1 point on the w₁ axis: only a direction along w₂ helps, and it leaves those
    two on the line d·x = 0 (not strict); a fourth point below closes that way too.

    >>> X = [[1.0, 0.0], [2.0, 0.0], [0.0, 1.0]]
    >>> sep = separation(X, [1, 0, 1])
    >>> sep.strict, sep.direction.round(6).tolist()
    (False, [0.0, 1.0])
    >>> separation(X + [[0.0, -1.0]], [1, 0, 1, 1]) is None
    True
    """
    X, y = _data(X, y)
    a = (2.0 * y - 1.0)[:, None] * X
    size = np.hypot(a[:, 0], a[:, 1])
    a = a[size > 0]
    if a.shape[0] == 0:
        return None
    tol = atol * float(size.max())
    angle = np.sort(np.arctan2(a[:, 1], a[:, 0]))
    gaps = np.diff(np.concatenate([angle, [angle[0] + 2 * math.pi]]))
    k = int(np.argmax(gaps))
    if gaps[k] < math.pi - 1e-9:
        return None
    # the a_i fill the arc from angle[k + 1] round to angle[k] + 2π, of length 2π - gap <= π
    first = angle[(k + 1) % angle.size]
    theta = first + (2 * math.pi - gaps[k]) / 2
    d = np.array([math.cos(theta), math.sin(theta)])
    margins = a @ d
    if margins.min() < -tol or margins.max() <= tol:
        return None
    strict = bool(margins.min() > tol and a.shape[0] == size.size)  # a point at the origin keeps its loss
    return Separation(d, strict, float(margins.min()) if strict else 0.0)


@dataclass(frozen=True)
class Minimum:
    """The single minimum of mean cross-entropy over ``w`` with the bias fixed: ``w``, the loss there (unit of
    ``base``), and the Newton iterations it took."""

    w: np.ndarray
    ce: float
    iterations: int


def ce_minimum(X, y, b: float = 0.0, *, base: float = math.e, max_iter: int = 100) -> Minimum | None:
    """Where the mean cross-entropy of ``σ(X w + b)`` is lowest, or None when it has no minimum (the data are
    separated as in :func:`separation`: the loss keeps falling along a direction).

    Otherwise the loss is strictly convex (its Hessian ``Xᵀ diag(σ(1 - σ)) X / N`` is positive definite once
    the features span the plane) and grows in every direction, so the minimum exists and is unique; it is
    found by Newton's method from ``w = 0`` with a backtracking line search, which converges from anywhere
    on such a function.

    Examples
    --------
    XOR on four points: no line through the origin separates them, and by symmetry the minimum is at 0,
    where every prediction is 1/2 and the loss ln 2.

    >>> m = ce_minimum([[1.0, 1.0], [-1.0, -1.0], [1.0, -1.0], [-1.0, 1.0]], [1, 1, 0, 0])
    >>> np.abs(m.w).round(6).tolist(), round(m.ce, 4)
    ([0.0, 0.0], 0.6931)
    """
    X, y = _data(X, y)
    if not math.isfinite(b):
        raise ValueError(f"b must be finite, got {b}")
    if np.linalg.matrix_rank(X) < 2:
        raise ValueError("the features lie on a line through the origin: the minimum is not unique")
    if separation(X, y) is not None:
        return None
    n = X.shape[0]
    w = np.zeros(2)

    def ce(v: np.ndarray) -> float:
        return float(mean_losses(X, y, v[:, None], b)[0][0])

    f = ce(w)
    iterations = 0
    while iterations < max_iter:
        iterations += 1
        p = losses.sigmoid(X @ w + b)
        g = X.T @ (p - y) / n
        H = (X.T * (p * (1.0 - p))) @ X / n
        step = np.linalg.solve(H, g)
        decrement = float(g @ step)  # the squared Newton decrement: f falls by about half of it
        if decrement <= 1e-12:
            # close enough for Newton's quadratic convergence: one full step leaves a decrement of order 1e-24,
            # a fall of f that rounding cannot resolve (so a line search there would only see noise)
            w = w - step
            f = ce(w)
            break
        t = 1.0
        while t > 1e-12:
            f_new = ce(w - t * step)
            if f_new <= f - 0.25 * t * decrement:
                break
            t /= 2
        else:  # no descent left at working precision: w is the minimum to rounding
            break
        w, f = w - t * step, f_new
    return Minimum(w, f / _unit(base), iterations)


def loss_slice(
    X,
    y,
    b: float,
    *,
    origin=(0.0, 0.0),
    angle: float = 0.0,
    half_length: float = 6.0,
    n: int = 241,
    base: float = math.e,
) -> Slice:
    """The losses along a straight line through ``origin`` at ``angle`` (degrees from the w1 axis),
    for ``t`` in ``[-half_length, half_length]``."""
    if not (3 <= n <= 10_000):
        raise ValueError(f"n must be between 3 and 10000, got {n}")
    if not (math.isfinite(half_length) and half_length > 0):
        raise ValueError(f"half_length must be a positive number, got {half_length}")
    theta = math.radians(angle)
    t = np.linspace(-half_length, half_length, n)
    points = np.asarray(origin, dtype=float)[None, :] + t[:, None] * np.array([math.cos(theta), math.sin(theta)])
    ce, sq = mean_losses(X, y, points.T, b)
    return Slice(t, points, ce / _unit(base), sq)


def concave_points(f, *, rtol: float = 1e-9) -> np.ndarray:
    """Mask of the interior points of a curve sampled on an even grid where the midpoint test of convexity
    fails: ``f[i] > (f[i-1] + f[i+1]) / 2`` (by more than ``rtol`` times the scale of ``f``). The ends are
    False. A convex function has none.

    >>> concave_points([0.0, 1.0, 0.0]).tolist(), concave_points([1.0, 0.0, 1.0]).tolist()
    ([False, True, False], [False, False, False])
    """
    f = np.asarray(f, dtype=float)
    mask = np.zeros(f.shape, dtype=bool)
    if f.size >= 3:
        tol = rtol * max(1.0, float(np.max(np.abs(f))))
        mask[1:-1] = f[1:-1] > (f[:-2] + f[2:]) / 2 + tol
    return mask


def concave_intervals(t, f, *, rtol: float = 1e-9) -> list[tuple[float, float]]:
    """The stretches of ``t`` where :func:`concave_points` flags ``f``, each as ``(t_lo, t_hi)`` reaching
    half a step either side of its flagged points (so a single flagged point gives a visible band).

    >>> concave_intervals([0.0, 1.0, 2.0, 3.0, 4.0], [0.0, 1.0, 1.5, 1.0, 0.0])
    [(0.5, 3.5)]
    """
    t = np.asarray(t, dtype=float)
    mask = concave_points(f, rtol=rtol)
    if t.shape != mask.shape:
        raise ValueError("t and f must have the same length")
    edges = np.flatnonzero(np.diff(np.concatenate([[0], mask.astype(np.int8), [0]])))
    half = (t[1] - t[0]) / 2 if t.size > 1 else 0.0
    return [(float(t[a] - half), float(t[b - 1] + half)) for a, b in zip(edges[::2], edges[1::2], strict=True)]


def midpoint_violations(F, *, rtol: float = 1e-9) -> int:
    """Number of midpoint-convexity failures of a function sampled on an even 2-D grid: each grid point
    is compared with the mean of its two neighbours along rows, columns and both diagonals."""
    F = np.asarray(F, dtype=float)
    if F.ndim != 2 or min(F.shape) < 3:
        raise ValueError(f"F must be a 2-D grid of at least 3 × 3, got shape {F.shape}")
    tol = rtol * max(1.0, float(np.max(np.abs(F))))
    centre = F[1:-1, 1:-1]
    pairs = (
        (F[1:-1, :-2], F[1:-1, 2:]),
        (F[:-2, 1:-1], F[2:, 1:-1]),
        (F[:-2, :-2], F[2:, 2:]),
        (F[:-2, 2:], F[2:, :-2]),
    )
    return int(sum(np.count_nonzero(centre > (a + c) / 2 + tol) for a, c in pairs))
