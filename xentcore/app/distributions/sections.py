"""The Distributions page's widgets and sections (floor 2, used by ``pages/1_distributions.py`` only).

The page file reads as the story (headers, in order); the blocks it draws live here: the P/Q editor with
its callbacks, the typed-entry table, each section, the cached computations. Every number comes from
``xentcore``; this module only wires widgets, state and text.
"""

from __future__ import annotations

import inspect
import math

import numpy as np
import pandas as pd
import streamlit as st

from xentcore import cross_entropy, kl_divergence, normalize
from xentcore.app.distributions import figures as figs
from xentcore.app.distributions.state import SCHEMA, SIMPLEX_MEASURES
from xentcore.app.format import fmt
from xentcore.app.share import clean_name
from xentcore.app.ui.i18n import t
from xentcore.app.ui.session import PageState
from xentcore.app.ui.shell import fragment
from xentcore.distributions import (
    MAX_CLASSES,
    MIN_CLASSES,
    PRESETS,
    Summary,
    apply_preset,
    infinite_classes,
    rescale,
    resize,
    resize_names,
    terms,
    worked_cross_entropy,
    worked_decomposition,
)
from xentcore.kl_fit import fit_gaussian, support, two_peaks
from xentcore.simplex import CORNERS, field, to_xy

PAGE = SCHEMA.name
TABLE_VERSION = f"_{PAGE}_table_version"  # a new key gives a fresh editor once an edit is applied
FLASH = f"_{PAGE}_flash"  # messages about an applied table edit, shown after the rerun it triggers


@st.cache_data(max_entries=64, show_spinner=False)
def simplex_field(p: tuple[float, ...], measure: str, base: float):
    return field(p, measure, n=72, base=base)


@st.cache_data(max_entries=32, show_spinner=False)
def kl_fit_pair(separation: float, weight: float):
    x = support()
    p = two_peaks(x, separation, weight)
    return x, p, fit_gaussian(p, x, "forward"), fit_gaussian(p, x, "reverse")


@st.cache_resource(max_entries=32, show_spinner=False)
def kl_fits_figure(separation: float, weight: float, labels: tuple[tuple[str, str], ...]):
    """The fits figure changes only with its own sliders (and the language): build it once per setting,
    not on every move of a P or Q slider. Streamlit only reads the figure, so sharing it is safe."""
    x, target, fwd, rev = kl_fit_pair(separation, weight)
    return figs.kl_fits(x, target, fwd.q, rev.q, dict(labels))


def default_name(i: int, k: int) -> str:
    """Sunny / rain / cloudy for three classes, "class k" otherwise, in the reader's language."""
    if k == 3:
        return t(f"{PAGE}.name.default.{i}")
    return t(f"{PAGE}.name.class", k=i + 1)


def class_names(stored: tuple[str, ...], k: int) -> tuple[str, ...]:
    return tuple(stored) or tuple(default_name(i, k) for i in range(k))


def _floats(v) -> tuple[float, ...]:
    return tuple(float(x) for x in v)


# --- callbacks: each changes the state before the page reruns ----------------------------------------------


def _on_slider(ctx: PageState, which: str, i: int) -> None:
    ctx.set(which, _floats(rescale(ctx[which], i, st.session_state[f"{PAGE}.{which}.{i}"])))


def _on_k(ctx: PageState) -> None:
    k = st.session_state[f"{PAGE}.k"]
    if k is None:
        return
    ctx.update(
        p=_floats(resize(ctx["p"], k)),
        q=_floats(resize(ctx["q"], k)),
        names=resize_names(ctx["names"], k, lambda i: default_name(i, k)),
    )


def on_preset(ctx: PageState, name: str) -> None:
    p, q = apply_preset(name, ctx["p"], ctx["q"])
    names = ctx["names"] if len(ctx["names"]) == len(p) else ()
    ctx.update(p=_floats(p), q=_floats(q), names=names)


def _translated_error(err: ValueError) -> str:
    """``xentcore.normalize``'s message, in the reader's language where we know it."""
    message = str(err)
    if "NaN" in message:
        return t(f"{PAGE}.error.nan")
    if ">= 0" in message:
        return t(f"{PAGE}.error.negative")
    if "all zero" in message:
        return t(f"{PAGE}.error.zero")
    return t(f"{PAGE}.error.other", detail=message)


def _apply_table(ctx: PageState, edited: pd.DataFrame, shown_names: tuple[str, ...]) -> None:
    """Validate a table edit; store it only if every column is usable, and say what happened."""
    notes: list[tuple[str, str]] = []
    new_names = tuple(clean_name(n) if isinstance(n, str) else "" for n in edited["name"])
    notes += [("error", t(f"{PAGE}.table.bad_name", index=i + 1)) for i, n in enumerate(new_names) if not n]
    values = {}
    for key in ("p", "q"):
        which = t(f"{PAGE}.fig.{key}")
        try:
            result = normalize(pd.to_numeric(edited[key], errors="coerce").to_numpy(dtype=float))
        except ValueError as err:
            notes.append(("error", t(f"{PAGE}.table.bad", which=which, detail=_translated_error(err))))
            continue
        values[key] = _floats(result.p)
        if result.changed:
            notes.append(("info", t(f"{PAGE}.table.normalised", which=which, total=f"{result.total:g}")))
    if not any(kind == "error" for kind, _ in notes):
        ctx.update(**values, names=ctx["names"] if new_names == shown_names else new_names)
    st.session_state[FLASH] = notes
    st.session_state[TABLE_VERSION] = st.session_state.get(TABLE_VERSION, 0) + 1


# --- sections ----------------------------------------------------------------------------------------------


def editor(ctx: PageState, names: tuple[str, ...]) -> None:
    """Presets, K, a slider per class for P and for Q, and the typed-entry table."""
    for col, name in zip(st.columns(len(PRESETS)), PRESETS, strict=True):
        col.button(
            t(f"{PAGE}.preset.{name}"),
            key=f"{PAGE}.preset.{name}",
            help=t(f"{PAGE}.preset.{name}.help"),
            on_click=on_preset,
            args=(ctx, name),
            use_container_width=True,
        )
    st.session_state[f"{PAGE}.k"] = len(ctx["p"])
    st.number_input(
        t(f"{PAGE}.k"),
        min_value=MIN_CLASSES,
        max_value=MAX_CLASSES,
        step=1,
        key=f"{PAGE}.k",
        on_change=_on_k,
        args=(ctx,),
        help=t(f"{PAGE}.k.help"),
        width=220,
    )
    for col, which, colour in zip(st.columns(2, gap="large"), ("p", "q"), ("blue", "orange"), strict=True):
        col.markdown(f"**:{colour}[{t(f'{PAGE}.{which}.header')}]**", help=t(f"{PAGE}.sliders.help"))
        for i, value in enumerate(ctx[which]):
            key = f"{PAGE}.{which}.{i}"
            st.session_state[key] = float(value)  # the stored vector stays exact; the slider shows 2 decimals
            col.slider(
                names[i], 0.0, 1.0, step=0.01, format="%.2f", key=key, on_change=_on_slider, args=(ctx, which, i)
            )
    _table(ctx, names)


TABLE_OPEN = f"{PAGE}.table.open"


def _table(ctx: PageState, names: tuple[str, ...]) -> None:
    flash = st.session_state.pop(FLASH, [])
    for kind, message in flash:
        (st.error if kind == "error" else st.info)(message)
    if flash:
        st.session_state[TABLE_OPEN] = True  # the message is about the table: show it
    box = st.expander(t(f"{PAGE}.table.header"), key=TABLE_OPEN, on_change="rerun", icon=":material/edit_note:")
    with box:
        if not box.open:  # a closed table is not built: a slider move then skips the grid's re-render
            return
        st.caption(t(f"{PAGE}.table.intro"))
        table_key = f"{PAGE}.table.{st.session_state.get(TABLE_VERSION, 0)}"
        edited = st.data_editor(
            pd.DataFrame({"name": names, "p": ctx["p"], "q": ctx["q"]}),
            key=table_key,
            hide_index=True,
            num_rows="fixed",
            column_config={
                "name": st.column_config.TextColumn(t(f"{PAGE}.table.name"), required=True, max_chars=24),
                "p": st.column_config.NumberColumn(t(f"{PAGE}.table.p"), format="%.4f"),
                "q": st.column_config.NumberColumn(t(f"{PAGE}.table.q"), format="%.4f"),
            },
        )
        if st.session_state.get(table_key, {}).get("edited_rows"):
            _apply_table(ctx, edited, names)
            st.rerun()


def numbers(s: Summary, p: np.ndarray, q: np.ndarray, names: tuple[str, ...]) -> None:
    """The seven measures, then a one-line reason for each infinity, naming the class."""
    row1 = st.columns(4)
    row1[0].metric(t(f"{PAGE}.m.h_p"), fmt(s.h_p))
    row1[1].metric(
        t(f"{PAGE}.m.ce_pq"),
        fmt(s.ce_pq),
        delta=t(f"{PAGE}.m.delta", kl=fmt(s.kl_pq)),
        delta_color="off",
        help=t(f"{PAGE}.m.ce_pq.help"),
    )
    row1[2].metric(t(f"{PAGE}.m.kl_pq"), fmt(s.kl_pq), help=t(f"{PAGE}.m.kl_pq.help"))
    row1[3].metric(t(f"{PAGE}.m.js"), fmt(s.js), help=t(f"{PAGE}.m.js.help"))
    row2 = st.columns(4)
    row2[0].metric(t(f"{PAGE}.m.h_q"), fmt(s.h_q))
    row2[1].metric(t(f"{PAGE}.m.ce_qp"), fmt(s.ce_qp), help=t(f"{PAGE}.m.ce_qp.help"))
    row2[2].metric(t(f"{PAGE}.m.kl_qp"), fmt(s.kl_qp), help=t(f"{PAGE}.m.kl_qp.help"))
    for i in infinite_classes(p, q)[:1]:
        st.info(t(f"{PAGE}.inf.pq", name=names[i], p=fmt(p[i])), icon=":material/all_inclusive:")
    for i in infinite_classes(q, p)[:1]:
        st.info(t(f"{PAGE}.inf.qp", name=names[i], q=fmt(q[i])), icon=":material/all_inclusive:")


def pictures(ctx: PageState, s: Summary, p: np.ndarray, q: np.ndarray, names: tuple[str, ...]) -> None:
    """Grouped bars, the entropy/KL split, code lengths, and (for K = 3) the simplex."""
    unit = t(f"unit.short.{ctx.unit}")
    parts = terms(p, q, base=ctx.base)
    left, right = st.columns(2, gap="large")
    left.markdown(f"**{t(f'{PAGE}.fig.bars')}**")
    bar_labels = {"p": t(f"{PAGE}.fig.p"), "q": t(f"{PAGE}.fig.q"), "y": t(f"{PAGE}.fig.prob")}
    left.plotly_chart(figs.distribution_bars(names, p, q, bar_labels), key=f"{PAGE}.fig.bars")
    right.markdown(f"**{t(f'{PAGE}.fig.contrib')}**")
    contrib_labels = {
        "h": t(f"{PAGE}.fig.h_part"),
        "kl": t(f"{PAGE}.fig.kl_part"),
        "kl_neg": t(f"{PAGE}.fig.kl_neg"),
        "total": t(f"{PAGE}.fig.total"),
        "y": t(f"{PAGE}.fig.per_class", unit=unit),
        "unit": unit,
    }
    right.plotly_chart(
        figs.contribution_bars(names, parts.h, parts.kl, (s.h_p, s.kl_pq), contrib_labels), key=f"{PAGE}.fig.contrib"
    )
    right.caption(t(f"{PAGE}.fig.contrib.caption"))

    left, right = st.columns(2, gap="large")
    left.markdown(f"**{t(f'{PAGE}.fig.code')}**")
    code_labels = {
        "q_code": t(f"{PAGE}.fig.q_code"),
        "p_code": t(f"{PAGE}.fig.p_code"),
        "x": t(f"{PAGE}.fig.code.x"),
        "y": t(f"{PAGE}.fig.code.y", unit=unit),
        "unit": unit,
    }
    best = terms(p, p, base=ctx.base).code_length
    left.plotly_chart(figs.code_lengths(names, p, parts.code_length, best, code_labels), key=f"{PAGE}.fig.code")
    left.caption(t(f"{PAGE}.fig.code.caption"))
    with right:
        _simplex(ctx, s, p, q, names)


def _simplex(ctx: PageState, s: Summary, p: np.ndarray, q: np.ndarray, names: tuple[str, ...]) -> None:
    st.markdown(f"**{t(f'{PAGE}.fig.simplex')}**")
    if p.size != 3:
        st.info(t(f"{PAGE}.fig.simplex.k", k=p.size), icon=":material/change_history:")
        return
    ctx.radio(
        "sx", t(f"{PAGE}.sx"), format_func=lambda m: t(f"{PAGE}.sx.{m}"), horizontal=True, help=t(f"{PAGE}.sx.same")
    )
    measure = ctx["sx"] if ctx["sx"] in SIMPLEX_MEASURES else "ce"
    grid = simplex_field(tuple(ctx["p"]), measure, ctx.base)
    labels = {"p": t(f"{PAGE}.fig.p"), "q": t(f"{PAGE}.fig.q"), "colour": t(f"{PAGE}.sx.{measure}")}
    st.plotly_chart(
        figs.simplex(grid.x, grid.y, grid.z, CORNERS, names, to_xy(p), to_xy(q), labels), key=f"{PAGE}.fig.simplex"
    )
    minimum = s.h_p if measure == "ce" else 0.0
    st.caption(t(f"{PAGE}.fig.simplex.caption", measure=t(f"{PAGE}.sx.{measure}"), minimum=fmt(minimum)))


def worked(ctx: PageState, p: np.ndarray, q: np.ndarray, names: tuple[str, ...]) -> None:
    """The calculation in LaTeX, numbers substituted, with the total in both units; the code that ran."""
    unit = t(f"unit.short.{ctx.unit}")
    other = "bits" if ctx.unit == "nats" else "nats"
    st.latex(
        worked_cross_entropy(
            p,
            q,
            names,
            base=ctx.base,
            unit=unit,
            other_base=2.0 if other == "bits" else math.e,
            other_unit=t(f"unit.short.{other}"),
        )
    )
    st.latex(worked_decomposition(p, q, base=ctx.base, unit=unit))
    if (p == 0).any():
        st.caption(t(f"{PAGE}.worked.zero"))
    with st.expander(t(f"{PAGE}.worked.code"), icon=":material/code:"):
        st.code(inspect.getsource(cross_entropy), language="python")


def _mark(ok: bool) -> str:
    return ":green[:material/check_circle:] " if ok else ":red[:material/cancel:] "


def properties(ctx: PageState, s: Summary) -> None:
    """Each property with its live check, then the tutorial's error and the Q = P button."""
    checks = s.holds()
    with st.container(border=True):
        st.markdown(
            _mark(checks["ce_ge_h"])
            + t(f"{PAGE}.props.ce_ge_h", ce=fmt(s.ce_pq), h=fmt(s.h_p), margin=fmt(s.margin), kl=fmt(s.kl_pq))
        )
        st.markdown(_mark(checks["kl_ge_0"]) + t(f"{PAGE}.props.kl_ge_0", kl_pq=fmt(s.kl_pq), kl_qp=fmt(s.kl_qp)))
        if checks["symmetric"]:
            st.markdown(":material/swap_horiz: " + t(f"{PAGE}.props.sym_equal", ce_pq=fmt(s.ce_pq)))
        else:
            st.markdown(":material/swap_horiz: " + t(f"{PAGE}.props.asym", ce_pq=fmt(s.ce_pq), ce_qp=fmt(s.ce_qp)))
    with st.container(border=True):
        st.markdown(f"**{t(f'{PAGE}.props.fix.title')}**")
        st.markdown(t(f"{PAGE}.props.fix"))
        if s.kl_pq == 0.0:  # KL(P‖Q) = 0 exactly when Q = P
            key = "one_hot" if s.p_is_one_hot else "now"
            st.success(t(f"{PAGE}.props.fix.{key}", kl=fmt(s.kl_pq), ce=fmt(s.ce_pq)))
        else:
            st.button(
                t(f"{PAGE}.props.fix.button"),
                key=f"{PAGE}.set_q_p",
                on_click=on_preset,
                args=(ctx, "q_equals_p"),
                icon=":material/check_circle:",
            )


@fragment
def forward_reverse(ctx: PageState) -> None:
    """Its own sliders rerun only this part of the page."""
    st.subheader(t(f"{PAGE}.fit.header"))
    st.markdown(t(f"{PAGE}.fit.intro"))
    c1, c2 = st.columns(2, gap="large")
    ctx.slider("sep", t(f"{PAGE}.fit.sep"), where=c1)
    ctx.slider("w", t(f"{PAGE}.fit.w"), where=c2)
    _, target, fwd, rev = kl_fit_pair(ctx["sep"], ctx["w"])
    labels = {key: t(f"{PAGE}.fit.{key}") for key in ("p", "forward", "reverse", "x", "y")}
    st.plotly_chart(kl_fits_figure(ctx["sep"], ctx["w"], tuple(labels.items())), key=f"{PAGE}.fig.fits")
    shown = {
        "forward": kl_divergence(target, fwd.q, base=ctx.base),
        "reverse": kl_divergence(rev.q, target, base=ctx.base),
    }
    for col, fit in zip(st.columns(2, gap="large"), (fwd, rev), strict=True):
        col.metric(
            t(f"{PAGE}.fit.m.{fit.direction}"),
            fmt(shown[fit.direction]),
            delta=t(f"{PAGE}.fit.m.shape", mu=fmt(fit.mu, 2), sigma=fmt(fit.sigma, 2)),
            delta_color="off",
            delta_arrow="off",
        )
    st.caption(t(f"{PAGE}.fit.caption"))
