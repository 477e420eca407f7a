"""One number format for the whole app."""

from __future__ import annotations

import math


def fmt(x: float, digits: int = 4) -> str:
    """``x`` with ``digits`` decimals; ``∞`` / ``−∞`` for infinities, ``—`` for NaN.

    >>> fmt(1.05492), fmt(float("inf")), fmt(-0.0)
    ('1.0549', '∞', '0.0000')
    """
    x = float(x)
    if math.isnan(x):
        return "—"
    if math.isinf(x):
        return "∞" if x > 0 else "−∞"
    text = f"{x:.{digits}f}"
    return "0" + text[2:] if text.startswith("-0") and float(text) == 0 else text.replace("-", "−")


def fmt_percent(x: float, digits: int = 1) -> str:
    """``0.923`` -> ``92.3 %``."""
    return "—" if math.isnan(float(x)) else f"{100 * float(x):.{digits}f} %"
