"""The language page's model without Streamlit: its numbers against xentcore.language computed directly, its
edge cases (empty, one character, 10⁵ characters, unknown characters, emoji, mixed scripts), the link it builds
for the Distributions page, and the page's share-link schema."""

import math
from collections import Counter
from urllib.parse import parse_qsl, urlparse

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from xentcore.app.distributions.state import SCHEMA as DISTRIBUTIONS
from xentcore.app.language import model as lm
from xentcore.app.language.corpus import TEXTS
from xentcore.app.language.state import ALPHAS, LINK_CHARS, MAX_CONTEXT, SCHEMA, resolve_source
from xentcore.app.settings import SETTINGS
from xentcore.app.share import dump, parse
from xentcore.datasets import clean_name
from xentcore.language import (
    BOUNDARY,
    UNKNOWN,
    CharNGram,
    compressed_sizes,
    ideal_code_length_bits,
    perplexity_from_nats,
)

LABELS = {"unk": "⟨unk⟩", "bos": "⟨bos⟩", "other": "other"}


def state(**changes):
    return {**SCHEMA.defaults(), **changes}


def own(text, **changes):
    return state(text="own", own=text, **changes)


# --- the numbers are xentcore's ---------------------------------------------------------------------------------


@pytest.mark.parametrize("source", ["en", "zh"])
@pytest.mark.parametrize("k", [0, 2, 5])
@pytest.mark.parametrize("alpha", [0.0, 0.01, 1.0])
def test_numbers_equal_the_library_on_the_built_in_texts(source, k, alpha):
    m = lm.build(state(text=source, k=k, a=alpha), "bits")
    text = TEXTS[source]
    cut = round(len(text) * 0.8)
    train, test = text[:cut], text[cut:]
    ref = CharNGram(k, alpha).fit(train)
    a = m.analysis
    assert (a.n_train, a.n_test, a.vocabulary) == (len(train), len(test), len(ref.vocabulary))
    assert a.train_ce == pytest.approx(ref.cross_entropy(train), rel=1e-12)
    assert a.test_ce == pytest.approx(ref.cross_entropy(test), rel=1e-12)
    assert a.test_ppl == pytest.approx(ref.perplexity(test), rel=1e-12)
    assert a.test_bits_per_byte == pytest.approx(ref.cross_entropy(test) * len(test) / len(test.encode()), rel=1e-12)
    assert a.unknown == sum(c not in set(train) for c in test)
    np.testing.assert_allclose(a.drawn.surprisal, ref.surprisal(test[: lm.DRAWN_CHARS]), rtol=1e-12)
    np.testing.assert_allclose(a.drawn.probability, 2.0 ** -ref.surprisal(test[: lm.DRAWN_CHARS]), rtol=1e-12)
    assert a.sizes.compressed == {c: compressed_sizes(test)[c] for c in lm.COMPRESSORS}
    assert a.sizes.ideal_bits == pytest.approx(ideal_code_length_bits(ref, test), rel=1e-12)
    for j in range(MAX_CONTEXT + 1):
        r = CharNGram(j, alpha).fit(train)
        assert a.curve.train[j] == pytest.approx(r.cross_entropy(train), rel=1e-12)
        assert a.curve.test[j] == pytest.approx(r.cross_entropy(test), rel=1e-12)


def test_the_unit_divides_by_ln_2_and_perplexity_has_none():
    bits, nats = lm.build(state(), "bits").analysis, lm.build(state(), "nats").analysis
    assert nats.test_ce == pytest.approx(bits.test_ce * math.log(2), rel=1e-12)
    np.testing.assert_allclose(nats.curve.train, bits.curve.train * math.log(2), rtol=1e-12)
    np.testing.assert_allclose(nats.drawn.surprisal, bits.drawn.surprisal * math.log(2), rtol=1e-12)
    assert nats.test_bits == bits.test_ce  # the headline bits per character, whatever the unit
    assert nats.test_ppl == bits.test_ppl == pytest.approx(perplexity_from_nats(nats.test_ce), rel=1e-12)
    assert nats.next.uniform == pytest.approx(math.log(nats.vocabulary))
    assert bits.next.uniform == pytest.approx(math.log2(bits.vocabulary))


def test_auto_is_the_built_in_text_in_the_readers_language():
    assert resolve_source("auto", "zh") == "zh" and resolve_source("auto", "en") == "en"
    assert resolve_source("en", "zh") == "en"
    assert lm.build(state(), "bits", "zh").source == "zh"
    assert lm.build(state(), "bits", "en").analysis.n_train == round(len(TEXTS["en"]) * 0.8)


# --- the lesson: training falls, test turns back up --------------------------------------------------------------


@pytest.mark.parametrize("source", ["en", "zh"])
def test_training_cross_entropy_falls_and_test_turns_back_up_by_default(source):
    c = lm.build(state(text=source), "bits").analysis.curve
    assert 0 < c.best < MAX_CONTEXT and c.test[-1] > c.test[c.best]
    if source == "en":
        assert c.train_falls and c.train[-1] < c.train[0] / 4


@settings(deadline=None, max_examples=40)
@given(text=st.text(alphabet="ab c\n你好", min_size=2, max_size=300), split=st.integers(10, 95))
def test_with_alpha_zero_training_cross_entropy_never_rises(text, split):
    c = lm.build(own(text, a=0.0, split=split), "bits").analysis.curve
    assert c.train_falls and np.all(np.diff(c.train) <= 1e-12)
    assert c.train_lowest == int(np.argmin(c.train)) and c.best == int(np.argmin(c.test))


def test_alpha_zero_and_an_unseen_character_is_infinite_everywhere_it_shows():
    m = lm.build(own("abababab", test="typed", typed="abz", a=0.0, k=1), "bits").analysis
    assert m.test_ce == math.inf and m.test_ppl == math.inf and m.test_bits_per_byte == math.inf
    assert 1 in m.curve.infinite
    assert m.sizes.ideal_bits == math.inf and m.sizes.order[-1] == "model"
    assert m.drawn.surprisal[-1] == math.inf and m.drawn.probability[-1] == 0.0


# --- edge cases: the page explains instead of failing ------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"text": "own", "own": ""}, "empty"),
        ({"text": "own", "own": "x"}, "too_short"),
        ({"text": "own", "own": BOUNDARY + UNKNOWN}, "empty"),  # only reserved symbols: nothing left
        ({"test": "typed", "typed": ""}, "typed_empty"),
        ({"test": "typed", "typed": UNKNOWN}, "typed_empty"),
    ],
)
def test_problems_are_named_and_the_converter_still_works(changes, problem):
    m = lm.build(state(**changes), "nats")
    assert m.problem == problem and m.analysis is None
    assert m.converter.perplexity == pytest.approx(math.exp(2.1))


def test_the_own_text_beyond_the_link_comes_from_the_session():
    long = "the cat sat on the mat. " * 200
    m = lm.build(own(""), "bits", own_text=long)
    assert m.problem is None and m.n_text == len(long) > LINK_CHARS


def test_too_long_a_text_is_refused():
    assert lm.build(own(""), "bits", own_text="a" * 100_001).problem == "too_long"


@pytest.mark.parametrize(
    "text",
    [
        "ab",  # the shortest that splits
        "😀🙂😀🙂😀 emoji 😀",
        "Mixed 中文 and English, ελληνικά, عربى, 123!",
        "\x00\x01\u00ad\u200b\n\t\r",  # invisible characters
        "<b>bold</b> & <script>alert(1)</script>",
    ],
)
def test_odd_texts_work(text):
    m = lm.build(own(text, k=3), "bits")
    a = m.analysis
    assert m.problem is None and a.n_train + a.n_test == len(text)
    assert np.isfinite(a.test_ce) and a.next.q.sum() == pytest.approx(1.0)


def test_a_typed_test_text_of_only_unknown_characters():
    m = lm.build(state(test="typed", typed="😀😀😀", k=2), "bits").analysis
    assert m.unknown == 3 and m.n_test == 3
    ref = CharNGram(2, 0.01).fit(TEXTS["en"][: m.n_train])
    assert m.test_ce == pytest.approx(ref.cross_entropy("😀😀😀"), rel=1e-12)


def test_a_text_of_100000_characters():
    rng = np.random.default_rng(0)
    text = "".join(rng.choice(list("abcdefgh 你好。\n"), 100_000))
    a = lm.build(own("", k=4), "bits", own_text=text).analysis
    assert a.n_train + a.n_test == 100_000 and len(a.drawn.chars) == lm.DRAWN_CHARS < a.drawn.total


# --- the next character -------------------------------------------------------------------------------------------


def test_followers_match_a_brute_force_count():
    text = "abracadabra"
    for k in range(4):
        for i in range(len(text) + 1):
            used = (BOUNDARY * k + text)[i : i + k]
            padded = BOUNDARY * k + text
            expected = Counter(padded[j + k] for j in range(len(text)) if padded[j : j + k] == used)
            assert lm.followers(text, used) == expected


def test_default_history_is_the_one_before_the_most_surprising_character():
    a = lm.build(state(k=3), "bits").analysis
    d, nxt = a.drawn, a.next
    assert nxt.from_worst and d.surprisal[d.worst] == d.surprisal.max()
    assert nxt.used == d.worst_history == (BOUNDARY * 3 + "".join(d.chars))[d.worst : d.worst + 3]


def test_an_explicit_history_uses_its_last_k_characters():
    m = lm.build(state(k=2, h="cross-entropy is th"), "bits").analysis
    train = TEXTS["en"][: m.n_train]
    ref = CharNGram(2, 0.01).fit(train)
    q = ref.probabilities("th")
    nxt = m.next
    assert nxt.used == "th" and not nxt.from_worst
    assert nxt.train_count == sum(lm.followers(train, "th").values()) > 0
    top = np.sort(q)[::-1][: lm.BAR_CHARS]
    np.testing.assert_allclose(nxt.q[:-1], top, rtol=1e-12)
    assert nxt.q.sum() == pytest.approx(1.0) and nxt.symbols[-1] == lm.OTHER
    assert nxt.p_source == "test" and nxt.p.sum() == pytest.approx(1.0)


def test_an_unseen_history_is_uniform_and_has_no_link_when_no_text_holds_it():
    nxt = lm.build(state(k=3, h="zzq"), "bits").analysis.next
    assert nxt.train_count == 0 and nxt.p_source is None and nxt.link_p is None
    np.testing.assert_allclose(nxt.q[:-1], nxt.q[0])


def test_a_short_history_is_padded_with_the_boundary():
    nxt = lm.build(state(k=3, h="a"), "bits").analysis.next
    assert nxt.used == BOUNDARY * 2 + "a"


def test_a_history_only_in_the_training_text_gives_p_from_it():
    m = lm.build(own("xyxyxyxyab", split=80, k=2, h="xy"), "bits").analysis  # test text "ab"
    assert m.next.p_source == "train" and m.next.p_count == 3  # "xy" is followed by "x" three times


def test_the_link_opens_the_distributions_page_without_a_warning():
    from xentcore.app.ui.session import link

    for changes in ({}, {"k": 0}, {"k": 1, "h": "e"}, {"text": "zh"}, {"text": "own", "own": "a,b<c>&d\"e'f`g\\h ,,"}):
        nxt = lm.build(state(**changes), "bits").analysis.next
        if nxt.link_p is None:
            continue
        names = lm.link_names(nxt.link_symbols, LABELS)
        assert len(set(names)) == len(names) and all(clean_name(n) == n for n in names)
        url = link("distributions", "en", "bits", p=nxt.link_p, q=nxt.link_q, names=names)
        params = dict(parse_qsl(urlparse(url).query))
        got, issues = parse(params, DISTRIBUTIONS, known=SETTINGS.keys)
        assert not issues, issues
        np.testing.assert_allclose(got["q"], nxt.link_q, atol=1e-5)
        np.testing.assert_allclose(got["p"], nxt.link_p, atol=1e-5)
        assert got["names"] == names and 2 <= len(names) <= lm.LINK_CLASSES


def test_link_p_is_what_followed_grouped_like_q():
    m = lm.build(state(k=1, h="t"), "bits").analysis
    nxt = m.next
    test = TEXTS["en"][m.n_train :]
    counts = lm.followers(test, "t")
    for s, p in zip(nxt.link_symbols, nxt.link_p, strict=True):
        if s != lm.OTHER:
            assert p == pytest.approx(counts.get(s, 0) / sum(counts.values()), abs=1e-6)


# --- sizes and the converter -------------------------------------------------------------------------------------


def test_sizes_order_and_bits_per_character():
    s = lm.build(state(text="zh"), "bits").analysis.sizes
    assert s.utf8_bytes == len(TEXTS["zh"][-s.chars :].encode())
    assert s.bits_per_char("utf-8") == pytest.approx(8 * s.utf8_bytes / s.chars)
    assert 20 < s.bits_per_char("utf-8") <= 24  # mostly 3-byte characters
    sizes = {"model": s.ideal_bytes, **s.compressed}
    assert [sizes[n] for n in s.order] == sorted(sizes.values())


@pytest.mark.parametrize(("nats", "bpt"), [(0.0, 1.0), (2.1, 4.0), (20.0, 0.5), (math.log(50257), 3.7)])
def test_converter(nats, bpt):
    c = lm.convert(nats, bpt)
    assert c.bits == pytest.approx(nats / math.log(2))
    assert c.perplexity == pytest.approx(math.exp(nats)) and c.perplexity == pytest.approx(2**c.bits)
    assert c.bits_per_byte == pytest.approx(c.bits / bpt)


# --- the share link ----------------------------------------------------------------------------------------------


@settings(deadline=None, max_examples=60)
@given(
    own_text=st.text(max_size=LINK_CHARS),
    k=st.integers(0, MAX_CONTEXT),
    alpha=st.sampled_from(ALPHAS),
    h=st.text(max_size=64),
)
def test_state_round_trips_through_a_link(own_text, k, alpha, h):
    clean = own_text.replace(BOUNDARY, "").replace(UNKNOWN, "")
    s = state(text="own", own=clean, k=k, a=alpha, h=h.replace(BOUNDARY, "").replace(UNKNOWN, ""))
    assert parse(dump(s, SCHEMA), SCHEMA) == (s, [])


def test_hostile_link_values_fall_back_alone():
    params = {"text": "evil", "own": BOUNDARY + "abc", "k": "99", "a": "nan", "h": "x" * 65, "typed": "y" * 1501}
    got, issues = parse(params, SCHEMA)
    assert {i.key: i.code for i in issues} == {
        "text": "invalid",
        "own": "cleaned",
        "k": "clamped",
        "a": "invalid",
        "h": "invalid",
        "typed": "invalid",
    }
    assert got == state(own="abc", k=MAX_CONTEXT)
