"""Floor-0 budgets: the categorical cross-entropy against SciPy, scikit-learn and PyTorch; the loss surface."""

from __future__ import annotations

import numpy as np

from benchmarks.report import Result, median_ms, timed
from xentcore.losses import categorical_cross_entropy, softmax


def cross_entropy_vs_references(n: int = 1_000_000, c: int = 10, repeat: int = 7) -> list[Result]:
    """``categorical_cross_entropy`` on (N, C) float64 logits with class-index targets, against SciPy
    (``special.log_softmax`` then gather), scikit-learn (``log_loss`` on the softmax probabilities) and
    PyTorch's ``F.cross_entropy`` when torch is installed. Budget: faster than SciPy and scikit-learn,
    within 1.2x of PyTorch."""
    from scipy import special
    from sklearn.metrics import log_loss

    rng = np.random.default_rng(0)
    z = rng.standard_normal((n, c))
    t = rng.integers(0, c, n)
    ours = median_ms(timed(lambda: categorical_cross_entropy(t, z), repeat))
    rows = np.arange(n)
    scipy_ms = median_ms(timed(lambda: -special.log_softmax(z, axis=1)[rows, t].mean(), repeat))
    probs = softmax(z, axis=1)
    sklearn_ms = median_ms(timed(lambda: log_loss(t, probs, labels=range(c)), max(3, repeat // 2)))
    label = f"categorical_cross_entropy N={n:.0e} C={c}"
    results = [
        Result(label, ours, "ms", None),
        Result("  time / SciPy log_softmax+gather", ours / scipy_ms, "x", 1.0, f"SciPy {scipy_ms:.0f} ms"),
        Result("  time / scikit-learn log_loss", ours / sklearn_ms, "x", 1.0, f"scikit-learn {sklearn_ms:.0f} ms"),
    ]
    try:
        import torch
        import torch.nn.functional as F
    except ImportError:
        results.append(Result("  time / PyTorch F.cross_entropy", float("nan"), "x", None, "torch not installed"))
        return results
    zt, tt = torch.from_numpy(z), torch.from_numpy(t)
    torch_ms = median_ms(timed(lambda: F.cross_entropy(zt, tt), repeat))
    note = f"PyTorch {torch_ms:.0f} ms, {torch.get_num_threads()} threads"
    results.append(Result("  time / PyTorch F.cross_entropy", ours / torch_ms, "x", 1.2, note))
    return results


def loss_surface_100x100(repeat: int = 10) -> list[Result]:
    """Both loss surfaces (CE and MSE) of logistic regression on a 100 x 100 weight grid, N = 500."""
    from xentcore.datasets import make_dataset
    from xentcore.surface import loss_surface, weight_grid

    ds = make_dataset("overlap", n=500, seed=1)
    w1, w2 = weight_grid(6.0, 100)
    ms = median_ms(timed(lambda: loss_surface(ds.X, ds.y, w1, w2, 0.0), repeat))
    return [Result("loss surface 100x100, N=500 (CE and MSE)", ms, "ms", 100.0)]
