"""Exact pictures of linear classifiers in a plane: projections, decision regions and probability strips.

A linear model's logits are affine in the input, so on any plane ``x = o + V u`` they are affine in ``u``:
``z(u) = u (Vᵀ W) + (oᵀ W + b)``. Its decision regions (``argmax_c z_c``) are therefore convex polygons and
the level sets of a binary model's probability ``σ(w·u + c) = p`` are the straight lines
``w·u + c = log(p / (1 - p))``. Drawing those polygons is exact and a few hundred numbers per frame, where a
heatmap would be thousands. With more than two features the plane is the first two principal components of
the training data (or two chosen features) through the data's mean.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

PROBABILITY_LEVELS = (0.1, 0.3, 0.5, 0.7, 0.9)


@dataclass(frozen=True)
class Projection:
    """The plane ``x = origin + basis @ u`` (``basis`` (d, 2) orthonormal) and how it was chosen.

    ``method`` is ``"identity"`` (two features), ``"pca"`` or ``"features"``; ``explained`` is the fraction
    of the variance along each principal component (PCA only).
    """

    origin: np.ndarray
    basis: np.ndarray
    axis_names: tuple[str, str]
    method: str
    explained: tuple[float, float] | None = None

    def project(self, X: np.ndarray) -> np.ndarray:
        """Coordinates ``u = (x - o) V`` of the points' orthogonal projections onto the plane."""
        return (np.asarray(X, dtype=float) - self.origin) @ self.basis

    def plane_params(self, W: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The model restricted to the plane: ``z(u) = u W₂ + b₂`` with ``W₂ = Vᵀ W``, ``b₂ = oᵀ W + b``."""
        return self.basis.T @ W, self.origin @ W + b


def make_projection(
    X: np.ndarray, feature_names: tuple[str, ...], features: tuple[int, int] | None = None
) -> Projection:
    """Choose the drawing plane for data ``X`` (n, d).

    Two features: the identity. ``features=(i, j)``: those two axes, the other features held at their mean.
    Otherwise: the first two principal components of ``X`` (right singular vectors of the centred data,
    signs fixed so each component's largest loading is positive), through the mean.
    """
    X = np.asarray(X, dtype=float)
    d = X.shape[1]
    if d < 2:
        raise ValueError("need at least two features to draw a plane")
    mean = X.mean(axis=0)
    if features is None and d == 2:
        return Projection(np.zeros(2), np.eye(2), (feature_names[0], feature_names[1]), "identity")
    if features is not None:
        i, j = features
        if i == j or not (0 <= i < d and 0 <= j < d):
            raise ValueError(f"features must be two different indices in 0..{d - 1}, got {features}")
        basis = np.zeros((d, 2))
        basis[i, 0] = basis[j, 1] = 1.0
        origin = mean.copy()
        origin[[i, j]] = 0.0
        return Projection(origin, basis, (feature_names[i], feature_names[j]), "features")
    _, s, vt = np.linalg.svd(X - mean, full_matrices=False)
    basis = vt[:2].T.copy()
    basis *= np.where(basis[np.abs(basis).argmax(axis=0), [0, 1]] < 0, -1.0, 1.0)
    variance = s**2
    explained = (float(variance[0] / variance.sum()), float(variance[1] / variance.sum()))
    return Projection(mean, basis, ("PC1", "PC2"), "pca", explained)


def bounding_box(points: np.ndarray, margin: float = 0.08) -> tuple[float, float, float, float]:
    """``(x0, x1, y0, y1)`` around ``points`` with a relative ``margin`` on each side."""
    lo, hi = points.min(axis=0), points.max(axis=0)
    pad = margin * np.maximum(hi - lo, 1e-9)
    return float(lo[0] - pad[0]), float(hi[0] + pad[0]), float(lo[1] - pad[1]), float(hi[1] + pad[1])


def box_polygon(box: tuple[float, float, float, float]) -> np.ndarray:
    x0, x1, y0, y1 = box
    return np.array([[x0, y0], [x1, y0], [x1, y1], [x0, y1]])


def clip_half_plane(polygon: np.ndarray, a: np.ndarray, c: float, *, strict: bool = False) -> np.ndarray:
    """The part of a convex ``polygon`` (m, 2) where ``a·u + c >= 0`` (``> 0`` if ``strict``), by one
    Sutherland–Hodgman pass. ``strict`` only matters when the polygon lies on the line (``a = 0``, ``c = 0``):
    it is what lets adjacent half-open pieces share no area."""
    m = polygon.shape[0]
    if m == 0:
        return polygon
    ax, ay, c = float(a[0]), float(a[1]), float(c)
    # Plain floats: a polygon has a handful of vertices, where numpy's per-call overhead would dominate.
    pts = polygon.tolist()
    s = [ax * x + ay * y + c for x, y in pts]
    keep = [v > 0 if strict else v >= 0 for v in s]
    out = []
    for k in range(m):
        j = (k + 1) % m
        (px, py), (qx, qy) = pts[k], pts[j]
        if keep[k]:
            out.append((px, py))
        if keep[k] != keep[j] and s[k] != s[j]:
            t = s[k] / (s[k] - s[j])
            out.append((px + t * (qx - px), py + t * (qy - py)))
    return np.array(out, dtype=float).reshape(-1, 2)


def class_regions(W2: np.ndarray, b2: np.ndarray, box: tuple[float, float, float, float]) -> list[np.ndarray]:
    """Decision regions inside ``box`` of the plane model ``z = u W₂ + b₂``: one convex polygon per class.

    Ties go where :func:`xentcore.models.predict` sends them: one logit column (binary logistic) gives class 1
    where ``z > 0``; otherwise class c wins where ``z_c > z_j`` for every ``j < c`` and ``z_c >= z_j`` for every
    ``j > c`` (the lowest index, as ``argmax``).
    """
    square = box_polygon(box)
    if W2.shape[1] == 1:
        return [
            clip_half_plane(square, -W2[:, 0], -b2[0]),
            clip_half_plane(square, W2[:, 0], b2[0], strict=True),
        ]
    regions = []
    for c in range(W2.shape[1]):
        poly = square
        for j in range(W2.shape[1]):
            if j != c:
                poly = clip_half_plane(poly, W2[:, c] - W2[:, j], b2[c] - b2[j], strict=j < c)
        regions.append(poly)
    return regions


def binary_logit(W2: np.ndarray, b2: np.ndarray) -> tuple[np.ndarray, float]:
    """``(w, c)`` with ``P(class 1) = σ(w·u + c)``: the single column, or the difference of two softmax columns."""
    if W2.shape[1] == 1:
        return W2[:, 0], float(b2[0])
    if W2.shape[1] == 2:
        return W2[:, 1] - W2[:, 0], float(b2[1] - b2[0])
    raise ValueError("binary_logit needs one or two logit columns")


def probability_strips(
    w: np.ndarray, c: float, box: tuple[float, float, float, float], levels: tuple[float, ...] = PROBABILITY_LEVELS
) -> list[np.ndarray]:
    """The ``len(levels) + 1`` polygons of ``box`` between consecutive probability levels of ``σ(w·u + c)``.

    Strip k holds the points with ``levels[k-1] <= p < levels[k]`` (with ``levels[-1] = 0``,
    ``levels[len] = 1``); its edges are the lines ``w·u + c = log(p / (1 - p))``.
    """
    square = box_polygon(box)
    cuts = [math.log(p / (1.0 - p)) for p in levels]
    strips = []
    for k in range(len(cuts) + 1):
        poly = square
        if k > 0:
            poly = clip_half_plane(poly, w, c - cuts[k - 1])
        if k < len(cuts):
            poly = clip_half_plane(poly, -w, cuts[k] - c, strict=True)
        strips.append(poly)
    return strips


def polygon_area(polygon: np.ndarray) -> float:
    """Shoelace area of a simple polygon (0 for fewer than three vertices)."""
    if polygon.shape[0] < 3:
        return 0.0
    x, y = polygon[:, 0], polygon[:, 1]
    return 0.5 * abs(float(x @ np.roll(y, -1) - y @ np.roll(x, -1)))


def line_in_box(w: np.ndarray, c: float, box: tuple[float, float, float, float]) -> np.ndarray:
    """The segment (2, 2) of the line ``w·u + c = 0`` inside ``box``, or an empty (0, 2) array."""
    norm2 = float(w @ w)
    if norm2 == 0.0 or not math.isfinite(norm2):
        return np.empty((0, 2))
    p0 = -c * w / norm2
    direction = np.array([-w[1], w[0]])
    t0, t1 = -math.inf, math.inf
    for axis, (lo, hi) in enumerate(((box[0], box[1]), (box[2], box[3]))):
        if direction[axis] == 0.0:
            if not (lo <= p0[axis] <= hi):
                return np.empty((0, 2))
            continue
        a, b = (lo - p0[axis]) / direction[axis], (hi - p0[axis]) / direction[axis]
        t0, t1 = max(t0, min(a, b)), min(t1, max(a, b))
    if t0 >= t1:
        return np.empty((0, 2))
    return np.array([p0 + t0 * direction, p0 + t1 * direction])


@dataclass(frozen=True)
class RunFrames:
    """One run's part of each animation frame.

    ``layers[f]`` are the filled polygons of frame f: the probability strips of
    :func:`probability_strips` for K = 2, the class regions of :func:`class_regions` for K > 2.
    ``boundary[f]`` is the p = 0.5 segment (K = 2; empty for K > 2). ``epoch[f]`` is the epoch of the
    snapshot drawn (a diverged run stays at its last finite one), ``loss[f]`` and ``accuracy[f]`` its
    training loss and accuracy. ``curve_epoch``, ``curve_loss``, ``curve_accuracy`` are the history at the
    epochs ``0, s, 2s, ...`` (``s`` the animation's ``curve_step``); frame f shows the first ``curve_upto[f]``
    of them, the points at or before its epoch.
    """

    layers: list[list[np.ndarray]]
    boundary: list[np.ndarray]
    epoch: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray
    diverged_at: int | None
    curve_epoch: np.ndarray
    curve_loss: np.ndarray
    curve_accuracy: np.ndarray
    curve_upto: np.ndarray


@dataclass(frozen=True)
class RaceAnimation:
    """Everything an animated race figure draws, in plane coordinates."""

    frame_epochs: np.ndarray
    runs: dict[str, RunFrames]
    curve_step: int
    box: tuple[float, float, float, float]
    projection: Projection
    n_classes: int


def race_animation(race, projection: Projection, box) -> RaceAnimation:
    """Per-frame geometry of a :class:`~xentcore.training.Race`: one frame per snapshot epoch (at most about
    100), synchronised across the runs by epoch.

    The curves are sampled every ``s`` epochs, ``s`` being the snapshot interval, so that they grow by one
    point per frame and a figure can give them as ``x0 = 0, dx = s`` plus the values. ``loss`` values are the
    training objective in nats as recorded; a page converts units itself.
    """
    frame_epochs = np.unique(np.concatenate([[s.epoch for s in r.snapshots] for r in race.runs.values()]))
    step = next(iter(race.runs.values())).config.every
    out = {}
    for key, run in race.runs.items():
        snap_epochs = np.array([s.epoch for s in run.snapshots])
        pick = np.maximum(np.searchsorted(snap_epochs, frame_epochs, side="right") - 1, 0)
        cache: dict[int, tuple[list[np.ndarray], np.ndarray]] = {}
        layers, boundary = [], []
        for k in pick:
            if k not in cache:
                cache[k] = _frame_geometry(run.snapshots[k], projection, box, race.n_classes)
            layers.append(cache[k][0])
            boundary.append(cache[k][1])
        hist = run.history
        rows = np.arange(0, len(hist), step)
        shown = snap_epochs[pick]
        out[key] = RunFrames(
            layers=layers,
            boundary=boundary,
            epoch=shown,
            loss=hist["loss"][shown],
            accuracy=hist["train_accuracy"][shown],
            diverged_at=run.diverged_at,
            curve_epoch=rows,
            curve_loss=hist["loss"][rows],
            curve_accuracy=hist["train_accuracy"][rows],
            curve_upto=np.searchsorted(rows, frame_epochs, side="right"),
        )
    return RaceAnimation(frame_epochs, out, step, box, projection, race.n_classes)


def _frame_geometry(snapshot, projection: Projection, box, n_classes: int):
    W2, b2 = projection.plane_params(snapshot.W, snapshot.b)
    if n_classes == 2:
        w, c = binary_logit(W2, b2)
        return probability_strips(w, c, box), line_in_box(w, c, box)
    return class_regions(W2, b2, box), np.empty((0, 2))


@dataclass(frozen=True)
class RacePicture:
    """What the race figure needs besides labels: the plane, the points in it and the animation."""

    projection: Projection
    train_uv: np.ndarray
    test_uv: np.ndarray | None
    animation: RaceAnimation


def race_picture(race, train_set, test_set=None, features: tuple[int, int] | None = None) -> RacePicture:
    """Project the data onto the drawing plane (see :func:`make_projection`, fitted on the training set),
    frame it, and compute the animation of ``race``."""
    projection = make_projection(train_set.X, train_set.feature_names, features)
    train_uv = projection.project(train_set.X)
    test_uv = None if test_set is None or test_set.n == 0 else projection.project(test_set.X)
    box = bounding_box(train_uv if test_uv is None else np.vstack([train_uv, test_uv]))
    return RacePicture(projection, train_uv, test_uv, race_animation(race, projection, box))
