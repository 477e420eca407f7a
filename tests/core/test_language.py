"""The character n-gram model against a dictionary-of-tuples reference, SciPy, hand-computed values and
properties; sizes and unit conversions."""

import bz2
import itertools
import lzma
import math
import warnings
import zlib
from collections import Counter
from unittest import mock

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats

from xentcore import entropy, language
from xentcore.language import (
    BOUNDARY,
    UNKNOWN,
    CharNGram,
    bits_per_byte,
    bits_to_nats,
    compressed_sizes,
    display_symbol,
    ideal_code_length_bits,
    nats_from_perplexity,
    nats_to_bits,
    perplexity_from_nats,
)

ALPHAS = [0.0, 0.5, 1.0, 3.0, 1e6]
train_texts = st.text(alphabet="abc", min_size=1, max_size=40)
# scored texts also hold unseen characters, the reserved symbols, CJK and an emoji
test_texts = st.text(alphabet="abcdx你😀" + BOUNDARY + UNKNOWN, max_size=30)


def reference_surprisal_bits(train: str, k: int, alpha: float, text: str) -> list[float]:
    """The definition, written out with Counters of padded history strings (no numpy, no encoding)."""
    seen = set(train)
    V = len(seen) + 1
    n_hc, n_h = Counter(), Counter()
    padded = BOUNDARY * k + train
    for i, c in enumerate(train):
        n_hc[padded[i : i + k], c] += 1
        n_h[padded[i : i + k]] += 1
    mapped = BOUNDARY * k + "".join(c if c in seen else UNKNOWN for c in text)
    out = []
    for i in range(len(text)):
        h, c = mapped[i : i + k], mapped[i + k]
        q = 1 / V if n_h[h] == 0 else (n_hc[h, c] + alpha) / (n_h[h] + alpha * V)
        out.append(math.inf if q == 0 else -math.log2(q))
    return out


# --- against the reference ----------------------------------------------------------------------------


@settings(deadline=None, max_examples=150)
@given(
    train=train_texts,
    text=test_texts,
    k=st.integers(0, 5),
    alpha=st.sampled_from(ALPHAS),
    code_limit=st.sampled_from([2**62, 30]),  # 30: renumber the context codes at almost every step
)
def test_surprisal_matches_the_definition(train, text, k, alpha, code_limit):
    with mock.patch.object(language, "_CODE_LIMIT", code_limit):
        got = CharNGram(k, alpha).fit(train).surprisal(text)
    np.testing.assert_allclose(got, reference_surprisal_bits(train, k, alpha, text), rtol=1e-12)


def test_large_vocabulary_long_context_matches_the_definition():
    # 2000 distinct CJK characters: (V+1)^6 > 2^62, so the real renumbering path runs at context 6
    rng = np.random.default_rng(0)
    chars = [chr(0x4E00 + i) for i in range(2000)]
    train = "".join(rng.choice(chars, 3000))
    text = train[:1000] + "".join(rng.choice(chars, 200)) + "abc"
    m = CharNGram(6, 0.0).fit(train)
    assert (len(m.vocabulary) + 1) ** 6 > 2**62 and m._renumbered  # the codes were renumbered
    np.testing.assert_allclose(m.surprisal(text), reference_surprisal_bits(train, 6, 0.0, text), rtol=1e-12)
    assert m.cross_entropy(train) == 0.0  # every 6-character history is unique in random text


# --- hand-computed values -----------------------------------------------------------------------------


def test_padded_histories_context_2_on_abab():
    # training positions, history -> character: ⊥⊥ -> a, ⊥a -> b, ab -> a, ba -> b; each history once.
    m = CharNGram(context=2, alpha=1).fit("abab")  # V = 3 (a, b, unknown)
    assert m.vocabulary == ("a", "b", UNKNOWN)
    np.testing.assert_allclose(m.probabilities(""), [2 / 4, 1 / 4, 1 / 4])  # ⊥⊥: a once, (1 + 1) / (1 + 3)
    np.testing.assert_allclose(m.probabilities("a"), [1 / 4, 2 / 4, 1 / 4])  # ⊥a: b once
    np.testing.assert_allclose(m.probabilities("zzab"), [2 / 4, 1 / 4, 1 / 4])  # only the last 2 count
    np.testing.assert_allclose(m.probabilities("bb"), [1 / 3] * 3)  # never seen: uniform
    np.testing.assert_allclose(m.surprisal("abab"), [1, 1, 1, 1])  # each q = 2/4
    # "abba": ⊥⊥ -> a: 1/2; ⊥a -> b: 1/2; ab -> b: (0 + 1)/(1 + 3); bb -> a: unseen, 1/3
    np.testing.assert_allclose(m.surprisal("abba"), [1, 1, 2, math.log2(3)])

    m0 = CharNGram(context=2, alpha=0).fit("abab")
    assert m0.cross_entropy("abab") == 0.0  # each history is followed by one character only
    # "ba": ⊥⊥ -> b never happened (q = 0); ⊥b never seen as a history: uniform over V = 3
    np.testing.assert_allclose(m0.surprisal("ba"), [math.inf, math.log2(3)])


def test_bigram_by_hand():
    # "aab", context 1: ⊥ -> a, a -> a, a -> b; q(a|⊥) = 1, q(a|a) = q(b|a) = 1/2
    m = CharNGram(context=1, alpha=0).fit("aab")
    np.testing.assert_array_equal(m.surprisal("aab"), [0.0, 1.0, 1.0])
    assert m.cross_entropy("aab") == pytest.approx(2 / 3)
    assert m.perplexity("aab") == pytest.approx(2 ** (2 / 3))
    assert ideal_code_length_bits(m, "aab") == 2.0
    # alpha = 0.5, V = 3: q(b | a) = (1 + 0.5) / (2 + 1.5)
    m = CharNGram(context=1, alpha=0.5).fit("aab")
    assert m.surprisal("ab")[1] == pytest.approx(-math.log2(1.5 / 3.5))


def test_unigram_by_hand():
    m = CharNGram(context=0, alpha=1).fit("aaab")  # V = 3: q = (3+1, 1+1, 0+1) / (4 + 3)
    np.testing.assert_allclose(m.probabilities("anything"), [4 / 7, 2 / 7, 1 / 7])
    np.testing.assert_allclose(m.surprisal("bz"), [-math.log2(2 / 7), -math.log2(1 / 7)])


# --- properties ---------------------------------------------------------------------------------------


@settings(deadline=None)
@given(text=st.text(alphabet="abcdefg 你好😀", min_size=1, max_size=200))
def test_unigram_training_cross_entropy_is_the_entropy_of_the_frequencies(text):
    counts = np.array(list(Counter(text).values()), dtype=float)
    m = CharNGram(context=0, alpha=0).fit(text)
    expected = stats.entropy(counts, base=2)
    assert m.cross_entropy(text) == pytest.approx(expected, abs=1e-12)
    assert m.cross_entropy(text) == pytest.approx(entropy(counts / counts.sum(), base=2), abs=1e-12)
    assert m.cross_entropy(text, base=math.e) == pytest.approx(stats.entropy(counts), abs=1e-12)


def test_unigram_on_a_known_text():
    text = "mississippi"  # m 1, i 4, s 4, p 2
    p = np.array([1, 4, 4, 2]) / 11
    assert CharNGram(0, 0).fit(text).cross_entropy(text) == pytest.approx(-(p * np.log2(p)).sum(), rel=1e-14)


@settings(deadline=None)
@given(train=train_texts, text=test_texts.filter(bool), k=st.integers(0, 4))
def test_large_alpha_tends_to_log_v(train, text, k):
    V = len(set(train)) + 1
    assert CharNGram(k, math.inf).fit(train).cross_entropy(text) == pytest.approx(math.log2(V), rel=1e-15)
    assert CharNGram(k, 1e12).fit(train).cross_entropy(text) == pytest.approx(math.log2(V), rel=1e-9)


def test_cross_entropy_approaches_log_v_as_alpha_grows():
    text = "the cat sat on the mat"
    V = len(set(text)) + 1
    gaps = [abs(CharNGram(2, a).fit(text).cross_entropy(text) - math.log2(V)) for a in (1, 10, 100, 1e4, 1e8)]
    assert all(g1 > g2 for g1, g2 in itertools.pairwise(gaps)) and gaps[-1] < 1e-6


@settings(deadline=None)
@given(
    train=train_texts,
    history=test_texts,
    k=st.integers(0, 5),
    alpha=st.sampled_from([*ALPHAS, 1e-300, 5e-324, 1e300, math.inf]),
)
def test_probabilities_sum_to_one_for_any_history(train, history, k, alpha):
    q = CharNGram(k, alpha).fit(train).probabilities(history)
    assert q.shape == (len(set(train)) + 1,)
    assert (q >= 0).all() and q.sum() == pytest.approx(1.0, rel=1e-12)


@settings(deadline=None)
@given(train=train_texts, text=test_texts, k=st.integers(0, 4), alpha=st.sampled_from(ALPHAS))
def test_surprisal_is_minus_log_of_probabilities(train, text, k, alpha):
    m = CharNGram(k, alpha).fit(train)
    s = m.surprisal(text)
    assert s.shape == (len(text),)
    index = {c: i for i, c in enumerate(m.vocabulary[:-1])}
    for i, c in enumerate(text):
        q = m.probabilities(text[:i])[index.get(c, len(index))]
        assert s[i] == (math.inf if q == 0 else pytest.approx(-math.log2(q), rel=1e-12))


@settings(deadline=None)
@given(train=train_texts, text=test_texts.filter(bool), k=st.integers(0, 4), alpha=st.sampled_from(ALPHAS[1:]))
def test_perplexity_is_two_to_the_bits_and_does_not_depend_on_the_base(train, text, k, alpha):
    m = CharNGram(k, alpha).fit(train)
    bits, nats = m.cross_entropy(text), m.cross_entropy(text, base=math.e)
    assert m.perplexity(text) == pytest.approx(2**bits, rel=1e-12)
    assert m.perplexity(text) == pytest.approx(math.exp(nats), rel=1e-12)
    assert bits * math.log(2) == pytest.approx(nats, rel=1e-12)
    assert m.cross_entropy(text, base=10) * math.log(10) == pytest.approx(nats, rel=1e-12)
    np.testing.assert_allclose(m.surprisal(text, base=math.e), m.surprisal(text) * math.log(2), rtol=1e-12)


@settings(deadline=None)
@given(text=st.text(alphabet="abcd ", min_size=1, max_size=80), k=st.integers(0, 5))
def test_training_cross_entropy_does_not_increase_with_context_when_alpha_is_0(text, k):
    # H(C | last k+1) <= H(C | last k) for the empirical distribution: the longer padded history determines
    # the shorter one (its last k symbols), and conditioning on a finer partition never raises entropy
    h_k = CharNGram(k, 0).fit(text).cross_entropy(text)
    h_k1 = CharNGram(k + 1, 0).fit(text).cross_entropy(text)
    assert math.isfinite(h_k) and h_k1 <= h_k + 1e-12


def test_with_smoothing_more_context_can_cost_more():
    # why the property above is not asserted for alpha > 0: long contexts spread alpha over more histories
    text = "abcabcabd"
    assert CharNGram(3, 1).fit(text).cross_entropy(text) > CharNGram(2, 1).fit(text).cross_entropy(text)


# --- unknown characters, infinity, scripts ------------------------------------------------------------


def test_unknown_characters_map_to_the_unknown_symbol():
    m = CharNGram(context=1, alpha=1).fit("abc")
    assert m.vocabulary[-1] == UNKNOWN and UNKNOWN not in m.vocabulary[:-1]
    # "x", "y", "😀", and the reserved symbols themselves are all the same unknown character
    s = m.surprisal("ax" + "ay" + "a😀" + "a" + UNKNOWN + "a" + BOUNDARY)
    assert np.unique(s[1::2]).size == 1
    assert s[1] == pytest.approx(-math.log2(m.probabilities("a")[-1]))
    # (0 + 1) / (1 + 4): a was followed by b once
    assert m.probabilities("a")[-1] == pytest.approx(1 / 5)
    # an unknown character inside a history makes that history unseen: uniform
    np.testing.assert_allclose(m.probabilities("x"), [1 / 4] * 4)


def test_alpha_0_unseen_character_is_infinite_without_warnings():
    m = CharNGram(context=1, alpha=0).fit("abab")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = m.surprisal("abz")
        ce, ppl = m.cross_entropy("abz"), m.perplexity("abz")
        q = m.probabilities("b")
        bits = ideal_code_length_bits(m, "abz")
    np.testing.assert_array_equal(s, [0.0, 0.0, math.inf])
    assert ce == ppl == bits == math.inf
    np.testing.assert_array_equal(q, [1.0, 0.0, 0.0])


def test_tiny_and_huge_alpha_stay_finite_and_quiet():
    m_tiny = CharNGram(context=1, alpha=5e-324).fit("abab")
    m_huge = CharNGram(context=1, alpha=1e308).fit("abab")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s_tiny = m_tiny.surprisal("abz")
        ppl = m_tiny.perplexity("zzzzzzzzzz" * 10 + "ab")
        s_huge = m_huge.surprisal("abz")
    assert np.isfinite(s_tiny).all() and s_tiny[2] > 1000  # -log2(5e-324 / 2) ≈ 1075
    assert ppl > 1
    np.testing.assert_allclose(s_huge, math.log2(3))


def test_chinese_text():
    text = "你好，世界。你好，朋友。"
    m = CharNGram(context=1, alpha=0).fit(text)
    assert m.vocabulary == (*sorted(set(text)), UNKNOWN)
    assert len(m.surprisal(text)) == len(text) == 12
    # 你 is always followed by 好; 好 always by ，
    assert m.probabilities("你")[m.vocabulary.index("好")] == 1.0
    assert m.cross_entropy(text) == pytest.approx(2 / 12)  # ，-> 世 or 朋 (1 bit each), the rest certain


def test_emoji_and_other_code_points_are_single_characters():
    text = "a😀b😀a👍🏽"  # 👍🏽 is two code points: a thumb and a skin-tone modifier
    m = CharNGram(context=2, alpha=0.1).fit(text)
    assert "😀" in m.vocabulary and "🏽" in m.vocabulary
    assert len(m.vocabulary) == len(set(text)) + 1 == 6
    assert m.surprisal(text).shape == (len(text),) == (7,)
    assert m.probabilities("a😀").sum() == pytest.approx(1.0)


def test_lone_surrogates_are_characters_too():
    text = "a\ud800b\ud800"
    m = CharNGram(context=1, alpha=0).fit(text)
    assert "\ud800" in m.vocabulary
    assert m.cross_entropy(text) == 0.0  # ⊥ -> a, a -> \ud800, \ud800 -> b, b -> \ud800: all certain
    assert display_symbol("\ud800") == "⟨U+D800⟩"


def test_refit_replaces_the_counts():
    m = CharNGram(context=1, alpha=0).fit("aaaa")
    m.fit("bcbc")
    assert m.vocabulary == ("b", "c", UNKNOWN)
    assert m.cross_entropy("bcbc") == 0.0


def test_numpy_integer_context_and_repr():
    m = CharNGram(context=np.int64(2), alpha=1)
    assert m.context == 2 and isinstance(m.context, int)
    assert "not fitted" in repr(m)
    assert repr(m.fit("ab")) == "CharNGram(context=2, alpha=1, V=3)"


def test_display_symbol():
    assert [display_symbol(c) for c in "a \n\t"] == ["a", "␣", "↵", "⇥"]
    assert display_symbol(UNKNOWN) == "⟨unk⟩" and display_symbol(BOUNDARY) == "⟨bos⟩"
    assert display_symbol("\x00") == "⟨U+0000⟩" and display_symbol("你") == "你"
    assert BOUNDARY != UNKNOWN and not BOUNDARY.isprintable() and not UNKNOWN.isprintable()


# --- sizes --------------------------------------------------------------------------------------------


@settings(deadline=None)
@given(train=train_texts, text=test_texts, k=st.integers(0, 3), alpha=st.sampled_from(ALPHAS))
def test_ideal_code_length_is_cross_entropy_times_length(train, text, k, alpha):
    m = CharNGram(k, alpha).fit(train)
    bits = ideal_code_length_bits(m, text)
    if text:
        assert bits == pytest.approx(m.cross_entropy(text) * len(text), rel=1e-12)
    else:
        assert bits == 0.0


def test_compressed_sizes():
    text = "cross-entropy 交叉熵 😀 " * 50
    data = text.encode("utf-8")
    sizes = compressed_sizes(text)
    assert list(sizes) == ["utf-8", "zlib", "bz2", "lzma"]
    assert sizes == {
        "utf-8": len(data),
        "zlib": len(zlib.compress(data, 9)),
        "bz2": len(bz2.compress(data)),
        "lzma": len(lzma.compress(data)),
    }
    assert sizes["utf-8"] == 50 * (14 + 3 * 3 + 1 + 4 + 1)  # ASCII 1 byte, CJK 3, emoji 4
    assert max(sizes["zlib"], sizes["bz2"], sizes["lzma"]) < sizes["utf-8"] / 10  # a repeated phrase
    assert all(isinstance(v, int) for v in sizes.values())
    assert compressed_sizes("")["utf-8"] == 0


def test_a_good_model_beats_nothing_and_the_header_overhead_shows():
    text = "the quick brown fox jumps over the lazy dog. " * 20
    m = CharNGram(context=3, alpha=0.01).fit(text)
    assert ideal_code_length_bits(m, text) / 8 < compressed_sizes(text)["zlib"]
    assert compressed_sizes("a")["lzma"] > compressed_sizes("a")["utf-8"]


# --- unit conversions ---------------------------------------------------------------------------------


def test_conversions_by_hand():
    assert nats_to_bits(math.log(2)) == 1.0
    assert bits_to_nats(1.0) == pytest.approx(0.6931471805599453, rel=1e-15)
    assert perplexity_from_nats(0.0) == 1.0
    assert perplexity_from_nats(math.log(50257)) == pytest.approx(50257)
    assert nats_from_perplexity(1) == 0.0
    assert nats_to_bits(nats_from_perplexity(8)) == pytest.approx(3.0)
    # GPT-2-like numbers: 3.3 nats per token, 4 bytes per token -> 3.3 / ln 2 / 4 ≈ 1.19 bits per byte
    assert bits_per_byte(3.3, 4.0) == pytest.approx(3.3 / math.log(2) / 4, rel=1e-15)
    assert bits_per_byte(3.3, 4.0) == pytest.approx(1.190, abs=5e-4)
    np.testing.assert_allclose(nats_to_bits([0, math.log(4)]), [0, 2])
    assert nats_to_bits(-math.log(2)) == -1.0  # a difference of cross-entropies may be negative


def test_conversions_at_infinity_without_warnings():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert perplexity_from_nats(math.inf) == math.inf
        assert perplexity_from_nats(1000.0) == math.inf  # e^1000 overflows a double
        assert nats_from_perplexity(math.inf) == math.inf
        assert nats_to_bits(math.inf) == math.inf
        assert bits_per_byte(math.inf, 4) == math.inf


@given(h=st.floats(0, 700))
def test_perplexity_round_trip(h):
    assert nats_from_perplexity(perplexity_from_nats(h)) == pytest.approx(h, abs=1e-12)
    assert bits_to_nats(nats_to_bits(h)) == pytest.approx(h, rel=1e-15)


@given(h=st.floats(0, 50), b=st.floats(0.1, 20))
def test_bits_per_byte_is_bits_per_token_over_bytes_per_token(h, b):
    assert bits_per_byte(h, b) * b == pytest.approx(nats_to_bits(h), rel=1e-12)


# --- errors -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("context", [-1, 1.5, 2.0, "2", True, None])
def test_bad_context(context):
    with pytest.raises(ValueError, match="context must be a non-negative int"):
        CharNGram(context=context)


@pytest.mark.parametrize("alpha", [-0.1, math.nan, -math.inf])
def test_bad_alpha(alpha):
    with pytest.raises(ValueError, match=r"alpha must be a number >= 0 \(0 = no smoothing\)"):
        CharNGram(alpha=alpha)


@pytest.mark.parametrize("alpha", ["lots", None, [1, 2]])
def test_alpha_not_a_number(alpha):
    with pytest.raises(ValueError, match="alpha must be a number >= 0"):
        CharNGram(alpha=alpha)


def test_bad_texts():
    m = CharNGram()
    with pytest.raises(ValueError, match="cannot fit on an empty text"):
        m.fit("")
    with pytest.raises(ValueError, match="text must be a str, got list"):
        m.fit(["a", "b"])
    with pytest.raises(ValueError, match=r"reserved symbol BOUNDARY \(U\+FDD0\)"):
        m.fit("ab" + BOUNDARY)
    with pytest.raises(ValueError, match=r"reserved symbol UNKNOWN \(U\+FDD1\)"):
        m.fit(UNKNOWN + "ab")
    m.fit("abc")
    with pytest.raises(ValueError, match="cross-entropy of an empty text is undefined"):
        m.cross_entropy("")
    with pytest.raises(ValueError, match="cross-entropy of an empty text is undefined"):
        m.perplexity("")
    with pytest.raises(ValueError, match="text must be a str, got bytes"):
        m.surprisal(b"abc")
    with pytest.raises(ValueError, match="history must be a str, got int"):
        m.probabilities(3)
    with pytest.raises(ValueError, match="text must be a str, got NoneType"):
        compressed_sizes(None)
    assert m.surprisal("").shape == (0,)


@pytest.mark.parametrize(
    "call",
    [
        lambda m: m.vocabulary,
        lambda m: m.probabilities("a"),
        lambda m: m.surprisal("a"),
        lambda m: m.cross_entropy("a"),
        lambda m: m.perplexity("a"),
        lambda m: ideal_code_length_bits(m, "a"),
    ],
)
def test_methods_before_fit(call):
    with pytest.raises(ValueError, match=r"not fitted yet; call fit\(text\) first"):
        call(CharNGram())


@pytest.mark.parametrize("base", [1, 0, -2, math.nan, math.inf])
def test_bad_base(base):
    m = CharNGram().fit("abc")
    with pytest.raises(ValueError, match="base must be a positive number other than 1"):
        m.surprisal("ab", base=base)
    with pytest.raises(ValueError, match="base must be a positive number other than 1"):
        m.cross_entropy("ab", base=base)


def test_display_symbol_takes_one_character():
    with pytest.raises(ValueError, match="display_symbol takes one character, got 'ab'"):
        display_symbol("ab")


def test_bad_conversion_arguments():
    with pytest.raises(ValueError, match="x contains NaN"):
        nats_to_bits(math.nan)
    with pytest.raises(ValueError, match="x must be a number or an array of numbers"):
        bits_to_nats("one")
    with pytest.raises(ValueError, match="a cross-entropy is >= 0, got -1 nats"):
        perplexity_from_nats(-1.0)
    with pytest.raises(ValueError, match=r"a perplexity is >= 1 \(the cross-entropy is >= 0\), got 0.5"):
        nats_from_perplexity(0.5)
    with pytest.raises(ValueError, match="perplexity contains NaN"):
        nats_from_perplexity([2.0, math.nan])
    with pytest.raises(ValueError, match=r"nats_per_token is a cross-entropy, >= 0; got -0\.1"):
        bits_per_byte(-0.1, 4)
    for b in (0, -1, math.inf):
        with pytest.raises(ValueError, match="bytes_per_token must be positive and finite"):
            bits_per_byte(3.0, b)
    with pytest.raises(ValueError, match="bytes_per_token contains NaN"):
        bits_per_byte(3.0, math.nan)
