"""The loss-curves page's generated sentences: which text, filled with which numbers, chosen from the model.

Each function takes the section's model and ``t`` (the app's translation function by default; a test passes
a lookup in one language) and returns what the page shows, so a sentence that states a direction or a
number is true for the setting it is shown with.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from xentcore.app.curves.model import RIGHT_ABOVE, WRONG_BELOW, BinaryModel, MulticlassModel
from xentcore.app.ui import fmt, fmt_percent, sentences
from xentcore.app.ui import t as app_t

Say = Callable[..., str]


def unit_name(unit: str, t: Say = app_t) -> str:
    return t(f"unit.short.{unit}")


def log_name(unit: str, t: Say = app_t) -> str:
    """``ln`` in nats, ``log₂`` in bits: ``ln K`` nats is ``log₂ K`` bits."""
    return t(f"curves.log.{unit}")


def class_list(classes, t: Say = app_t) -> str:
    return t("curves.list.sep").join(t("curves.class", k=i) for i in classes)


# --- section 1 -------------------------------------------------------------------------------------------------


def gradient_caption(m: BinaryModel, t: Say = app_t) -> str:
    return t("curves.fig.caption", pct=fmt_percent(WRONG_BELOW, 0), gmax=t(f"curves.gmax.{m.unit}"))


def binary_callout(m: BinaryModel, t: Say = app_t) -> str:
    """The note under the binary table, for the probe's regime (confidently wrong, between, nearly right)."""
    pr = m.probe
    return t(
        f"curves.{m.regime}.callout",
        p=fmt(pr.p_true),
        ce=fmt(pr.dce_dz),
        mse=fmt(pr.dmse_dz),
        r=f"{pr.ratio:.1f}",
        ratio=t(f"curves.ratio.{m.unit}"),
        lo=fmt_percent(WRONG_BELOW, 0),
        hi=fmt_percent(RIGHT_ABOVE, 0),
    )


# --- section 2 -------------------------------------------------------------------------------------------------


def uniform_label(m: MulticlassModel, t: Say = app_t) -> str:
    return t("curves.metric.uniform", log=log_name(m.unit, t), k=m.k)


def temperature_text(m: MulticlassModel, t: Say = app_t) -> str:
    """What the sweep shows: where the loss goes as T grows and as T shrinks, for this target; then the plotted
    range itself."""
    lim = m.limits
    unit = unit_name(m.unit, t)
    log = log_name(m.unit, t)
    if lim.constant:
        return t("curves.temp.constant", log=log, k=m.k, v=fmt(lim.hot), unit=unit)
    parts = [t("curves.temp.hot", log=log, k=m.k, v=fmt(lim.hot), unit=unit)]
    tied = len(lim.top) > 1
    top = {"cls": class_list(lim.top, t), "m": len(lim.top)}
    if lim.off_top > 0:
        key = "curves.temp.cold.inf_tied" if tied else "curves.temp.cold.inf"
        parts.append(t(key, **top, mass=fmt(lim.off_top), rate=fmt(lim.rate), unit=unit))
        if m.smoothing > 0:
            parts.append(t("curves.temp.smoothing", x=fmt(m.smoothing / m.k)))
    elif tied:
        parts.append(t("curves.temp.cold.tied", **top, log=log, v=fmt(lim.cold), unit=unit))
    else:
        parts.append(t("curves.temp.cold.zero", **top))
    parts.append(
        t(
            "curves.temp.plot",
            t0=fmt(m.temperatures[0], 1),
            t1=fmt(m.temperatures[-1], 1),
            a=fmt(m.sweep[0]),
            b=fmt(m.sweep[-1]),
            tm=fmt(m.sweep_min_t, 2),
            vm=fmt(m.sweep_min),
            unit=unit,
        )
    )
    return sentences(parts, t)


# --- figure labels ---------------------------------------------------------------------------------------------


def binary_labels(m: BinaryModel, log: bool, t: Say = app_t) -> dict[str, str]:
    keys = ("loss_p", "loss_z", "grad_p", "grad_z", "p", "z", "wrong", "probe")
    return {
        **{k: t(f"curves.fig.{k}") for k in keys},
        "ce": t("curves.ce"),
        "mse": t("curves.mse"),
        "loss": t("curves.fig.loss", unit=unit_name(m.unit, t)),
        "grad": t("curves.fig.abs_grad") if log else t("curves.fig.grad"),
    }


def multiclass_labels(m: MulticlassModel, t: Say = app_t) -> dict[str, str]:
    keys = ("probs", "y_hat", "target", "grad_z_bar", "grad_p_bar", "fd")
    return {
        **{k: t(f"curves.mfig.{k}") for k in keys},
        "grad_z": t(f"curves.mfig.grad_z.{m.unit}"),  # the formula of the numbers drawn, in their unit
        "grad_p": t(f"curves.mfig.grad_p.{m.unit}"),
    }


def temperature_labels(m: MulticlassModel, t: Say = app_t) -> dict[str, str]:
    return {
        "ce": t("curves.metric.mce"),
        "t": t("curves.temp"),
        "loss": t("curves.fig.loss", unit=unit_name(m.unit, t)),
        "min": t("curves.tfig.min", h=fmt(m.probe.min_ce)),
        "uniform": t("curves.tfig.uniform", log=log_name(m.unit, t), k=m.k, v=fmt(m.probe.uniform_ce)),
        "current": t("curves.tfig.current"),
    }


# --- predict, then reveal (the reader setting quiz=1) -----------------------------------------------------------


def push_quiz(m: BinaryModel, t: Say = app_t) -> dict:
    """Which loss pushes the logit harder at the probe? The answer is the probe's larger ``|∂L/∂z|``; asked again
    when the label or the probe's region (confidently wrong, between, nearly right) changes."""
    pr = m.probe
    values = {
        "ce": fmt(pr.dce_dz),
        "mse": fmt(pr.dmse_dz),
        "r": f"{pr.ratio:.1f}",
        "ratio": t(f"curves.ratio.{m.unit}"),
        "floor": fmt(m.ratio_floor, 2),
    }
    return {
        "qid": "push",
        "question": t("curves.quiz.push", y=pr.y, y_hat=fmt(pr.y_hat)),
        "options": {k: t(f"curves.quiz.push.{k}") for k in ("ce", "mse", "same")},
        "answer": m.harder,
        "why": t("curves.quiz.push.why" if m.harder == "ce" else "curves.quiz.push.why.other", **values),
        "about": (pr.y, m.regime),
    }


def cold_quiz(m: MulticlassModel, t: Say = app_t) -> dict:
    """As ``T → 0``, does the loss go to 0, level off above 0, or grow without bound? The answer is the model's
    limit; asked again when the largest logits, the target or the smoothing change."""
    lim = m.limits
    unit = unit_name(m.unit, t)
    log = log_name(m.unit, t)
    first = {"t0": fmt(m.temperatures[0], 1), "a": fmt(m.sweep[0]), "unit": unit}
    if m.cold == "inf":
        why = t("curves.quiz.cold.why.inf", mass=fmt(lim.off_top), rate=fmt(lim.rate), **first)
    elif lim.constant:
        why = t("curves.quiz.cold.why.constant", k=m.k, log=log, v=fmt(lim.hot), unit=unit)
    elif m.cold == "level":
        tied = {"m": len(lim.top), "cls": class_list(lim.top, t)}
        why = t("curves.quiz.cold.why.level", **tied, log=log, v=fmt(lim.cold), unit=unit)
    else:
        why = t("curves.quiz.cold.why.zero", cls=class_list(lim.top, t), **first)
    return {
        "qid": "cold",
        "question": t("curves.quiz.cold"),
        "options": {k: t(f"curves.quiz.cold.{k}") for k in ("zero", "level", "inf")},
        "answer": m.cold,
        "why": why,
        "about": (lim.top, m.target, m.smoothing),
    }


# --- chart text alternatives and data tables ---------------------------------------------------------------------


def binary_alt(m: BinaryModel, t: Say = app_t) -> str:
    pr = m.probe
    return t(
        "curves.alt.binary", y=pr.y, z=fmt(pr.z), y_hat=fmt(pr.y_hat), ce=fmt(pr.ce), mse=fmt(pr.mse),
        gce=fmt(pr.dce_dz), gmse=fmt(pr.dmse_dz), unit=unit_name(m.unit, t),
    )  # fmt: skip


def multiclass_alt(m: MulticlassModel, t: Say = app_t) -> str:
    pr = m.probe
    top = int(np.argmax(pr.y_hat))
    g = int(np.argmax(np.abs(pr.grad_z)))
    return t(
        "curves.alt.multi", k=m.k, top=t("curves.class", k=top), p=fmt(pr.y_hat[top]), ce=fmt(pr.ce),
        unit=unit_name(m.unit, t), gz=fmt(pr.grad_z[g]), gcls=t("curves.class", k=g),
    )  # fmt: skip


def temperature_alt(m: MulticlassModel, t: Say = app_t) -> str:
    return t(
        "curves.alt.temp", t0=fmt(m.temperatures[0], 1), t1=fmt(m.temperatures[-1], 1), a=fmt(m.sweep[0]),
        b=fmt(m.sweep[-1]), tm=fmt(m.sweep_min_t, 2), vm=fmt(m.sweep_min), t=fmt(m.probe.temperature, 2),
        ce=fmt(m.probe.ce), unit=unit_name(m.unit, t),
    )  # fmt: skip


def binary_data(m: BinaryModel, t: Say = app_t) -> pd.DataFrame:
    c = m.curves
    step = slice(None, None, 20)
    return pd.DataFrame(
        {
            "z": c.z[step], t("curves.ce"): c.ce_z[step], t("curves.mse"): c.mse_z[step],
            "∂CE/∂z": c.dce_dz[step], "∂MSE/∂z": c.dmse_dz[step],
        }
    )  # fmt: skip


def multiclass_data(m: MulticlassModel, t: Say = app_t) -> pd.DataFrame:
    pr = m.probe
    return pd.DataFrame(
        {
            "": [t("curves.class", k=i) for i in range(m.k)], "z": pr.z, "ŷ": pr.y_hat, "ỹ": pr.target,
            "∂L/∂z": pr.grad_z, "∂L/∂ŷ": pr.grad_p,
        }
    )  # fmt: skip


def temperature_data(m: MulticlassModel, t: Say = app_t) -> pd.DataFrame:
    return pd.DataFrame({"T": m.temperatures, t("curves.metric.mce"): m.sweep})
