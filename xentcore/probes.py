"""Loss curves and gradients of one prediction: binary cross-entropy against MSE, and softmax cross-entropy.

Every value and analytic gradient comes from :mod:`xentcore.losses`; this module arranges them on grids
(for curves) or at one point (for a probe), and puts a central finite difference beside each analytic
gradient. Cross-entropy is reported in the unit of ``base`` (``math.e``: nats, ``2``: bits): a value or a
gradient in base ``b`` is the one in nats divided by ``ln b``. MSE has no unit and is never rescaled.

The tutorial's two gradient formulas, checked here:

- binary ``∂L/∂ŷ = (ŷ - y) / (ŷ (1 - ŷ))``: right;
- multi-class ``∂L/∂ŷ_j = ŷ_j - y_j``: the right expression on the wrong variable. ``ŷ - y`` is ``∂L/∂z``
  for the logits ``z`` of a softmax; with respect to the probabilities the gradient is ``-y_j / ŷ_j``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from xentcore import losses
from xentcore.info import entropy

Z_LIMIT = 10.0
MAX_CLASSES = 6


def _unit(base: float) -> float:
    base = float(base)
    if not (math.isfinite(base) and base > 0 and base != 1):
        raise ValueError(f"base must be a positive number other than 1, got {base}")
    return math.log(base)


def _label(y) -> float:
    if y not in (0, 1):
        raise ValueError(f"the binary label y must be 0 or 1, got {y!r}")
    return float(y)


# --- binary: curves ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinaryCurves:
    """Binary losses and their gradients for one label ``y``, on a grid of ŷ and on a grid of z.

    ``p`` is the ŷ grid (open interval (0, 1)); ``ce_p``, ``mse_p`` the losses there and ``dce_dp``,
    ``dmse_dp`` their derivatives with respect to ŷ. ``z`` is the logit grid (ŷ = σ(z)); ``ce_z``, ``mse_z``
    and ``dce_dz``, ``dmse_dz`` the same losses and their derivatives with respect to z.
    """

    y: int
    p: np.ndarray
    ce_p: np.ndarray
    mse_p: np.ndarray
    dce_dp: np.ndarray
    dmse_dp: np.ndarray
    z: np.ndarray
    ce_z: np.ndarray
    mse_z: np.ndarray
    dce_dz: np.ndarray
    dmse_dz: np.ndarray


def binary_curves(y: int, *, n: int = 401, z_limit: float = Z_LIMIT, base: float = math.e) -> BinaryCurves:
    """Cross-entropy ``-[y log ŷ + (1 - y) log(1 - ŷ)]`` and squared error ``(y - ŷ)²`` for one example.

    As functions of ŷ on ``n`` points strictly inside (0, 1) (the ends ``σ(∓z_limit)``, where the
    cross-entropy of a wrong label is large but finite), and of the logit z on ``n`` points of
    ``[-z_limit, z_limit]``, with ``∂/∂ŷ`` and ``∂/∂z`` of each.

    Examples
    --------
    >>> c = binary_curves(1, n=5, z_limit=4.0)
    >>> c.z.tolist()
    [-4.0, -2.0, 0.0, 2.0, 4.0]
    >>> bool(np.allclose(c.dce_dz, losses.sigmoid(c.z) - 1))  # ∂CE/∂z = σ(z) - y
    True
    """
    y_f = _label(y)
    if n < 2:
        raise ValueError(f"n must be at least 2, got {n}")
    if not (math.isfinite(z_limit) and z_limit > 0):
        raise ValueError(f"z_limit must be a positive finite number, got {z_limit}")
    scale = 1.0 / _unit(base)
    lo = float(losses.sigmoid(-z_limit))
    p = np.linspace(lo, 1.0 - lo, n)
    z = np.linspace(-z_limit, z_limit, n)
    yp = np.full_like(p, y_f)
    yz = np.full_like(z, y_f)
    none = {"reduction": "none"}
    return BinaryCurves(
        y=int(y),
        p=p,
        ce_p=losses.binary_cross_entropy(yp, p, **none) * scale,
        mse_p=losses.mse(yp, p, **none),
        dce_dp=losses.grad_binary_cross_entropy(yp, p, **none) * scale,
        dmse_dp=losses.grad_mse(yp, p, **none),
        z=z,
        ce_z=losses.binary_cross_entropy_with_logits(yz, z, **none) * scale,
        mse_z=losses.mse_with_logits(yz, z, **none),
        dce_dz=losses.grad_binary_cross_entropy_with_logits(yz, z, **none) * scale,
        dmse_dz=losses.grad_mse_with_logits(yz, z, **none),
    )


def confidently_wrong(y: int, threshold: float = 0.1) -> tuple[tuple[float, float], tuple[float, float]]:
    """The region where the model gives the true class less than ``threshold``: ``((p_lo, p_hi), (z_lo, z_hi))``.

    For ``y = 1`` it is ``ŷ < t``, that is ``z < logit(t) = ln(t / (1 - t))``; for ``y = 0`` it is
    ``ŷ > 1 - t``, that is ``z > -logit(t)``. Infinite ends are ±inf.

    >>> p, z = confidently_wrong(1, 0.1)
    >>> p, round(z[1], 4)
    ((0.0, 0.1), -2.1972)
    """
    _label(y)
    if not (0.0 < threshold < 0.5):
        raise ValueError(f"threshold must lie in (0, 0.5), got {threshold}")
    logit = math.log(threshold / (1.0 - threshold))
    if y == 1:
        return (0.0, threshold), (-math.inf, logit)
    return (1.0 - threshold, 1.0), (-logit, math.inf)


# --- binary: probe -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BinaryProbe:
    """Both losses at one logit ``z`` (``y_hat = σ(z)``), each gradient analytic (``d*``) and by central
    finite differences (``d*_fd``); ``ratio = (∂CE/∂z) / (∂MSE/∂z)``, which is ``1 / (2 ŷ (1 - ŷ))`` in nats
    (for either label) and ``1 / ln b`` times that in base ``b``."""

    y: int
    z: float
    y_hat: float
    ce: float
    mse: float
    dce_dp: float
    dce_dp_fd: float
    dmse_dp: float
    dmse_dp_fd: float
    dce_dz: float
    dce_dz_fd: float
    dmse_dz: float
    dmse_dz_fd: float
    ratio: float

    @property
    def p_true(self) -> float:
        """The probability the model gives the true class: ``ŷ`` if ``y = 1``, ``1 - ŷ`` if ``y = 0``."""
        return self.y_hat if self.y == 1 else 1.0 - self.y_hat

    def confidently_wrong(self, threshold: float = 0.1) -> bool:
        """Whether the true class gets less than ``threshold`` (the shaded region of :func:`confidently_wrong`)."""
        _, (z_lo, z_hi) = confidently_wrong(self.y, threshold)
        return z_lo <= self.z <= z_hi


def _fd(f, x: float, h: float) -> float:
    return float(losses.finite_difference(lambda v: f(v), [x], h=h)[0])


def binary_probe(y: int, z: float, *, base: float = math.e) -> BinaryProbe:
    """Values and gradients of cross-entropy and MSE for one example with logit ``z``.

    The gradients with respect to ŷ are the tutorial's ``(ŷ - y) / (ŷ (1 - ŷ))`` for cross-entropy and
    ``2 (ŷ - y)`` for MSE; with respect to z they are ``σ(z) - y`` and ``2 (σ(z) - y) σ(z) (1 - σ(z))``. The
    finite difference in ŷ uses a step proportional to ``min(ŷ, 1 - ŷ)`` so ŷ ± h stays inside (0, 1).

    Examples
    --------
    At ``y = 1, z = -5`` (confidently wrong) MSE's gradient almost vanishes, cross-entropy's does not:

    >>> pr = binary_probe(1, -5.0)
    >>> round(pr.dmse_dz, 4), round(pr.dce_dz, 3), round(pr.ratio, 1)
    (-0.0132, -0.993, 75.2)
    """
    y_f = _label(y)
    z = float(z)
    if not (math.isfinite(z) and abs(z) <= 30.0):
        raise ValueError(f"z must be a finite number in [-30, 30], got {z}")
    scale = 1.0 / _unit(base)
    y_arr = np.array([y_f])
    z_arr = np.array([z])
    p_arr = losses.sigmoid(z_arr)
    p = float(p_arr[0])
    h_p = 1e-6 * min(p, 1.0 - p)
    h_z = 1e-5
    dce_dz = float(losses.grad_binary_cross_entropy_with_logits(y_arr, z_arr)[0]) * scale
    dmse_dz = float(losses.grad_mse_with_logits(y_arr, z_arr)[0])
    return BinaryProbe(
        y=int(y),
        z=z,
        y_hat=p,
        ce=losses.binary_cross_entropy_with_logits(y_arr, z_arr) * scale,
        mse=losses.mse_with_logits(y_arr, z_arr),
        dce_dp=float(losses.grad_binary_cross_entropy(y_arr, p_arr)[0]) * scale,
        dce_dp_fd=_fd(lambda v: losses.binary_cross_entropy(y_arr, v), p, h_p) * scale,
        dmse_dp=float(losses.grad_mse(y_arr, p_arr)[0]),
        dmse_dp_fd=_fd(lambda v: losses.mse(y_arr, v), p, h_p),
        dce_dz=dce_dz,
        dce_dz_fd=_fd(lambda v: losses.binary_cross_entropy_with_logits(y_arr, v), z, h_z) * scale,
        dmse_dz=dmse_dz,
        dmse_dz_fd=_fd(lambda v: losses.mse_with_logits(y_arr, v), z, h_z),
        ratio=dce_dz / dmse_dz if dmse_dz != 0 else math.inf,
    )


# --- multi-class ---------------------------------------------------------------------------------------


def smoothed_target(target, k: int, smoothing: float = 0.0) -> np.ndarray:
    """The target as a distribution over ``k`` classes after label smoothing: ``(1 - ε) y + ε / k``.

    ``target`` is a class index or a probability vector of length ``k``.

    >>> smoothed_target(0, 4, 0.2).tolist()
    [0.85, 0.05, 0.05, 0.05]
    """
    if not (2 <= k <= MAX_CLASSES):
        raise ValueError(f"k must be between 2 and {MAX_CLASSES}, got {k}")
    if not (0.0 <= smoothing <= 1.0):
        raise ValueError(f"smoothing must be in [0, 1], got {smoothing}")
    if np.ndim(target) == 0:
        c = int(target)
        if c != target or not (0 <= c < k):
            raise ValueError(f"the target class must be one of 0..{k - 1}, got {target!r}")
        y = np.zeros(k)
        y[c] = 1.0
    else:
        y = np.asarray(target, dtype=float)
        if y.shape != (k,):
            raise ValueError(f"a soft target needs {k} probabilities, got shape {y.shape}")
        if not np.isfinite(y).all() or (y < 0).any() or abs(y.sum() - 1.0) > 1e-6:
            raise ValueError("a soft target must be non-negative and sum to 1")
    return (1.0 - smoothing) * y + smoothing / k


def resize_logits(z, k: int) -> tuple[float, ...]:
    """The logit vector with ``k`` entries: extra classes start at logit 0, dropped ones are cut from the end.

    >>> resize_logits([2.0, 1.0, 0.1], 2), resize_logits([2.0, 1.0], 4)
    ((2.0, 1.0), (2.0, 1.0, 0.0, 0.0))
    """
    if not (2 <= k <= MAX_CLASSES):
        raise ValueError(f"k must be between 2 and {MAX_CLASSES}, got {k}")
    z = [float(v) for v in z]
    return tuple(z[:k] + [0.0] * (k - len(z)))


@dataclass(frozen=True)
class MulticlassProbe:
    """Softmax cross-entropy at logits ``z`` with temperature ``T`` and label smoothing ``ε``.

    ``y_hat = softmax(z / T)``; ``target`` is the smoothed target ``ỹ``; ``ce`` the loss. ``grad_z`` is
    ``∂L/∂z = (ŷ - ỹ) / T`` (the tutorial's ``ŷ - y`` when T = 1, ε = 0) and ``grad_p = ∂L/∂ŷ = -ỹ / ŷ``,
    each with its finite-difference estimate (``*_fd``). ``min_ce = H(ỹ)``, the lowest loss any logits can
    reach (above 0 once ε > 0), and ``uniform_ce = ln k``, the loss of uniform outputs.
    """

    z: np.ndarray
    temperature: float
    smoothing: float
    y_hat: np.ndarray
    target: np.ndarray
    ce: float
    grad_z: np.ndarray
    grad_z_fd: np.ndarray
    grad_p: np.ndarray
    grad_p_fd: np.ndarray
    min_ce: float
    uniform_ce: float


def _check_logits(z, temperature: float) -> np.ndarray:
    z = np.asarray(z, dtype=float)
    if z.ndim != 1 or not (2 <= z.size <= MAX_CLASSES):
        raise ValueError(f"logits must be a vector of 2 to {MAX_CLASSES} numbers, got shape {z.shape}")
    if not np.isfinite(z).all():
        raise ValueError("logits must be finite")
    if not (math.isfinite(temperature) and temperature > 0):
        raise ValueError(f"temperature must be a positive number, got {temperature}")
    return z


def multiclass_probe(z, target, *, temperature: float = 1.0, smoothing: float = 0.0, base: float = math.e):
    """Cross-entropy ``L = -Σ_j ỹ_j log softmax(z / T)_j`` and its gradients, analytic and numerical.

    The finite difference with respect to the probabilities treats each ŷ_j as a free variable in
    ``-Σ ỹ_j log ŷ_j`` (the setting of the tutorial's formula) and perturbs it by a relative step, so a
    tiny probability is probed at its own scale.

    Examples
    --------
    Uniform logits cost ln K whatever the target; the gradient with respect to the logits is ŷ - y:

    >>> pr = multiclass_probe([0.0, 0.0, 0.0], 0)
    >>> bool(np.isclose(pr.ce, np.log(3))), pr.grad_z.round(4).tolist()
    (True, [-0.6667, 0.3333, 0.3333])
    """
    z = _check_logits(z, temperature)
    k = z.size
    y = smoothed_target(target, k, smoothing)
    scale = 1.0 / _unit(base)
    t = float(temperature)
    row = [y]

    def loss_z(v: np.ndarray) -> float:
        return losses.categorical_cross_entropy(row, [v / t])

    y_hat = losses.softmax(z / t)
    grad_z = losses.grad_categorical_cross_entropy(row, [z / t], wrt="logits")[0] / t
    grad_p = losses.grad_categorical_cross_entropy(row, [z / t], wrt="probs")[0]

    def loss_p(u: np.ndarray) -> float:
        return float(-np.sum(y * np.log(y_hat * (1.0 + u))))

    grad_u = losses.finite_difference(loss_p, np.zeros(k), h=1e-6)
    return MulticlassProbe(
        z=z,
        temperature=t,
        smoothing=float(smoothing),
        y_hat=y_hat,
        target=y,
        ce=loss_z(z) * scale,
        grad_z=grad_z * scale,
        grad_z_fd=losses.finite_difference(loss_z, z, h=1e-5) * scale,
        grad_p=grad_p * scale,
        grad_p_fd=grad_u / y_hat * scale,
        min_ce=float(entropy(y, base=base)),
        uniform_ce=math.log(k) * scale,
    )


def temperature_sweep(z, target, temperatures, *, smoothing: float = 0.0, base: float = math.e) -> np.ndarray:
    """Cross-entropy of ``softmax(z / T)`` against the smoothed target for each ``T`` in ``temperatures``.

    As ``T`` grows the output flattens and the loss tends to ``ln K``; as ``T`` shrinks it sharpens onto the
    largest logit.

    >>> temperature_sweep([2.0, 0.0], 0, [1e6]).round(4).tolist()  # very hot: uniform, ln 2
    [0.6931]
    """
    temps = np.asarray(temperatures, dtype=float)
    if temps.ndim != 1 or not np.isfinite(temps).all() or (temps <= 0).any():
        raise ValueError("temperatures must be a vector of positive numbers")
    z = _check_logits(z, 1.0)
    y = smoothed_target(target, z.size, smoothing)
    logits = z[None, :] / temps[:, None]
    targets = np.broadcast_to(y, logits.shape)
    return losses.categorical_cross_entropy(targets, logits, reduction="none") / _unit(base)


@dataclass(frozen=True)
class TemperatureLimits:
    """What the cross-entropy of ``softmax(z / T)`` against a target ``ỹ`` does at the two ends of ``T``.

    With ``m = max_j z_j`` and ``top`` the classes whose logit equals ``m``,

    - as ``T → 0``: ``L(T) = rate / T + ln |top| + o(1)`` with ``rate = Σ_j ỹ_j (m - z_j) >= 0``. The loss
      grows without bound (like ``rate / T``) as soon as the target gives any weight (``off_top > 0``) to a
      class outside ``top``; otherwise it tends to ``ln |top|``, which is 0 only for a single largest logit
      holding the whole target (a one-hot target on the argmax);
    - as ``T → ∞``: ``softmax(z / T)`` tends to uniform and ``L`` to ``ln K`` (``hot``);
    - ``constant``: all logits equal, so ``L = ln K`` at every ``T``.

    ``cold``, ``rate`` and ``hot`` are in the unit of ``base`` (``cold`` is ``inf`` when unbounded).
    """

    top: tuple[int, ...]
    off_top: float
    rate: float
    cold: float
    hot: float
    constant: bool


def temperature_limits(z, target, *, smoothing: float = 0.0, base: float = math.e) -> TemperatureLimits:
    """The limits of :func:`temperature_sweep` as ``T → 0`` and ``T → ∞`` (see :class:`TemperatureLimits`).

    Logits count as tied only when exactly equal: the limit is a statement about ``T → 0``, where any
    gap, however small, eventually dominates.

    Examples
    --------
    One-hot on the largest logit: the loss vanishes; on another class, or with smoothing, it explodes:

    >>> temperature_limits([2.0, 1.0, 0.1], 0).cold
    0.0
    >>> lim = temperature_limits([2.0, 1.0, 0.1], 1)
    >>> lim.cold, lim.rate
    (inf, 1.0)
    >>> temperature_limits([2.0, 1.0, 0.1], 0, smoothing=0.3).cold
    inf

    Two tied largest logits sharing the target: ln 2.

    >>> round(temperature_limits([1.0, 1.0, 0.0], [0.5, 0.5, 0.0]).cold, 4)
    0.6931
    """
    z = _check_logits(z, 1.0)
    y = smoothed_target(target, z.size, smoothing)
    scale = 1.0 / _unit(base)
    m = float(z.max())
    on_top = z == m
    off_top = float(y[~on_top].sum())
    rate = float(np.dot(y, m - z))
    ties = int(on_top.sum())
    cold = math.inf if off_top > 0 else math.log(ties) * scale
    return TemperatureLimits(
        top=tuple(int(i) for i in np.flatnonzero(on_top)),
        off_top=off_top,
        rate=rate * scale,
        cold=cold,
        hot=math.log(z.size) * scale,
        constant=ties == z.size,
    )
