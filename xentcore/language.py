"""A character n-gram language model with add-α smoothing, and the numbers people quote about language models.

The model predicts each character from the ``context`` characters before it::

    q(c | h) = (n(h, c) + α) / (n(h) + α·V)

where ``n(h, c)`` counts the training positions whose history is ``h`` and whose character is ``c``,
``n(h) = Σ_c n(h, c)``, and ``V = len(vocabulary)``: the distinct training characters plus one unknown
symbol. Its cross-entropy on a text, ``-(1/N) Σ_i log q(c_i | h_i)``, is the number a language model
paper reports (in bits per character here, nats per token there).

Two reserved characters, both Unicode *noncharacters* (code points the standard promises never to
assign, set aside for a program's internal use, so they do not occur in real text):

- :data:`BOUNDARY` (U+FDD0) pads the history of the first characters of a text: with ``context=2``
  the first character of ``"abab"`` is predicted from ``BOUNDARY BOUNDARY``, the second from
  ``BOUNDARY a``. Training counts these padded histories too, so a model learns how texts begin.
- :data:`UNKNOWN` (U+FDD1) stands for every character the training text did not contain. It is the last
  entry of the vocabulary, with count 0 in training; with ``α > 0`` it gets the probability mass of an
  unseen event.

:func:`display_symbol` turns them (and spaces, newlines, other invisible characters) into something a
page can show, e.g. ``⟨unk⟩``.
"""

from __future__ import annotations

import bz2
import lzma
import math
import zlib

import numpy as np

from xentcore.info import _log_base

BOUNDARY = "\ufdd0"
UNKNOWN = "\ufdd1"

DISPLAY = {
    UNKNOWN: "⟨unk⟩",
    BOUNDARY: "⟨bos⟩",
    " ": "␣",
    "\n": "↵",
    "\t": "⇥",
    "\r": "⟨CR⟩",
}

_RESERVED = np.array([ord(BOUNDARY), ord(UNKNOWN)], dtype=np.int64)
# a context code is kept below this bound; past it the codes seen so far are renumbered densely
_CODE_LIMIT = 2**62


def display_symbol(c: str) -> str:
    """How to show one vocabulary entry on screen.

    :data:`UNKNOWN` shows as ``⟨unk⟩`` and :data:`BOUNDARY` as ``⟨bos⟩`` (beginning of sequence); a space
    as ``␣``, a newline as ``↵``, a tab as ``⇥`` (see :data:`DISPLAY`); any other invisible character (a
    control or format character, a lone surrogate) as its code point, ``⟨U+00AD⟩``; everything else
    as itself.

    Examples
    --------
    >>> [display_symbol(c) for c in ("a", " ", UNKNOWN, BOUNDARY, "\\u00ad", "😀")]
    ['a', '␣', '⟨unk⟩', '⟨bos⟩', '⟨U+00AD⟩', '😀']
    """
    if not isinstance(c, str) or len(c) != 1:
        raise ValueError(f"display_symbol takes one character, got {c!r}")
    if c in DISPLAY:
        return DISPLAY[c]
    return c if c.isprintable() else f"⟨U+{ord(c):04X}⟩"


def _code_points(text, name: str = "text") -> np.ndarray:
    if not isinstance(text, str):
        raise ValueError(f"{name} must be a str, got {type(text).__name__}")
    # UTF-32 is one 4-byte unit per code point; surrogatepass keeps a lone surrogate as a character
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.int64)


def _check_context(context) -> int:
    if isinstance(context, bool) or not isinstance(context, int | np.integer) or context < 0:
        raise ValueError(f"context must be a non-negative int (0 for a unigram model), got {context!r}")
    return int(context)


def _check_alpha(alpha) -> float:
    try:
        a = float(alpha)
    except (TypeError, ValueError):
        raise ValueError(f"alpha must be a number >= 0, got {alpha!r}") from None
    if math.isnan(a) or a < 0:
        raise ValueError(f"alpha must be a number >= 0 (0 = no smoothing), got {a}")
    return a


class CharNGram:
    """Character n-gram language model with add-α (Lidstone) smoothing.

    ``q(c | h) = (n(h, c) + α) / (n(h) + α·V)``, where ``h`` is the ``context`` characters before ``c``
    (padded with :data:`BOUNDARY` at the start of a text), counts ``n`` come from the training text and
    ``V = len(vocabulary)``. ``α = 1`` is Laplace's rule, ``α = 0`` the maximum-likelihood estimate, and
    ``α → ∞`` the uniform distribution ``1/V`` (``alpha=math.inf`` is accepted and gives it exactly).

    Parameters
    ----------
    context : int
        Number of previous characters the prediction depends on; ``0`` is a unigram model (character
        frequencies), ``1`` a bigram model, and so on.
    alpha : float
        Pseudo-count added to every (history, character) pair, ``>= 0``.

    Notes
    -----
    - ``n(h)`` counts positions *followed by* a character, so ``Σ_c q(c | h) = 1`` for every ``h``.
    - A character absent from the training text is read as :data:`UNKNOWN` (also inside a history), and
      so are the two reserved symbols when they occur in a text being scored.
    - **A history never seen in training** (``n(h) = 0``) gives the uniform distribution ``1/V``. For
      ``α > 0`` that is what the formula gives anyway (``α / (α·V)``); for ``α = 0`` the formula reads
      ``0/0`` and the rule takes its limit ``α → 0⁺``. A longer history that was never seen thus does
      not borrow from shorter ones (no back-off): the model says "I have no idea", at a cost of
      ``log V`` per character.
    - With ``α = 0`` a character never seen after a *seen* history has ``q = 0`` and surprisal ``+inf``,
      and so has the cross-entropy of a text containing it. No warning, no epsilon.
    - Contexts are encoded as integers in mixed radix over the ``V + 1`` symbols (the vocabulary and the
      boundary); when the code would pass 2⁶² (a large vocabulary, e.g. Chinese, and a long context)
      the codes are renumbered densely and the encoding carries on, so any ``V`` and ``context`` work.
      Fitting costs ``O(context · N + N log N)`` time and ``O(N)`` memory for ``N`` training
      characters.

    Examples
    --------
    >>> m = CharNGram(context=1, alpha=0).fit("aab")
    >>> m.vocabulary
    ('a', 'b', '\\ufdd1')
    >>> m.probabilities("a")             # after an "a": "a" once, "b" once
    array([0.5, 0.5, 0. ])
    >>> m.surprisal("aab")               # q(a | ⟨bos⟩) = 1, q(a | a) = q(b | a) = 1/2
    array([0., 1., 1.])
    >>> m.cross_entropy("aab"), m.perplexity("aab")  # 2/3 bit per character; 2^(2/3)
    (0.666667, 1.587401)
    >>> m.surprisal("abb")               # "b" was never followed by anything: uniform, log2(3)
    array([0.      , 1.      , 1.584963])
    >>> m.cross_entropy("ac")            # "c" is unknown: q(⟨unk⟩ | a) = 0 with alpha = 0
    inf
    """

    def __init__(self, context: int = 2, alpha: float = 0.1):
        self.context = _check_context(context)
        self.alpha = _check_alpha(alpha)
        self._chars: np.ndarray | None = None

    def __repr__(self) -> str:
        fitted = f", V={len(self._chars) + 1}" if self._chars is not None else ", not fitted"
        return f"CharNGram(context={self.context}, alpha={self.alpha:g}{fitted})"

    # --- fitting ----------------------------------------------------------------------------------------

    def fit(self, text: str) -> CharNGram:
        """Count ``n(h, c)`` on ``text`` (padded histories included) and return the model itself.

        ``text`` must be a non-empty ``str`` without the reserved symbols :data:`BOUNDARY` and
        :data:`UNKNOWN`. Fitting again replaces the previous counts.
        """
        cps = _code_points(text)
        if cps.size == 0:
            raise ValueError("cannot fit on an empty text; give at least one character")
        chars, ids = np.unique(cps, return_inverse=True)
        if np.isin(_RESERVED, chars).any():
            which = "BOUNDARY (U+FDD0)" if ord(BOUNDARY) in chars else "UNKNOWN (U+FDD1)"
            raise ValueError(f"the training text contains the reserved symbol {which}; remove it before fitting")
        self._chars = chars
        self._vocabulary = (*map(chr, chars.tolist()), UNKNOWN)
        self._V = len(chars) + 1
        self._renumbered: dict[int, np.ndarray] = {}
        codes = self._context_codes(ids, training=True)
        self._hist_keys, h = np.unique(codes, return_inverse=True)
        self._n_h = np.bincount(h, minlength=len(self._hist_keys))
        self._joint_keys, self._n_hc = np.unique(h * self._V + ids, return_counts=True)
        return self

    def _context_codes(self, ids: np.ndarray, training: bool = False) -> np.ndarray:
        """One integer per position: the code of the ``context`` symbols before it (boundary-padded).

        Mixed radix ``code = Σ_j s_j (V+1)^(k-1-j)``, built by Horner's rule. When one more digit could
        pass ``_CODE_LIMIT``, the codes so far are replaced by their rank among the distinct training
        codes (``np.unique``), and scoring looks the same ranks up (``searchsorted``); a code training
        never produced gets the rank ``len(keys)``, which no training code has, so it stays unseen.
        """
        k, radix = self.context, self._V + 1
        padded = np.concatenate([np.full(k, self._V, dtype=np.int64), ids])
        code = np.zeros(len(ids), dtype=np.int64)
        bound = 1  # codes lie in [0, bound)
        for j in range(k):
            if bound * radix > _CODE_LIMIT:
                if training:
                    self._renumbered[j], code = np.unique(code, return_inverse=True)
                else:
                    keys = self._renumbered[j]
                    pos = np.searchsorted(keys, code)
                    found = keys[np.minimum(pos, len(keys) - 1)] == code
                    code = np.where(found, pos, len(keys))
                bound = len(self._renumbered[j]) + 1
            code = code * radix + padded[j : j + len(ids)]
            bound *= radix
        return code

    # --- scoring ----------------------------------------------------------------------------------------

    def _require_fit(self) -> None:
        if self._chars is None:
            raise ValueError("this CharNGram is not fitted yet; call fit(text) first")

    @property
    def vocabulary(self) -> tuple[str, ...]:
        """The sorted distinct characters of the training text, then :data:`UNKNOWN`."""
        self._require_fit()
        return self._vocabulary

    def _ids(self, text: str, name: str = "text") -> np.ndarray:
        cps = _code_points(text, name)
        pos = np.searchsorted(self._chars, cps)
        found = self._chars[np.minimum(pos, len(self._chars) - 1)] == cps
        return np.where(found, pos, self._V - 1)

    def _smoothed(self, n_hc: np.ndarray, n_h: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Numerator and denominator of ``q``, scaled by ``1/α`` when ``α > 1`` so that ``α·V`` cannot
        overflow (and ``α = inf`` gives exactly ``1/V``); ``(1, V)`` for an unseen history."""
        a, V = self.alpha, self._V
        n_hc, n_h = n_hc.astype(float), n_h.astype(float)
        if a > 1:
            num, den = n_hc / a + 1.0, n_h / a + V
        else:
            num, den = n_hc + a, n_h + a * V
        unseen = n_h == 0
        return np.where(unseen, 1.0, num), np.where(unseen, float(V), den)

    def _counts(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """``n(h_i, c_i)`` and ``n(h_i)`` for every position ``i`` of ``text``."""
        self._require_fit()
        ids = self._ids(text)
        codes = self._context_codes(ids)
        keys = self._hist_keys
        pos = np.searchsorted(keys, codes)
        pos_c = np.minimum(pos, len(keys) - 1)
        seen = keys[pos_c] == codes
        n_h = np.where(seen, self._n_h[pos_c], 0)
        joint = pos_c * self._V + ids
        jpos = np.minimum(np.searchsorted(self._joint_keys, joint), len(self._joint_keys) - 1)
        n_hc = np.where(seen & (self._joint_keys[jpos] == joint), self._n_hc[jpos], 0)
        return n_hc, n_h

    def probabilities(self, history: str = "") -> np.ndarray:
        """``q(· | h)`` over :attr:`vocabulary`, where ``h`` is the last ``context`` characters of ``history``.

        A history shorter than ``context`` is padded on the left with :data:`BOUNDARY` (``""`` asks how a
        text begins). The result sums to 1; for a history never seen in training it is uniform.

        Examples
        --------
        >>> m = CharNGram(context=2, alpha=1).fit("abab")   # V = 3: a, b, unknown
        >>> m.probabilities("")          # after ⟨bos⟩⟨bos⟩: "a" once; (1 + 1) / (1 + 3)
        array([0.5 , 0.25, 0.25])
        >>> m.probabilities("xyzab")     # only "ab" matters: "a" once
        array([0.5 , 0.25, 0.25])
        >>> m.probabilities("bb")        # never seen: uniform
        array([0.333333, 0.333333, 0.333333])
        """
        self._require_fit()
        k, V = self.context, self._V
        if not isinstance(history, str):
            raise ValueError(f"history must be a str, got {type(history).__name__}")
        tail = self._ids(history[-k:] if k else "", "history")
        # the code of the history before one more (placeholder) character
        code = self._context_codes(np.append(tail, 0))[-1]
        pos = int(np.searchsorted(self._hist_keys, code))
        n_hc = np.zeros(V, dtype=np.int64)
        n_h = 0
        if pos < len(self._hist_keys) and self._hist_keys[pos] == code:
            n_h = int(self._n_h[pos])
            lo, hi = np.searchsorted(self._joint_keys, [pos * V, (pos + 1) * V])
            n_hc[self._joint_keys[lo:hi] - pos * V] = self._n_hc[lo:hi]
        num, den = self._smoothed(n_hc, np.full(V, n_h))
        return num / den

    def surprisal(self, text: str, base: float = 2) -> np.ndarray:
        """``-log q(c_i | h_i)`` for each character ``c_i`` of ``text``, ``h_i`` the ``context`` characters
        before it (boundary-padded); one value per character, ``+inf`` where ``q = 0``.

        ``base``: ``2`` for bits (default), ``math.e`` for nats, ``10`` for dits. An empty text gives an
        empty array.
        """
        log_base = _log_base(base)
        num, den = self._smoothed(*self._counts(text))
        log_num = np.log(num, out=np.full(num.shape, -np.inf), where=num > 0)
        return (np.log(den) - log_num) / log_base

    def cross_entropy(self, text: str, base: float = 2) -> float:
        """``H = -(1/N) Σ_i log q(c_i | h_i)``: the mean surprisal over the ``N`` characters of ``text``,
        in bits per character for ``base=2``.

        On the training text with ``context=0`` and ``alpha=0`` this is the entropy of the character
        frequencies. ``+inf`` if some character has ``q = 0``.
        """
        s = self.surprisal(text, base)
        if s.size == 0:
            raise ValueError("cross-entropy of an empty text is undefined; give at least one character")
        return float(s.mean())

    def perplexity(self, text: str) -> float:
        """``PPL = exp(H in nats) = 2^(H in bits)``: the effective number of equally likely choices per
        character. It does not depend on the base of the logarithm; ``+inf`` if some ``q = 0``."""
        return perplexity_from_nats(self.cross_entropy(text, base=math.e))


# --- sizes --------------------------------------------------------------------------------------------


def ideal_code_length_bits(model: CharNGram, text: str) -> float:
    """``L = Σ_i -log₂ q(c_i | h_i) = N · H_bits``: the bits an ideal arithmetic coder driven by ``model``
    needs for ``text`` (within 2 bits), not counting the model itself, which the decoder must also have.

    An empty text costs 0 bits.

    Examples
    --------
    >>> m = CharNGram(context=1, alpha=0).fit("aab")
    >>> ideal_code_length_bits(m, "aab")          # 0 + 1 + 1
    2.0
    """
    return float(model.surprisal(text, base=2).sum())


def compressed_sizes(text: str) -> dict[str, int]:
    """Sizes in bytes of ``text`` in UTF-8 (``"utf-8"``) and compressed by the standard library:
    ``"zlib"`` (DEFLATE, level 9), ``"bz2"`` (level 9) and ``"lzma"`` (xz container, preset 6, the ``xz``
    default: preset 9 only enlarges the dictionary past 8 MiB, which changes nothing for shorter texts
    and takes 674 MiB of memory to compress instead of 94, per xz(1)).

    Each compressed size includes its format's headers and checksums, so a short text grows (one ASCII
    character takes 9 bytes with zlib, 37 with bz2, 60 with lzma); compare ``8 · size`` with
    :func:`ideal_code_length_bits`.

    Examples
    --------
    >>> sizes = compressed_sizes("abc" * 1000)
    >>> sizes["utf-8"], sizes["zlib"] < 100, sorted(sizes)
    (3000, True, ['bz2', 'lzma', 'utf-8', 'zlib'])
    """
    if not isinstance(text, str):
        raise ValueError(f"text must be a str, got {type(text).__name__}")
    data = text.encode("utf-8", "surrogatepass")
    return {
        "utf-8": len(data),
        "zlib": len(zlib.compress(data, 9)),
        "bz2": len(bz2.compress(data, 9)),
        "lzma": len(lzma.compress(data, preset=6)),
    }


# --- units --------------------------------------------------------------------------------------------


def _as_numbers(x, name: str) -> np.ndarray:
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a number or an array of numbers, got {x!r}") from None
    if np.isnan(arr).any():
        raise ValueError(f"{name} contains NaN")
    return arr


def _out(arr: np.ndarray) -> float | np.ndarray:
    arr = arr + 0.0  # -0.0 -> 0.0
    return float(arr) if arr.ndim == 0 else arr


def nats_to_bits(x) -> float | np.ndarray:
    """``x_bits = x_nats / ln 2``: 1 nat ≈ 1.4427 bits.

    Examples
    --------
    >>> nats_to_bits(math.log(2))
    1.0
    """
    return _out(_as_numbers(x, "x") / math.log(2))


def bits_to_nats(x) -> float | np.ndarray:
    """``x_nats = x_bits · ln 2``: 1 bit ≈ 0.6931 nats.

    Examples
    --------
    >>> bits_to_nats([1.0, 2.0])
    array([0.693147, 1.386294])
    """
    return _out(_as_numbers(x, "x") * math.log(2))


def perplexity_from_nats(x) -> float | np.ndarray:
    """``PPL = e^H`` for a cross-entropy ``H >= 0`` in nats; ``+inf`` when ``e^H`` overflows or ``H = inf``.

    Examples
    --------
    >>> perplexity_from_nats(math.log(50257))     # uniform over GPT-2's vocabulary
    50257.0
    """
    h = _as_numbers(x, "cross-entropy")
    if (h < 0).any():
        raise ValueError(f"a cross-entropy is >= 0, got {h[h < 0].flat[0]:g} nats")
    with np.errstate(over="ignore"):  # e^H past 1.8e308 is +inf, as it should be
        return _out(np.exp(h))


def nats_from_perplexity(ppl) -> float | np.ndarray:
    """``H = ln PPL`` in nats, for a perplexity ``PPL >= 1``.

    Examples
    --------
    >>> nats_to_bits(nats_from_perplexity(8))   # a perplexity of 8 is 3 bits
    3.0
    """
    p = _as_numbers(ppl, "perplexity")
    if (p < 1).any():
        raise ValueError(f"a perplexity is >= 1 (the cross-entropy is >= 0), got {p[p < 1].flat[0]:g}")
    return _out(np.log(p))


def bits_per_byte(nats_per_token, bytes_per_token) -> float | np.ndarray:
    """``BPB = (nats per token / ln 2) / (bytes per token)``: a token-level loss turned into bits per byte
    of UTF-8 text, which compares models with different tokenizers (and with compressors).

    Examples
    --------
    >>> bits_per_byte(math.log(2) * 3.2, 4.0)   # 3.2 bits per token, 4 bytes per token
    0.8
    """
    h = _as_numbers(nats_per_token, "nats_per_token")
    b = _as_numbers(bytes_per_token, "bytes_per_token")
    if (h < 0).any():
        raise ValueError(f"nats_per_token is a cross-entropy, >= 0; got {h[h < 0].flat[0]:g}")
    if (~np.isfinite(b) | (b <= 0)).any():
        raise ValueError(f"bytes_per_token must be positive and finite, got {b[~np.isfinite(b) | (b <= 0)].flat[0]:g}")
    return _out(h / math.log(2) / b)
