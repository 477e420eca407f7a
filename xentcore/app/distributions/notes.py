"""The distributions page's chart text alternatives and data tables, generated from the model.

Each function takes the model, the class names and ``t`` (the app's translation function by default; a test
passes a lookup in one language), so an alt states what its chart shows for the setting it is drawn with,
∞ included (``fmt`` writes ∞).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from xentcore.app.distributions.model import DistributionsModel
from xentcore.app.format import fmt
from xentcore.app.ui.i18n import t as app_t

Say = Callable[..., str]
PAGE = "distributions"


def _unit(m: DistributionsModel, t: Say) -> str:
    return t(f"unit.short.{m.unit}")


def _pairs(key: str, names, a, b, t: Say) -> str:
    return t(f"{PAGE}.alt.sep").join(t(key, name=n, a=fmt(x), b=fmt(y)) for n, x, y in zip(names, a, b, strict=True))


def bars_alt(m: DistributionsModel, names, t: Say = app_t) -> str:
    return t(f"{PAGE}.alt.bars", k=m.k, pairs=_pairs(f"{PAGE}.alt.pq", names, m.p, m.q, t))


def contrib_alt(m: DistributionsModel, names, t: Say = app_t) -> str:
    s = m.summary
    i = int(np.argmax(m.ce_terms))
    return t(
        f"{PAGE}.alt.contrib", ce=fmt(s.ce_pq), h=fmt(s.h_p), kl=fmt(s.kl_pq), unit=_unit(m, t), name=names[i],
        v=fmt(m.ce_terms[i]),
    )  # fmt: skip


def code_alt(m: DistributionsModel, names, t: Say = app_t) -> str:
    pairs = _pairs(f"{PAGE}.alt.code.pair", names, m.code_length, m.best_code_length, t)
    return t(f"{PAGE}.alt.code", unit=_unit(m, t), pairs=pairs)


def simplex_alt(m: DistributionsModel, names, t: Say = app_t) -> str:
    return t(
        f"{PAGE}.alt.simplex", names=t(f"{PAGE}.alt.sep").join(names), measure=t(f"{PAGE}.sx.{m.measure}"),
        p=", ".join(fmt(x) for x in m.p), q=", ".join(fmt(x) for x in m.q), minimum=fmt(m.simplex_minimum),
    )  # fmt: skip


def fits_alt(m: DistributionsModel, t: Say = app_t) -> str:
    f = m.fits
    return t(
        f"{PAGE}.alt.fits", pm=fmt(f.p_mean, 2), psd=fmt(f.p_sd, 2), fm=fmt(f.forward.mean, 2),
        fsd=fmt(f.forward.sd, 2), fkl=fmt(f.forward.kl), rm=fmt(f.reverse.mean, 2), rsd=fmt(f.reverse.sd, 2),
        rkl=fmt(f.reverse.kl),
    )  # fmt: skip


def class_table(m: DistributionsModel, names, t: Say = app_t) -> pd.DataFrame:
    """One row per class: P, Q, the per-class terms and both code lengths, in the reader's unit."""
    u = _unit(m, t)
    return pd.DataFrame(
        {
            "": list(names), "P": m.p, "Q": m.q, f"−p log q ({u})": m.ce_terms, f"−p log p ({u})": m.h_terms,
            f"p log(p/q) ({u})": m.kl_terms, f"−log q ({u})": m.code_length, f"−log p ({u})": m.best_code_length,
        }
    )  # fmt: skip


def fits_table(m: DistributionsModel, t: Say = app_t) -> pd.DataFrame:
    f = m.fits
    return pd.DataFrame({"x": f.x, "P": f.p, "KL(P‖Q)": f.forward.q, "KL(Q‖P)": f.reverse.q})
