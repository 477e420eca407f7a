"""Floor-0 budgets: the categorical cross-entropy against PyTorch, SciPy and scikit-learn; the loss surface."""

from __future__ import annotations

import numpy as np

from benchmarks.report import Result, median_ms, timed
from xentcore.losses import categorical_cross_entropy, softmax


def cross_entropy_vs_references(quick: bool = False, n: int = 1_000_000, c: int = 10) -> list[Result]:
    """``categorical_cross_entropy`` on (N, C) float64 logits with class-index targets, in the same run as
    PyTorch's ``F.cross_entropy`` (CPU), SciPy (``special.log_softmax`` then gather) and scikit-learn
    (``log_loss`` on the softmax probabilities). Budgets: at most PyTorch's time, below SciPy's and
    scikit-learn's. The four are timed in turns, so a burst of load elsewhere hits them alike."""
    from scipy import special
    from sklearn.metrics import log_loss

    repeat = 3 if quick else 7
    rng = np.random.default_rng(0)
    z = rng.standard_normal((n, c))
    t = rng.integers(0, c, n)
    rows = np.arange(n)
    probs = softmax(z, axis=1)
    contenders = {
        "ours": lambda: categorical_cross_entropy(t, z),
        "SciPy": lambda: -special.log_softmax(z, axis=1)[rows, t].mean(),
        "scikit-learn": lambda: log_loss(t, probs, labels=range(c)),
    }
    threads = ""
    try:
        import torch
        import torch.nn.functional as F

        zt, tt = torch.from_numpy(z), torch.from_numpy(t)
        contenders["PyTorch"] = lambda: F.cross_entropy(zt, tt)
        threads = f", {torch.get_num_threads()} threads"
    except ImportError:
        pass
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for fn in contenders.values():
        fn()  # warm up
    for _ in range(repeat):
        for name, fn in contenders.items():
            times[name] += timed(fn, 1, warmup=0)
    ms = {name: median_ms(ts) for name, ts in times.items()}
    label = f"categorical_cross_entropy N={n:.0e} C={c}"
    results = []
    if "PyTorch" in ms:
        results.append(
            Result(
                f"{label} vs PyTorch F.cross_entropy (CPU{threads})",
                ms["ours"],
                "ms",
                ms["PyTorch"],
                1.0,
                reference_name="PyTorch",
            )
        )
    else:
        results.append(
            Result(
                f"{label} vs PyTorch",
                ms["ours"],
                "ms",
                float("nan"),
                1.0,
                reference_name="PyTorch",
                note="torch not installed",
            )
        )
    results.append(
        Result(f"{label} vs SciPy log_softmax+gather", ms["ours"], "ms", ms["SciPy"], 1.0, reference_name="SciPy")
    )
    results.append(
        Result(
            f"{label} vs scikit-learn log_loss",
            ms["ours"],
            "ms",
            ms["scikit-learn"],
            1.0,
            reference_name="scikit-learn",
        )
    )
    return results


def loss_surface_100x100(quick: bool = False) -> list[Result]:
    """Both loss surfaces (CE and MSE) of logistic regression on a 100 x 100 weight grid, N = 500: what the
    surfaces page computes on a cache miss. Its budget is the browser's (a slider move that recomputes a
    surface: 4x the bare page); here it is shown beside the bare page's server rerun, for scale."""
    from benchmarks.browser import REFERENCE
    from benchmarks.pages import reference_rerun_ms
    from xentcore.datasets import make_dataset
    from xentcore.surface import loss_surface, weight_grid

    repeat = 3 if quick else 10
    ref_ms = reference_rerun_ms(quick)
    ds = make_dataset("overlap", n=500, seed=1)
    w1, w2 = weight_grid(6.0, 100)
    ms = median_ms(timed(lambda: loss_surface(ds.X, ds.y, w1, w2, 0.0), repeat))
    return [Result("loss surface 100x100, N=500 (CE and MSE)", ms, "ms", ref_ms, reference_name=f"{REFERENCE} rerun")]
