"""Classification metrics from predicted class indices: confusion matrix, accuracy, per-class recall and
balanced accuracy.

Accuracy counts every sample once, so a model can score well by ignoring a rare class; recall asks, class by
class, what fraction of its samples were found, and balanced accuracy averages those recalls, so every class
counts the same whatever its size.
"""

from __future__ import annotations

import numpy as np


def _labels(y, y_pred, n_classes: int) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(n_classes, bool) or not isinstance(n_classes, int | np.integer) or n_classes < 1:
        raise ValueError(f"n_classes must be an integer >= 1, got {n_classes!r}")
    y, y_pred = np.asarray(y), np.asarray(y_pred)
    if y.ndim != 1 or y.shape != y_pred.shape:
        raise ValueError(f"y and y_pred must be vectors of the same length, got shapes {y.shape} and {y_pred.shape}")
    for name, v in (("y", y), ("y_pred", y_pred)):
        if v.size and (not np.issubdtype(v.dtype, np.integer) or v.min() < 0 or v.max() >= n_classes):
            raise ValueError(f"{name} must hold class indices 0..{n_classes - 1}")
    return y.astype(np.int64), y_pred.astype(np.int64)


def confusion_matrix(y, y_pred, n_classes: int) -> np.ndarray:
    """``C[i, j]`` = number of samples of true class i predicted as class j (rows: truth, as scikit-learn).

    >>> confusion_matrix(np.array([0, 0, 1, 1]), np.array([0, 1, 1, 1]), 2).tolist()
    [[1, 1], [0, 2]]
    """
    y, y_pred = _labels(y, y_pred, n_classes)
    return np.bincount(y * n_classes + y_pred, minlength=n_classes * n_classes).reshape(n_classes, n_classes)


def accuracy(y, y_pred, n_classes: int) -> float:
    """The fraction of samples whose prediction is their label (NaN for no samples)."""
    y, y_pred = _labels(y, y_pred, n_classes)
    return float(np.mean(y == y_pred)) if y.size else float("nan")


def recall_per_class(y, y_pred, n_classes: int) -> np.ndarray:
    """Recall of each class, ``C[c, c] / Σ_j C[c, j]``: the fraction of class c's samples predicted as c.

    A class with no samples in ``y`` has no recall: NaN (scikit-learn's ``recall_score(average=None)`` reports 0
    there, with a warning).

    >>> recall_per_class([0, 0, 1, 1, 1], [0, 1, 1, 1, 0], 3).round(4).tolist()
    [0.5, 0.6667, nan]
    """
    c = confusion_matrix(y, y_pred, n_classes)
    support = c.sum(axis=1)
    return np.divide(np.diag(c), support, out=np.full(n_classes, np.nan), where=support > 0)


def balanced_accuracy(y, y_pred, n_classes: int) -> float:
    """The mean of :func:`recall_per_class` over the classes present in ``y`` (scikit-learn's
    ``balanced_accuracy_score``); NaN for no samples.

    On two balanced classes it equals the accuracy; a model that always predicts the majority of K classes
    scores 1/K however rare the others are.

    >>> balanced_accuracy([0, 0, 0, 0, 1], [0, 0, 0, 0, 0], 2), accuracy([0, 0, 0, 0, 1], [0, 0, 0, 0, 0], 2)
    (0.5, 0.8)
    """
    recall = recall_per_class(y, y_pred, n_classes)
    present = ~np.isnan(recall)
    return float(recall[present].mean()) if present.any() else float("nan")
