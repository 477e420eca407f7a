"""Per-class recall and balanced accuracy against scikit-learn, by hand, and their properties."""

import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.metrics import accuracy_score, balanced_accuracy_score, recall_score
from sklearn.metrics import confusion_matrix as sk_confusion_matrix

from xentcore.metrics import accuracy, balanced_accuracy, confusion_matrix, recall_per_class
from xentcore.training import confusion_matrix as training_confusion_matrix


def labelled(max_k: int = 5, max_n: int = 40):
    """(y, y_pred, K) with every class of 0..K-1 present in y."""
    return st.tuples(st.integers(2, max_k), st.integers(0, max_n)).flatmap(
        lambda kn: st.tuples(
            arrays(np.int64, kn[0] + kn[1], elements=st.integers(0, kn[0] - 1)).map(
                lambda extra: np.concatenate([np.arange(kn[0]), extra[kn[0] :]])
            ),
            arrays(np.int64, kn[0] + kn[1], elements=st.integers(0, kn[0] - 1)),
            st.just(kn[0]),
        )
    )


@settings(max_examples=200, deadline=None)
@given(labelled())
def test_recall_and_balanced_accuracy_match_scikit_learn(sample):
    y, y_pred, k = sample
    labels = list(range(k))
    np.testing.assert_allclose(recall_per_class(y, y_pred, k), recall_score(y, y_pred, labels=labels, average=None))
    assert balanced_accuracy(y, y_pred, k) == pytest.approx(balanced_accuracy_score(y, y_pred), rel=1e-12)
    assert accuracy(y, y_pred, k) == pytest.approx(accuracy_score(y, y_pred))
    np.testing.assert_array_equal(confusion_matrix(y, y_pred, k), sk_confusion_matrix(y, y_pred, labels=labels))


def test_a_class_missing_from_the_labels_has_no_recall():
    y, y_pred = np.array([0, 0, 1, 1]), np.array([0, 2, 1, 1])
    recall = recall_per_class(y, y_pred, 3)
    assert recall[:2].tolist() == [0.5, 1.0] and np.isnan(recall[2])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn warns, and says 0 for the missing class
        assert recall_score(y, y_pred, labels=[0, 1, 2], average=None)[2] == 0.0
        assert balanced_accuracy(y, y_pred, 3) == pytest.approx(balanced_accuracy_score(y, y_pred))
    assert np.isnan(balanced_accuracy([], [], 2)) and np.isnan(accuracy([], [], 2))


def test_by_hand():
    # 8 of class 0 (all found), 2 of class 1 (one found): accuracy 0.9, balanced accuracy (1 + 0.5) / 2
    y = np.array([0] * 8 + [1, 1])
    y_pred = np.array([0] * 8 + [1, 0])
    assert accuracy(y, y_pred, 2) == 0.9
    assert recall_per_class(y, y_pred, 2).tolist() == [1.0, 0.5]
    assert balanced_accuracy(y, y_pred, 2) == 0.75
    always = np.zeros_like(y)  # the majority vote: 80 % accurate, balanced accuracy 1/K
    assert accuracy(y, always, 2) == 0.8 and balanced_accuracy(y, always, 2) == 0.5


@settings(max_examples=100, deadline=None)
@given(labelled(max_k=4))
def test_properties(sample):
    y, y_pred, k = sample
    recall = recall_per_class(y, y_pred, k)
    assert ((recall >= 0) & (recall <= 1)).all()
    assert min(recall) <= balanced_accuracy(y, y_pred, k) <= max(recall)
    # accuracy is the recalls weighted by the class sizes
    assert accuracy(y, y_pred, k) == pytest.approx(float(recall @ np.bincount(y, minlength=k)) / len(y))
    assert balanced_accuracy(y, y, k) == 1.0
    np.testing.assert_array_equal(training_confusion_matrix(y, y_pred, k), confusion_matrix(y, y_pred, k))


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (([0, 1], [0], 2), "same length"),
        (([0, 2], [0, 1], 2), "class indices"),
        (([0, 1], [0.0, 1.0], 2), "class indices"),
        (([0, 1], [0, 1], 0), "n_classes"),
    ],
)
def test_bad_input_is_refused(args, match):
    with pytest.raises(ValueError, match=match):
        recall_per_class(*args)
