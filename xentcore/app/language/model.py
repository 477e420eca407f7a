"""The language page's model: every number, table and array the page shows, from one pure function.

:func:`build` reads the page's state (text, split, context ``k``, smoothing ``a``, history ``h``, converter
inputs), the reader's unit and language and the reader's own text, and returns a frozen
:class:`LanguageModel`. No Streamlit: the page caches :func:`build`; the two costly parts that do not depend on
the context slider (the curve over every context, the general-purpose compressors) are memoised here, so a
slider move refits one model only.
"""

from __future__ import annotations

import functools
import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np

from xentcore.app.language.corpus import TEXTS
from xentcore.app.language.state import MAX_CHARS, MAX_CONTEXT, resolve_source, without_reserved
from xentcore.app.settings import UNIT_BASE
from xentcore.language import (
    BOUNDARY,
    UNKNOWN,
    CharNGram,
    bits_per_byte,
    compressed_sizes,
    display_symbol,
    ideal_code_length_bits,
    nats_to_bits,
    perplexity_from_nats,
)

DRAWN_CHARS = 600  # characters of the test text drawn, coloured by surprisal
BAR_CHARS = 15  # next-character bars: the most likely ones, then the rest as one bar
LINK_CLASSES = 12  # the Distributions page takes 2 to 12 classes
OTHER = "other"  # the merged rest of the vocabulary (never a single character, so never a vocabulary entry)
COMPRESSORS = ("zlib", "bz2", "lzma")
# characters a class name on the Distributions page cannot hold (xentcore.datasets.clean_name), and what
# stands for them there: their full-width forms, which look alike
NAME_SAFE = str.maketrans({c: chr(ord(c) + 0xFEE0) for c in ",<>&\"'`\\"})


@dataclass(frozen=True)
class Curve:
    """Cross-entropy (reader's unit per character) of training and test text for each context ``0..K``."""

    contexts: np.ndarray
    train: np.ndarray
    test: np.ndarray
    best: int  # the context with the lowest test cross-entropy (the smallest such, on a tie)
    train_lowest: int  # the context with the lowest training cross-entropy (the smallest such)
    train_falls: bool  # training cross-entropy never rises from one context to the next
    infinite: tuple[int, ...]  # contexts where the test cross-entropy is infinite (q = 0 somewhere)


@dataclass(frozen=True)
class Drawn:
    """The first characters of the test text with what the model made of each."""

    chars: tuple[str, ...]
    probability: np.ndarray  # q(c_i | h_i)
    surprisal: np.ndarray  # -log q in the reader's unit (inf where q = 0)
    total: int  # characters in the whole test text
    worst: int  # index of the most surprising drawn character (the first, on a tie)
    worst_history: str  # the context characters before it (boundary-padded), as the model read them


@dataclass(frozen=True)
class NextChar:
    """The model's distribution of the next character after a history, and what really followed it."""

    history: str  # the history: the reader's, or the one before the most surprising drawn character
    from_worst: bool  # the history is the default one, before the most surprising drawn character
    used: str  # its last k characters, padded on the left with BOUNDARY: what the model looks at
    train_count: int  # times ``used`` precedes a character in the training text (0: never seen)
    symbols: tuple[str, ...]  # bars: the most likely characters (vocabulary order on ties), then OTHER
    q: np.ndarray  # q over ``symbols``
    p: np.ndarray | None  # what followed ``used`` in ``p_source``'s text, over ``symbols``
    p_source: str | None  # "test", else "train" (the history never occurs in the test text), else None
    p_count: int  # how many characters that is
    link_symbols: tuple[str, ...]  # at most 12 classes for the Distributions page
    link_q: tuple[float, ...]
    link_p: tuple[float, ...] | None
    uniform: float  # log V in the reader's unit: the cost of the uniform answer for an unseen history


@dataclass(frozen=True)
class Sizes:
    """The test text's size stored plainly, compressed, and coded ideally with the model."""

    chars: int
    utf8_bytes: int
    compressed: dict[str, int]  # bytes, per compressor
    ideal_bits: float  # Σ -log2 q over the test text (inf if some q = 0)
    order: tuple[str, ...]  # "model", "zlib", "bz2", "lzma" from smallest to largest (model last if inf)

    @property
    def ideal_bytes(self) -> float:
        return self.ideal_bits / 8

    def bits_per_char(self, name: str) -> float:
        """``8 · bytes / N`` for ``utf-8`` and the compressors; the cross-entropy in bits for ``model``."""
        if name == "model":
            return self.ideal_bits / self.chars
        size = self.utf8_bytes if name == "utf-8" else self.compressed[name]
        return 8 * size / self.chars


@dataclass(frozen=True)
class Converter:
    """A training loss in nats per token, read in bits, perplexity and bits per byte."""

    nats: float
    bits: float
    perplexity: float
    bytes_per_token: float
    bits_per_byte: float


@dataclass(frozen=True)
class Analysis:
    """Everything about the model fitted on the training text, at the chosen context."""

    n_train: int
    n_test: int
    vocabulary: int  # V: distinct training characters plus the unknown symbol
    unknown: int  # test characters the training text does not contain
    train_ce: float  # reader's unit per character
    test_ce: float
    train_bits: float  # bits per character
    test_bits: float
    train_ppl: float
    test_ppl: float
    test_bytes_per_char: float  # UTF-8 bytes per character of the test text
    test_bits_per_byte: float
    curve: Curve
    drawn: Drawn
    next: NextChar
    sizes: Sizes


@dataclass(frozen=True)
class LanguageModel:
    unit: str
    source: str  # "en", "zh" or "own"
    test_kind: str  # "rest" (the end of the text) or "typed"
    context: int
    alpha: float
    n_text: int  # characters in the source text
    problem: str | None  # "empty", "too_long", "too_short", "typed_empty": why there is no analysis
    analysis: Analysis | None
    converter: Converter


def convert(loss_nats: float, bytes_per_token: float) -> Converter:
    """The converter's numbers: ``bits = nats / ln 2``, ``PPL = e^nats``, ``BPB = bits / bytes per token``.

    >>> c = convert(math.log(8), 4.0)
    >>> round(c.bits, 12), round(c.perplexity, 9), round(c.bits_per_byte, 12)
    (3.0, 8.0, 0.75)
    """
    return Converter(
        nats=float(loss_nats),
        bits=nats_to_bits(loss_nats),
        perplexity=perplexity_from_nats(loss_nats),
        bytes_per_token=float(bytes_per_token),
        bits_per_byte=bits_per_byte(loss_nats, bytes_per_token),
    )


def split_text(text: str, percent: int) -> tuple[str, str]:
    """The first ``percent`` % of ``text`` (rounded, at least 1 and at most ``N - 1`` characters) and the rest.

    >>> split_text("abcdefghij", 80)
    ('abcdefgh', 'ij')
    >>> split_text("ab", 95)
    ('a', 'b')
    """
    if len(text) < 2:
        raise ValueError("a text to split needs at least 2 characters")
    cut = min(max(round(len(text) * percent / 100), 1), len(text) - 1)
    return text[:cut], text[cut:]


@functools.lru_cache(maxsize=8)
def context_curve(train: str, test: str, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Cross-entropy in nats per character of ``train`` and ``test`` under models of context ``0..MAX_CONTEXT``
    fitted on ``train``: the costly part (one fit per context), memoised."""
    ce = np.array(
        [
            [m.cross_entropy(train, base=math.e), m.cross_entropy(test, base=math.e)]
            for m in (CharNGram(k, alpha).fit(train) for k in range(MAX_CONTEXT + 1))
        ]
    )
    return ce[:, 0], ce[:, 1]


@functools.lru_cache(maxsize=8)
def sizes_of(text: str) -> dict[str, int]:
    """:func:`xentcore.language.compressed_sizes`, memoised: lzma takes a tenth of a second on 10⁵ characters."""
    return compressed_sizes(text)


@functools.lru_cache(maxsize=8)
def fitted(train: str, context: int, alpha: float) -> CharNGram:
    """The model at the chosen context (never mutated after fitting, so one instance can be shared)."""
    return CharNGram(context, alpha).fit(train)


def followers(text: str, used: str) -> Counter:
    """The characters that follow ``used`` in ``text`` (``text`` padded on the left with ``len(used)``
    boundary symbols, as the model reads it), counted.

    >>> sorted(followers("abab", "ab").items()), sorted(followers("abab", BOUNDARY + "a").items())
    ([('a', 1)], [('b', 1)])
    >>> followers("aab", "")
    Counter({'a': 2, 'b': 1})
    """
    if not used:
        return Counter(text)
    padded = BOUNDARY * len(used) + text
    found: Counter = Counter()
    i = padded.find(used)
    while 0 <= i < len(padded) - len(used):
        found[padded[i + len(used)]] += 1
        i = padded.find(used, i + 1)
    return found


def _grouped(counts: Counter, vocabulary: set[str], symbols: tuple[str, ...]) -> np.ndarray:
    """``counts`` over ``symbols``: a character outside the vocabulary is the unknown symbol; one not among
    ``symbols`` goes to OTHER."""
    index = {s: i for i, s in enumerate(symbols)}
    out = np.zeros(len(symbols))
    for c, n in counts.items():
        c = c if c in vocabulary else UNKNOWN
        out[index.get(c, index.get(OTHER, -1))] += n
    return out


def _top(q: np.ndarray, vocabulary: tuple[str, ...], n: int) -> tuple[tuple[str, ...], np.ndarray]:
    """All entries if there are at most ``n``, else the ``n - 1`` most likely and OTHER (their sum)."""
    if len(q) <= n:
        return vocabulary, q
    order = np.argsort(-q, kind="stable")[: n - 1]
    rest = max(0.0, 1.0 - float(q[order].sum()))
    return (*(vocabulary[i] for i in order), OTHER), np.append(q[order], rest)


def link_names(symbols: tuple[str, ...], labels: dict[str, str]) -> tuple[str, ...]:
    """Class names for the Distributions page: each character as :func:`display_symbol` shows it, with
    ``labels`` for the unknown symbol (``"unk"``), the boundary (``"bos"``) and OTHER (``"other"``); characters a
    class name cannot hold as their full-width look-alikes, or their code point if that name is taken.

    >>> link_names(("a", ",", "，", " ", UNKNOWN, OTHER), {"unk": "?", "bos": "^", "other": "rest"})
    ('a', '，', 'U+FF0C', '␣', '?', 'rest')
    """
    names: list[str] = []
    for s in symbols:
        special = {OTHER: "other", UNKNOWN: "unk", BOUNDARY: "bos"}.get(s)
        name = labels[special] if special else display_symbol(s).translate(NAME_SAFE)
        if name in names:
            name = f"U+{ord(s):04X}" if len(s) == 1 else f"{name} ({len(names)})"
        names.append(name)
    return tuple(names)


def _probabilities(x: np.ndarray) -> tuple[float, ...]:
    """Six significant digits: a short link that keeps every nonzero entry nonzero (the page normalises)."""
    return tuple(float(f"{v:.6g}") for v in x / x.sum())


def _next_char(model: CharNGram, train: str, test: str, history: str, from_worst: bool, base: float) -> NextChar:
    k = model.context
    tail = history[-k:] if k else ""
    used = BOUNDARY * (k - len(tail)) + tail
    vocabulary = model.vocabulary
    q_all = model.probabilities(history)
    symbols, q = _top(q_all, vocabulary, BAR_CHARS + 1)
    link_symbols, link_q = _top(q_all, vocabulary, LINK_CLASSES)
    in_train = followers(train, used)
    in_test = followers(test, used)
    source, counts = ("test", in_test) if in_test else ("train", in_train) if in_train else (None, None)
    p = link_p = None
    if counts:
        vocab = set(vocabulary)
        p_bars = _grouped(counts, vocab, symbols)
        p = p_bars / p_bars.sum()
        link_p = _probabilities(_grouped(counts, vocab, link_symbols))
    return NextChar(
        history=history,
        from_worst=from_worst,
        used=used,
        train_count=sum(in_train.values()),
        symbols=symbols,
        q=q,
        p=p,
        p_source=source,
        p_count=sum(counts.values()) if counts else 0,
        link_symbols=link_symbols,
        link_q=_probabilities(link_q),
        link_p=link_p,
        uniform=math.log(len(vocabulary)) / math.log(base),
    )


def _curve(train_nats: np.ndarray, test_nats: np.ndarray, base: float) -> Curve:
    scale = math.log(base)
    steps = np.diff(train_nats)  # finite: every training character has q > 0 after its own history
    return Curve(
        contexts=np.arange(len(train_nats)),
        train=train_nats / scale,
        test=test_nats / scale,
        best=int(np.argmin(test_nats)),
        train_lowest=int(np.argmin(train_nats)),
        train_falls=bool(np.all(steps <= 1e-12)),
        infinite=tuple(int(k) for k in np.flatnonzero(np.isinf(test_nats))),
    )


def _drawn(model: CharNGram, test: str, base: float) -> Drawn:
    shown = test[:DRAWN_CHARS]
    nats = model.surprisal(shown, base=math.e)
    worst = int(np.argmax(nats))
    k = model.context
    before = (BOUNDARY * k + shown)[worst : worst + k]
    return Drawn(
        chars=tuple(shown),
        probability=np.exp(-nats),
        surprisal=nats / math.log(base),
        total=len(test),
        worst=worst,
        worst_history=before,
    )


def _sizes(model: CharNGram, test: str) -> Sizes:
    compressed = sizes_of(test)
    ideal = ideal_code_length_bits(model, test)
    sizes = {"model": ideal / 8, **{c: compressed[c] for c in COMPRESSORS}}
    order = tuple(sorted(sizes, key=lambda name: (sizes[name], name != "model")))
    return Sizes(
        chars=len(test),
        utf8_bytes=compressed["utf-8"],
        compressed={c: compressed[c] for c in COMPRESSORS},
        ideal_bits=ideal,
        order=order,
    )


def analyse(train: str, test: str, context: int, alpha: float, unit: str, history: str = "") -> Analysis:
    """The model of ``context`` and ``alpha`` fitted on ``train``, measured on ``train`` and ``test``; the
    next-character distribution after ``history`` (empty: the characters before the most surprising one drawn)."""
    base = UNIT_BASE[unit]
    train_nats, test_nats = context_curve(train, test, alpha)
    curve = _curve(train_nats, test_nats, base)
    model = fitted(train, context, alpha)
    known = set(model.vocabulary[:-1])
    unknown = sum(1 for c in test if c not in known)
    test_bytes = sizes_of(test)["utf-8"]
    h_train, h_test = float(train_nats[context]), float(test_nats[context])
    drawn = _drawn(model, test, base)
    from_worst = not history
    if from_worst:  # the history of the most surprising drawn character: what did the model expect there?
        history = test[max(drawn.worst - context, 0) : drawn.worst] if context else ""
    return Analysis(
        n_train=len(train),
        n_test=len(test),
        vocabulary=len(model.vocabulary),
        unknown=unknown,
        train_ce=float(curve.train[context]),
        test_ce=float(curve.test[context]),
        train_bits=nats_to_bits(h_train),
        test_bits=nats_to_bits(h_test),
        train_ppl=perplexity_from_nats(h_train),
        test_ppl=perplexity_from_nats(h_test),
        test_bytes_per_char=test_bytes / len(test),
        test_bits_per_byte=bits_per_byte(h_test, test_bytes / len(test)),
        curve=curve,
        drawn=drawn,
        next=_next_char(model, train, test, history, from_worst, base),
        sizes=_sizes(model, test),
    )


def source_text(source: str, own_text: str) -> str:
    """The text the page works on: a built-in one, or the reader's (reserved symbols removed)."""
    return TEXTS[source] if source in TEXTS else without_reserved(own_text)


def build(state: dict[str, Any], unit: str, lang: str = "en", own_text: str | None = None) -> LanguageModel:
    """The page's model for ``state`` (:data:`xentcore.app.language.state.SCHEMA`'s keys), in ``unit``
    (``"nats"`` or ``"bits"``) and ``lang`` (which built-in text ``auto`` means). ``own_text`` is the reader's
    text when it is longer than a link carries; ``None`` takes ``state["own"]``.

    >>> from xentcore.app.language.state import SCHEMA
    >>> m = build({**SCHEMA.defaults(), "text": "en"}, "bits")
    >>> m.problem, m.source, m.analysis.n_train + m.analysis.n_test == m.n_text
    (None, 'en', True)
    >>> build({**SCHEMA.defaults(), "text": "own"}, "bits").problem
    'empty'
    """
    source = resolve_source(state["text"], lang)
    text = source_text(source, state["own"] if own_text is None else own_text)
    k, alpha = int(state["k"]), float(state["a"])
    problem = None
    if not text:
        problem = "empty"
    elif len(text) > MAX_CHARS:
        problem = "too_long"
    elif len(text) < 2:
        problem = "too_short"
    elif state["test"] == "typed" and not without_reserved(state["typed"]):
        problem = "typed_empty"
    analysis = None
    if problem is None:
        train, rest = split_text(text, int(state["split"]))
        test = without_reserved(state["typed"]) if state["test"] == "typed" else rest
        analysis = analyse(train, test, k, alpha, unit, without_reserved(state["h"]))
    return LanguageModel(
        unit=unit,
        source=source,
        test_kind=state["test"],
        context=k,
        alpha=alpha,
        n_text=len(text),
        problem=problem,
        analysis=analysis,
        converter=convert(state["loss"], state["bpt"]),
    )
