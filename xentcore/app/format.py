"""One number format for the whole app, and the escaping of user text for each place it is shown."""

from __future__ import annotations

import math
import string
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation


def fmt(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` decimals; ``∞`` / ``−∞`` for infinities, ``NaN`` for not-a-number (a result
    the reader should see, as when a naive loss breaks), powers of ten from a million up.

    >>> fmt(1.05492), fmt(float("inf")), fmt(-0.0), fmt(float("nan")), fmt(-3.2e307)
    ('1.0549', '∞', '0.0000', 'NaN', '−3.2000e+307')
    """
    x = float(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    if abs(x) >= 1e6:
        return f"{x:.{digits}e}".replace("-", "−", 1) if x < 0 else f"{x:.{digits}e}"
    text = f"{x:.{digits}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text.replace("-", "−")


def fmt_percent(x: float, digits: int = 1, *, lang: str = "en") -> str:
    """``0.923`` -> ``92.3 %`` (English, with a thin gap as the app's style) or ``92.3%`` (Chinese, no space).

    >>> fmt_percent(0.923), fmt_percent(0.923, lang="zh"), fmt_percent(float("nan"))
    ('92.3 %', '92.3%', '—')
    """
    if math.isnan(float(x)):
        return "—"
    return f"{100 * float(x):.{digits}f}" + ("%" if lang == "zh" else " %")


def fmt_apart(a: float, b: float, digits: int = 4, most: int = 12) -> tuple[str, str]:
    """``a`` and ``b`` with the fewest decimals from ``digits`` up to ``most`` that tell them apart, so a
    sentence saying they differ does not show two equal numbers.

    >>> fmt_apart(1.00004, 1.00001), fmt_apart(0.5, 0.25), fmt_apart(1.0, 1.0)
    (('1.00004', '1.00001'), ('0.5000', '0.2500'), ('1.000000000000', '1.000000000000'))
    """
    for d in range(digits, most + 1):
        shown = fmt(a, d), fmt(b, d)
        if shown[0] != shown[1]:
            return shown
    return fmt(a, most), fmt(b, most)


def adds_up(parts: Sequence[str], total: str) -> bool:
    """Whether the numbers as shown, ``parts`` (formatted), add up to ``total`` as shown: when rounding makes them
    miss, a sum on screen should say ``≈``, not ``=``.

    >>> adds_up(["1.0297", "0.0253"], "1.0549"), adds_up(["0.5", "0.25"], "0.75"), adds_up(["1", "∞"], "∞")
    (False, True, True)
    """
    try:
        values = [Decimal(s.replace("−", "-")) for s in (*parts, total)]
    except InvalidOperation:  # ∞ or NaN: nothing was rounded
        return True
    return sum(values[:-1], Decimal(0)) == values[-1]


# --- user text, escaped where it is shown ----------------------------------------------------------------------
# A class name is kept as typed (xentcore.datasets.clean_name only drops control characters and commas and caps
# its length) and escaped at each sink, by that sink's rules, so it displays literally everywhere.

_LATEX_TEXT = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "&": r"\&",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_LIGATURES = "-`'"  # KaTeX's text mode turns "--" into "–", "``" into "“" and "''" into "”"


def latex_text(text: str) -> str:
    r"""``text`` for the inside of ``\text{...}`` in KaTeX (Streamlit's ``st.latex``), shown literally.

    LaTeX's specials are escaped: ``\textbackslash{}``, ``\{``, ``\}``, ``\$``, ``\%``, ``\#``, ``\_``, ``\&``,
    ``\textasciicircum{}`` and ``\textasciitilde{}`` (KaTeX draws ``\^{}`` and ``\~{}`` as accents on nothing).
    A doubled ``-``, backtick or ``'`` is kept apart, or KaTeX would print a dash or a curly quote; a single
    quote still prints curly. A combining accent (U+0300–U+036F) with no character to sit on is dropped:
    KaTeX's lexer glues it to the ``{`` or space before it and the formula no longer parses.

    >>> print(latex_text("a_b {c} 50% #1 x^2 ~ & \\ $"))
    a\_b \{c\} 50\% \#1 x\textasciicircum{}2 \textasciitilde{} \& \textbackslash{} \$
    >>> print(latex_text("a--b"), latex_text("\u0301x"))
    a-{}-b x
    """
    out: list[str] = []
    carrier = False  # whether the last thing written is a character an accent can sit on
    for i, ch in enumerate(text):
        if "\u0300" <= ch <= "\u036f":
            if carrier:
                out.append(ch)
            continue
        if ch in _LATEX_TEXT:
            out.append(_LATEX_TEXT[ch])
            carrier = False
        elif ch in _LIGATURES and text[i + 1 : i + 2] == ch:
            out.append(ch + "{}")
            carrier = False
        else:
            out.append(ch)
            carrier = not ch.isspace()
    return "".join(out)


_MD_SPECIAL = frozenset(string.punctuation)
_WORD_JOINER = "\u2060"


def md_escape(text: str) -> str:
    r"""``text`` shown literally by Streamlit's markdown (``st.markdown``, ``st.info``..., widget labels).

    Every ASCII punctuation character is backslash-escaped (CommonMark allows it for each), which stops ``$``
    maths, ``:colour[...]`` directives, links, emphasis, tables and HTML alike. Streamlit also turns ``:name:``
    into an emoji and ``:material/`` into an icon by matching the text itself, escaped or not: an invisible
    word joiner (U+2060) after a colon that starts a word keeps them apart. Line breaks become spaces (a name
    stays on its line).

    >>> print(md_escape("*a* [b](c) $x$"))
    \*a\* \[b\]\(c\) \$x\$
    >>> md_escape(":red[d]") == "\\:\u2060red\\[d\\]"
    True
    """
    text = " ".join(str(text).splitlines())
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
            after = text[i + 1 : i + 2]
            if ch == ":" and after and ((after.isascii() and after.isalnum()) or after in "_+-"):
                out.append(_WORD_JOINER)
        else:
            out.append(ch)
    return "".join(out)


_PLOTLY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "$": "&#36;"}


def plotly_escape(text: str) -> str:
    """``text`` shown literally in a plotly title, label, tick, hover or annotation: plotly reads some HTML tags
    (``<b>``, ``<br>``, ``<a href>``...) and entities in every string, and a string between ``$`` signs as TeX.

    >>> plotly_escape("<b>a & b</b> $x$")
    '&lt;b&gt;a &amp; b&lt;/b&gt; &#36;x&#36;'
    """
    return "".join(_PLOTLY.get(ch, ch) for ch in text)
