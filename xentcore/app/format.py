"""One number format for the whole app."""

from __future__ import annotations

import math


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


_MD_SPECIAL = frozenset("\\`*_{}[]()<>#+-.!|~^$%&:=\"'")


def md_escape(text: str) -> str:
    """``text`` for a Streamlit markdown sink, shown literally: every markdown, LaTeX (``$``) and Streamlit
    directive character (``:red[...]``, ``:material/...:``) is backslash-escaped, which CommonMark allows for
    any ASCII punctuation; line breaks become spaces.

    >>> md_escape("a*b_{c}$ [x](y) :red[z]")
    'a\\\\*b\\\\_\\\\{c\\\\}\\\\$ \\\\[x\\\\]\\\\(y\\\\) \\\\:red\\\\[z\\\\]'
    """
    text = " ".join(str(text).splitlines())
    return "".join("\\" + ch if ch in _MD_SPECIAL else ch for ch in text)


def plotly_escape(text: str) -> str:
    """``text`` for a plotly label (title, legend entry, annotation, hover text), shown literally: plotly reads a
    subset of HTML (``<b>``, ``<br>``, entities) in labels, and a label between ``$`` signs as LaTeX, so ``&``,
    ``<``, ``>`` and ``$`` become character references, which plotly turns back into the characters.

    >>> plotly_escape("<b>a & b</b> $x$")
    '&lt;b&gt;a &amp; b&lt;/b&gt; &#36;x&#36;'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("$", "&#36;")
