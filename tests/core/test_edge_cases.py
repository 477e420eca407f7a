"""Edge cases of the core: empty inputs, axes out of range, -inf logits, the sum-to-1 tolerance, and BCE's
gradient at ŷ = y. PyTorch (2.x, CPU) is the reference where it defines a value; where it returns NaN for
``0 · log 0`` we keep the limit ``0`` and say so."""

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from reference_support import import_torch

from xentcore.info import (
    as_distribution,
    cross_entropy,
    entropy,
    js_divergence,
    kl_divergence,
    normalize,
    sum_tolerance,
)
from xentcore.losses import (
    binary_cross_entropy,
    binary_cross_entropy_with_logits,
    categorical_cross_entropy,
    grad_binary_cross_entropy,
    grad_binary_cross_entropy_with_logits,
    grad_categorical_cross_entropy,
    grad_mse,
    grad_mse_with_logits,
    log_softmax,
    mse,
    mse_with_logits,
    softmax,
    softmax_vjp,
)

NINF = -math.inf

# --- 1. empty inputs: every loss and every gradient, every reduction -----------------------------------

ELEMENTWISE = [
    binary_cross_entropy,
    grad_binary_cross_entropy,
    binary_cross_entropy_with_logits,
    grad_binary_cross_entropy_with_logits,
    mse,
    grad_mse,
    mse_with_logits,
    grad_mse_with_logits,
]


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize("f", ELEMENTWISE, ids=lambda f: f.__name__)
@pytest.mark.parametrize("shape", [(0,), (0, 3), (2, 0)])
def test_empty_elementwise_inputs_are_refused(f, reduction, shape):
    with pytest.raises(ValueError, match=r"is empty \(shape"):
        f(np.zeros(shape), np.zeros(shape), reduction=reduction)


CATEGORICAL = [
    ("loss", lambda t, z, **kw: categorical_cross_entropy(t, z, **kw)),
    ("grad logits", lambda t, z, **kw: grad_categorical_cross_entropy(t, z, wrt="logits", **kw)),
    ("grad probs", lambda t, z, **kw: grad_categorical_cross_entropy(t, z, wrt="probs", **kw)),
]


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
@pytest.mark.parametrize(("name", "f"), CATEGORICAL, ids=[c[0] for c in CATEGORICAL])
@pytest.mark.parametrize(
    ("target", "logits"),
    [
        (np.zeros(0, dtype=int), np.zeros((0, 3))),  # class indices
        (np.zeros(0), np.zeros((0, 3))),  # float class indices (the general path)
        (np.zeros((0, 3)), np.zeros((0, 3))),  # probability targets
        (np.zeros(2, dtype=int), np.zeros((2, 0))),  # no classes
        (np.zeros((2, 0)), np.zeros((2, 0))),
    ],
    ids=["index", "float-index", "probs", "no-class-index", "no-class-probs"],
)
def test_empty_categorical_inputs_are_refused(name, f, target, logits, reduction):
    with pytest.raises(ValueError, match=r"logits is empty \(shape .*at least one row and one class"):
        f(target, logits, reduction=reduction)


def test_mean_over_zero_total_class_weight_is_refused_by_loss_and_gradient():
    """PyTorch returns NaN (0 / 0); the gradient here used to raise ZeroDivisionError."""
    for f in (categorical_cross_entropy, grad_categorical_cross_entropy):
        with pytest.raises(ValueError, match=r"total class weight .* is 0"):
            f([1, 1], np.zeros((2, 2)), weight=[1.0, 0.0])
        f([1, 1], np.zeros((2, 2)), weight=[1.0, 0.0], reduction="sum")  # well defined: 0


# --- 2. axis out of range ------------------------------------------------------------------------------

P2 = np.full((2, 2), 0.5)  # a distribution along either axis

AXIS_CALLS = [
    ("entropy", lambda ax: entropy(P2, axis=ax), "p"),
    ("cross_entropy", lambda ax: cross_entropy(P2, P2, axis=ax), "p"),
    ("kl_divergence", lambda ax: kl_divergence(P2, P2, axis=ax), "p"),
    ("js_divergence", lambda ax: js_divergence(P2, P2, axis=ax), "p"),
    ("normalize", lambda ax: normalize(P2, axis=ax), "weights"),
    ("as_distribution", lambda ax: as_distribution(P2, axis=ax), "p"),
    ("log_softmax", lambda ax: log_softmax(P2, axis=ax), "z"),
    ("softmax", lambda ax: softmax(P2, axis=ax), "z"),
    ("softmax_vjp", lambda ax: softmax_vjp(P2, P2, axis=ax), "y_hat"),
]


@pytest.mark.parametrize("axis", [2, -3, 7])
@pytest.mark.parametrize(("label", "call", "name"), AXIS_CALLS, ids=[c[0] for c in AXIS_CALLS])
def test_axis_out_of_range_names_axis_and_dimensions(label, call, name, axis):
    with pytest.raises(ValueError, match=rf"^axis {axis} is out of range for {name}, which has 2 dimensions$"):
        call(axis)
    call(axis % 2)  # the same call with a valid axis works


def test_axis_on_a_vector_and_a_non_integer_axis():
    with pytest.raises(ValueError, match=r"axis 1 is out of range for p, which has 1 dimension$"):
        entropy([0.5, 0.5], axis=1)
    with pytest.raises(ValueError, match=r"axis must be an integer, got 0\.5"):
        kl_divergence([0.5, 0.5], [0.5, 0.5], axis=0.5)
    with pytest.raises(ValueError, match="which has 0 dimensions"):
        log_softmax(1.0)


# --- 3. -inf logits: probability 0, the same on every path, as in PyTorch -------------------------------


@st.composite
def batches_with_neg_inf(draw):
    n, c = draw(st.integers(1, 5)), draw(st.integers(2, 5))
    z = draw(arrays(float, (n, c), elements=st.floats(-20, 20)))
    mask = draw(arrays(bool, (n, c)))
    keep = draw(arrays(int, n, elements=st.integers(0, c - 1)))
    mask[np.arange(n), keep] = False  # every row keeps a finite logit
    z[mask] = NINF
    t = draw(arrays(int, n, elements=st.integers(0, c - 1)))
    w = draw(arrays(float, c, elements=st.one_of(st.just(0.0), st.floats(0.1, 3.0))))
    return z, t, w


def _coefficients(t, c, w, eps):
    """``A`` with ``L_i = -Σ_c A_ic log ŷ_ic``, PyTorch's weights and smoothing, built independently."""
    onehot = np.eye(c)[t]
    return ((1 - eps) * onehot + eps / c) * w


def _replace_neg_inf(z):
    # exp(-1e4 - max) underflows to exactly 0, so only the terms of classes with a positive coefficient change
    return np.where(np.isneginf(z), -1e4, z)


@settings(max_examples=80, deadline=None)
@given(batches_with_neg_inf(), st.sampled_from([0.0, 0.1, 1.0]), st.booleans())
def test_neg_inf_logits_agree_on_every_path(batch, eps, weighted):
    z, t, w = batch
    c = z.shape[1]
    w_used = w if weighted else np.ones(c)
    kw = {"weight": w if weighted else None, "label_smoothing": eps}
    onehot = np.eye(c)[t]
    a = _coefficients(t, c, w_used, eps)
    expect_inf = ((a > 0) & np.isneginf(z)).any(axis=1)

    by_index = categorical_cross_entropy(t, z, reduction="none", **kw)
    by_float_index = categorical_cross_entropy(t.astype(float), z, reduction="none", **kw)
    by_probs = categorical_cross_entropy(onehot, z, reduction="none", **kw)
    for got in (by_index, by_float_index, by_probs):
        assert not np.isnan(got).any()
        np.testing.assert_array_equal(np.isposinf(got), expect_inf)
        np.testing.assert_allclose(got, by_index, rtol=1e-12, atol=1e-12)
    finite_version = categorical_cross_entropy(t, _replace_neg_inf(z), reduction="none", **kw)
    np.testing.assert_allclose(by_index[~expect_inf], finite_version[~expect_inf], rtol=1e-12, atol=1e-12)

    reductions = ["sum", "mean"] if w_used[t].sum() > 0 else ["sum"]
    for reduction in reductions:
        g_index = grad_categorical_cross_entropy(t, z, reduction=reduction, **kw)
        assert np.isfinite(g_index).all()  # finite even where the loss is +inf
        if reduction == "sum":  # with class indices "mean" divides by Σ w[t_i], with probabilities by N
            g_probs = grad_categorical_cross_entropy(onehot, z, reduction=reduction, **kw)
            np.testing.assert_allclose(g_probs, g_index, rtol=1e-12, atol=1e-15)
        g_finite = grad_categorical_cross_entropy(t, _replace_neg_inf(z), reduction=reduction, **kw)
        np.testing.assert_allclose(g_index, g_finite, rtol=1e-12, atol=1e-15)
        # where ŷ_c = 0: -a_c (times the mean's scale) w.r.t. the logits
        scale = 1.0 if reduction == "sum" else 1.0 / w_used[t].sum()
        np.testing.assert_allclose(g_index[np.isneginf(z)], -a[np.isneginf(z)] * scale, atol=1e-15)

        gp = grad_categorical_cross_entropy(t, z, reduction=reduction, wrt="probs", **kw)
        assert not np.isnan(gp).any()
        np.testing.assert_array_equal(np.isneginf(gp), (a > 0) & np.isneginf(z))
        np.testing.assert_array_equal(gp[(a == 0)], 0.0)


def _torch_ce(torch, z, target, w, eps, reduction):
    import torch.nn.functional as F

    zt = torch.tensor(z, requires_grad=True)
    loss = F.cross_entropy(
        zt,
        torch.tensor(target),
        weight=None if w is None else torch.tensor(w),
        label_smoothing=eps,
        reduction=reduction,
    )
    (loss.sum() if reduction == "none" else loss).backward()
    return loss.detach().numpy(), zt.grad.numpy()


@settings(max_examples=60, deadline=None)
@given(batches_with_neg_inf(), st.sampled_from([0.0, 0.1, 1.0]), st.booleans())
def test_neg_inf_logits_match_pytorch(batch, eps, weighted):
    torch = import_torch()
    z, t, w = batch
    c = z.shape[1]
    weight = w if weighted else None
    kw = {"weight": weight, "label_smoothing": eps}
    a = _coefficients(t, c, w if weighted else np.ones(c), eps)
    # PyTorch computes 0 · (-inf) = NaN where a class of logit -inf has coefficient 0; we take 0 · log 0 = 0
    torch_nan_expected = ((a == 0) & np.isneginf(z)).any(axis=1)
    # ... and, with ε = 1, its separate (1 - ε) · nll term is 0 · ∞ = NaN where the target's logit is -inf
    if eps == 1.0:
        torch_nan_expected |= np.isneginf(z[np.arange(len(t)), t])
    for target in (t, np.eye(c)[t]):
        ours = categorical_cross_entropy(target, z, reduction="none", **kw)
        theirs, torch_grad = _torch_ce(torch, z, target, weight, eps, "none")
        nan = np.isnan(theirs)
        assert not (nan & ~torch_nan_expected).any()
        np.testing.assert_allclose(ours[~nan], theirs[~nan], rtol=1e-10, atol=1e-12)
        # the gradients agree everywhere, NaN rows of the loss included: there PyTorch's backward is finite
        np.testing.assert_allclose(
            grad_categorical_cross_entropy(target, z, reduction="sum", **kw), torch_grad, rtol=1e-10, atol=1e-12
        )
    if (w if weighted else np.ones(c))[t].sum() > 0:
        _, torch_grad = _torch_ce(torch, z, t, weight, eps, "mean")
        np.testing.assert_allclose(grad_categorical_cross_entropy(t, z, **kw), torch_grad, rtol=1e-10, atol=1e-12)


def test_neg_inf_by_hand_and_against_pytorch():
    z = np.array([[0.0, NINF, 1.0], [0.0, NINF, 1.0]])
    t = np.array([0, 1])
    got = categorical_cross_entropy(t, z, reduction="none")
    assert got[0] == pytest.approx(math.log(1 + math.e)) and got[1] == math.inf
    # the gradient is ŷ - y even for the impossible target: -1 at the -inf class, as in PyTorch
    y_hat = np.array([1, 0, math.e]) / (1 + math.e)
    np.testing.assert_allclose(
        grad_categorical_cross_entropy(t, z, reduction="sum"), [y_hat - [1, 0, 0], y_hat - [0, 1, 0]]
    )
    torch = import_torch()
    theirs, torch_grad = _torch_ce(torch, z, t, None, 0.0, "none")
    np.testing.assert_allclose(got, theirs)
    np.testing.assert_allclose(grad_categorical_cross_entropy(t, z, reduction="sum"), torch_grad)


BAD_ROWS = [
    (np.nan, "row 1 contains NaN"),
    (math.inf, r"row 1 contains \+inf"),
    ("all -inf", "row 1 is all -inf"),
]


@pytest.mark.parametrize(("bad", "message"), BAD_ROWS, ids=["nan", "+inf", "all -inf"])
@pytest.mark.parametrize(
    "call",
    [
        lambda t, z: categorical_cross_entropy(t, z),
        lambda t, z: categorical_cross_entropy(t, z, label_smoothing=0.1, weight=[1.0, 0.0, 2.0]),
        lambda t, z: categorical_cross_entropy(t.astype(float), z),
        lambda t, z: categorical_cross_entropy(np.eye(3)[t], z),
        lambda t, z: grad_categorical_cross_entropy(t, z),
        lambda t, z: grad_categorical_cross_entropy(np.eye(3)[t], z),
        lambda t, z: grad_categorical_cross_entropy(t, z, wrt="probs"),
        lambda t, z: grad_categorical_cross_entropy(np.eye(3)[t], z, wrt="probs"),
    ],
    ids=[
        "index",
        "index-smooth-weighted",
        "float-index",
        "probs",
        "grad",
        "grad-probs-target",
        "grad-wrt-probs",
        "grad-wrt-probs-probs-target",
    ],
)
@pytest.mark.parametrize("n", [3, 350_000], ids=["small", "chunked-threaded"])  # n · C >= 10⁶: threads
def test_nan_pos_inf_and_all_neg_inf_rows_are_refused_on_every_path(call, bad, message, n):
    z = np.zeros((n, 3))
    z[0, 1] = NINF  # a single -inf is fine
    if bad == "all -inf":
        z[1] = NINF
    else:
        z[1, 2] = bad
    with pytest.raises(ValueError, match=rf"logits must be finite or -inf.*{message}"):
        call(np.zeros(n, dtype=int), z)


# --- 4. the sum-to-1 tolerance scales with K and the dtype ----------------------------------------------


def _float32_softmax_summed_term_by_term(z):
    """A float32 softmax whose normaliser is accumulated one term at a time (as a loop or a kernel might)."""
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / np.cumsum(e, axis=-1, dtype=np.float32)[..., -1:]


def test_float32_softmax_of_50000_classes_is_a_distribution():
    rng = np.random.default_rng(0)
    z = rng.normal(size=(4, 50_000)).astype(np.float32)
    p = _float32_softmax_summed_term_by_term(z)
    assert p.dtype == np.float32
    off = np.abs(p.sum(axis=-1, dtype=np.float64) - 1.0)
    assert off.max() > 1e-6  # what the old fixed tolerance of 1e-6 rejected
    assert off.max() < sum_tolerance(50_000, np.float32)
    as_distribution(p)
    as_distribution(p.T, axis=0)
    assert np.isfinite(entropy(p)).all()
    assert np.isfinite(cross_entropy(p, p)).all()
    assert not normalize(p[0]).changed
    # a float64 copy of the same numbers has no float32 excuse
    with pytest.raises(ValueError, match="must sum to 1"):
        as_distribution(p.astype(np.float64))


def test_a_sum_clearly_off_is_rejected_whatever_the_dtype_and_k():
    rng = np.random.default_rng(1)
    p = softmax(rng.normal(size=50_000)).astype(np.float32) * np.float32(1.01)
    with pytest.raises(ValueError, match=r"sums to 1\.01"):
        entropy(p)
    with pytest.raises(ValueError, match=r"sums to 0\.99"):
        entropy(np.array([0.5, 0.49], dtype=np.float32))
    assert sum_tolerance(3) == 1e-6
    assert sum_tolerance(3, np.float32) == 1e-6
    assert sum_tolerance(50_000, np.float32) == pytest.approx(50_000 * 2.0**-23)
    assert sum_tolerance(10, int) == 1e-6


@given(st.floats(1.0000001e-6, 0.4), st.booleans())
def test_the_message_never_reads_sums_to_1(off, above):
    p = [0.5, 0.5 + off] if above else [0.5, 0.5 - off]
    with pytest.raises(ValueError, match="must sum to 1") as info:
        entropy(p)
    printed = float(re.search(r"sums to (\S+)$", str(info.value)).group(1))
    actual = math.fsum(p)
    assert printed != 1.0
    assert abs(printed - actual) < abs(actual - 1.0) / 10


# --- 5. BCE's gradient at ŷ = y ∈ {0, 1} -----------------------------------------------------------------


def test_bce_gradient_is_zero_at_a_perfect_certain_prediction():
    y = np.array([1.0, 0.0, 1.0, 0.0, 0.3, 1.0])
    y_hat = np.array([1.0, 0.0, 0.5, 0.2, 0.3, 0.0])
    g = grad_binary_cross_entropy(y, y_hat, reduction="sum")
    np.testing.assert_array_equal(g[:2], 0.0)
    np.testing.assert_allclose(g[2:5], (y_hat - y)[2:5] / (y_hat * (1 - y_hat))[2:5])
    assert g[5] == -math.inf
    assert binary_cross_entropy(y[:2], y_hat[:2]) == 0.0


def test_bce_gradient_matches_pytorch_autograd():
    torch = import_torch()
    import torch.nn.functional as F

    y = np.array([1.0, 0.0, 1.0, 0.0, 0.3, 0.7, 1.0, 0.0])
    y_hat = np.array([1.0, 0.0, 0.5, 0.2, 0.3, 0.9, 0.0, 1.0])
    for reduction in ("mean", "sum"):
        p = torch.tensor(y_hat, requires_grad=True)
        F.binary_cross_entropy(p, torch.tensor(y), reduction=reduction).backward()
        theirs = p.grad.numpy()
        ours = grad_binary_cross_entropy(y, y_hat, reduction=reduction)
        np.testing.assert_allclose(ours[:6], theirs[:6], rtol=1e-12)  # 0 at ŷ = y ∈ {0, 1}, as in PyTorch
        # certain and wrong: we give ±inf, PyTorch ±1/(N·1e-12); the signs agree
        assert np.isinf(ours[6:]).all() and (np.sign(ours[6:]) == np.sign(theirs[6:])).all()
        assert (np.abs(theirs[6:]) > 1e10).all()



def test_a_subnormal_probability_stays_inside_the_mixture():
    """½ · 5e-324 underflows to 0: the mixture must still cover that outcome, so JS stays finite."""
    from xentcore.info import js_divergence, mixture

    p, q = np.array([1.0, 5e-324]), np.array([1.0, 0.0])
    assert np.all(mixture(p, q) > 0)
    js = js_divergence(p, q)
    assert np.isfinite(js) and 0 <= js <= np.log(2)
