r"""The worked calculation of the Distributions page as LaTeX for ``st.latex`` (KaTeX), from the page model's
numbers. Class names and units are user or translated text: each goes into ``\text{...}`` through
:func:`~xentcore.app.format.latex_text`. A sum of rounded numbers is written with ``\approx`` when the
numbers as shown do not add up to the total as shown.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from xentcore.app.distributions.model import Worked
from xentcore.app.format import adds_up, latex_text


def num(x: float, digits: int = 4) -> str:
    """A number for LaTeX: ``0.5`` stays short, ``1/3`` shows 4 decimals, infinity is ``\\infty``."""
    if math.isinf(x):
        return r"\infty" if x > 0 else r"-\infty"
    text = f"{x:.{digits}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _log_symbol(base: float) -> str:
    return r"\ln" if math.isclose(base, math.e) else rf"\log_{{{num(base)}}}"


def _rows(items: list[str], per_row: int) -> list[str]:
    return [" + ".join(items[i : i + per_row]) for i in range(0, len(items), per_row)]


def _sum_sign(parts: Sequence[str], total: str) -> str:
    return "=" if adds_up([p.replace(r"\infty", "∞") for p in parts], total.replace(r"\infty", "∞")) else r"\approx"


def worked_cross_entropy(
    w: Worked, names: Sequence[str], *, unit: str, other_unit: str | None = None, per_row: int = 4
) -> str:
    r"""The calculation of ``H(P, Q) = −Σ_i p_i log q_i`` as one LaTeX ``aligned`` block.

    Line by line: the definition; the numbers substituted (each term labelled with its class name); each
    ``p_i × (−log q_i)``; each product; the total in ``unit`` (and in ``other_unit`` when given). A class with
    ``p_i = 0`` contributes 0; a class with ``q_i = 0 < p_i`` contributes ``∞``. Long sums wrap after
    ``per_row`` terms.
    """
    if len(names) != w.p.size:
        raise ValueError("p, q and names must have the same length")
    log = _log_symbol(w.base)
    substituted = [
        rf"\underbrace{{{num(pi)}\,{log} {num(qi)}}}_{{\text{{{latex_text(n)}}}}}"
        for pi, qi, n in zip(w.p, w.q, names, strict=True)
    ]
    lengths = [rf"{num(pi)} \times {num(li)}" for pi, li in zip(w.p, w.code_length, strict=True)]
    products = [num(c) for c in w.products]
    lines = [r"H(P, Q) &= -\sum_i p_i\, " + log + r" q_i \\"]
    sub_rows = _rows(substituted, per_row)
    for r, row in enumerate(sub_rows):
        opener = r"&= -\Big(" if r == 0 else r"&\qquad + "
        closer = r"\Big)" if r == len(sub_rows) - 1 else ""
        lines.append(f"{opener}{row}{closer} \\\\")
    for group in (lengths, products):
        for r, row in enumerate(_rows(group, per_row)):
            lines.append(("&= " if r == 0 else r"&\qquad + ") + row + r" \\")
    total = num(w.total)
    final = rf"&{_sum_sign(products, total)} {total}\ \text{{{latex_text(unit)}}}"
    if other_unit is not None:
        final += rf" = {num(w.other_total)}\ \text{{{latex_text(other_unit)}}}"
    lines.append(final + r" \\")
    return "\\begin{aligned}\n" + "\n".join(lines) + "\n\\end{aligned}"


def worked_decomposition(h: float, kl: float, ce: float, *, unit: str) -> str:
    r"""``H(P, Q) = H(P) + KL(P‖Q)`` with the three numbers filled in, as one LaTeX line.

    >>> print(worked_decomposition(1.0, 0.0, 1.0, unit="bits"))
    H(P, Q) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q) = 1 + 0 = 1\ \text{bits}
    >>> print(worked_decomposition(1.0296530, 0.0252672, 1.0549202, unit="nats"))
    H(P, Q) = H(P) + D_{\mathrm{KL}}(P \,\|\, Q) = 1.0297 + 0.0253 \approx 1.0549\ \text{nats}
    """
    parts, total = [num(h), num(kl)], num(ce)
    return (
        rf"H(P, Q) = H(P) + D_{{\mathrm{{KL}}}}(P \,\|\, Q) = {parts[0]} + {parts[1]} {_sum_sign(parts, total)} "
        rf"{total}\ \text{{{latex_text(unit)}}}"
    )
