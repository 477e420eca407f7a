"""The Distributions page's sections (used by ``pages/1_distributions.py`` only).

The page file reads as the story (headers, in order); the blocks it draws live here: the cached page model,
the P/Q editor with its callbacks, the typed-entry table, each section. Every number comes from the page
model (:mod:`xentcore.app.distributions.model`); this module wires widgets, state and text. Class names are
kept as typed and escaped where they are shown: ``md_escape`` for markdown and labels, ``latex_text`` (in
:mod:`~xentcore.app.distributions.latex`) for formulas, ``plotly_escape`` (in the figures) for charts.
"""

from __future__ import annotations

import inspect

import pandas as pd
import streamlit as st

from xentcore import cross_entropy
from xentcore.app.distributions import figures as figs
from xentcore.app.distributions import latex, notes
from xentcore.app.distributions import model as pm
from xentcore.app.distributions.model import DistributionsModel, WeightsError
from xentcore.app.distributions.state import SCHEMA, VIEWS
from xentcore.app.format import adds_up, fmt, fmt_apart, md_escape
from xentcore.app.ui.charts import cached_figure, chart
from xentcore.app.ui.i18n import t
from xentcore.app.ui.layout import lazy_expander, metric_row, prose
from xentcore.app.ui.session import PageState
from xentcore.app.ui.shell import fragment
from xentcore.app.ui.widgets import source_expander, vector_sliders
from xentcore.datasets import clean_name
from xentcore.distributions import (
    CONFIDENT,
    MAX_CLASSES,
    MIN_CLASSES,
    PRESETS,
    WEATHER_CLASSES,
    WEATHER_P,
    WEATHER_Q,
    apply_preset,
    resize,
    resize_names,
)
from xentcore.simplex import CORNERS

PAGE = SCHEMA.name
TABLE_VERSION = f"_{PAGE}_table_version"  # a new key gives a fresh editor once an edit is applied
FLASH = f"_{PAGE}_flash"  # messages about an applied table edit, shown after the rerun it triggers
TABLE_OPEN = f"{PAGE}.table.open"
NAME_CHARS = 24  # the longest class name kept (xentcore.datasets.clean_name's default)


# --- the page model, cached: each costly part by its own inputs ---------------------------------------------


@st.cache_resource(max_entries=32, show_spinner=False)
def _fits(separation: float, weight: float) -> pm.Fits:
    return pm.kl_fits(separation, weight)


@st.cache_resource(max_entries=64, show_spinner=False)
def _simplex(p: tuple[float, ...], measure: str, base: float):
    return pm.simplex_field(p, measure, base)


@st.cache_resource(max_entries=64, show_spinner=False)
def _model(p, q, sx, sep, w, unit) -> DistributionsModel:
    """Streamlit hands back the cached object itself: the model is frozen and only read."""
    state = {"p": p, "q": q, "sx": sx, "sep": sep, "w": w}
    return pm.build(state, unit, fits=_fits, simplex=_simplex)


def page_model(ctx: PageState) -> DistributionsModel:
    return _model(tuple(ctx["p"]), tuple(ctx["q"]), ctx["sx"], ctx["sep"], ctx["w"], ctx.unit)


@st.cache_resource(max_entries=32, show_spinner=False)
def _fits_figure(separation: float, weight: float, labels: tuple[tuple[str, str], ...]):
    """The fits figure changes only with its own sliders (and the language): built once per setting, not on
    every move of a P or Q slider. Streamlit only reads the figure, so sharing it is safe."""
    f = _fits(separation, weight)
    return figs.kl_fits(f.x, f.p, f.forward.q, f.reverse.q, dict(labels))


def default_name(i: int, k: int) -> str:
    """The weather example's classes for three classes, "class k" otherwise, in the reader's language."""
    if k == len(WEATHER_CLASSES):
        return t(f"weather.{WEATHER_CLASSES[i]}")
    return t(f"{PAGE}.name.class", k=i + 1)


def class_names(stored: tuple[str, ...], k: int) -> tuple[str, ...]:
    return tuple(stored) or tuple(default_name(i, k) for i in range(k))


def _floats(v) -> tuple[float, ...]:
    return tuple(float(x) for x in v)


def _unit(unit: str) -> str:
    return t(f"unit.short.{unit}")


# --- callbacks: each changes the state before the page reruns ----------------------------------------------


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


def _apply_table(ctx: PageState, edited: pd.DataFrame, shown_names: tuple[str, ...]) -> None:
    """Validate a table edit; store it only if every column is usable, and say what happened."""
    notes: list[tuple[str, str]] = []
    new_names = tuple(clean_name(n, NAME_CHARS) if isinstance(n, str) else "" for n in edited["name"])
    notes += [("error", t(f"{PAGE}.table.bad_name", index=i + 1)) for i, n in enumerate(new_names) if not n]
    values = {}
    for key in ("p", "q"):
        which = t(f"{PAGE}.fig.{key}")
        try:
            p, total, changed = pm.read_weights(pd.to_numeric(edited[key], errors="coerce").to_numpy(dtype=float))
        except WeightsError as err:
            notes.append(("error", t(f"{PAGE}.table.bad", which=which, detail=t(f"{PAGE}.error.{err.code}"))))
            continue
        values[key] = p
        if changed:
            shown = f"{total:g}" if total < float("inf") else fmt(total)
            notes.append(("info", t(f"{PAGE}.table.normalised", which=which, total=shown)))
    if not any(kind == "error" for kind, _ in notes):
        ctx.update(**values, names=ctx["names"] if new_names == shown_names else new_names)
    st.session_state[FLASH] = notes
    st.session_state[TABLE_VERSION] = st.session_state.get(TABLE_VERSION, 0) + 1


# --- sections ----------------------------------------------------------------------------------------------


def _preset_help(name: str) -> str:
    if name == "weather":
        return t(f"{PAGE}.preset.weather.help", p=", ".join(map(str, WEATHER_P)), q=", ".join(map(str, WEATHER_Q)))
    if name == "confident_wrong":
        return t(f"{PAGE}.preset.confident_wrong.help", pct=f"{100 * CONFIDENT:g}")
    return t(f"{PAGE}.preset.{name}.help")


def editor(ctx: PageState, names: tuple[str, ...]) -> None:
    """Presets, K, a slider per class for P and for Q, and the typed-entry table. When a lesson link hides P, Q
    or the names, only the sliders of a vector still shown remain: presets, K and the table would change it."""
    locked = any(ctx.is_hidden(k) for k in ("p", "q", "names"))
    if not locked:
        _presets_and_k(ctx)
    for col, which, colour in zip(st.columns(2, gap="large"), ("p", "q"), ("blue", "orange"), strict=True):
        header = t(f"{PAGE}.{which}.header")
        if not ctx.is_hidden(which):
            col.markdown(f"**:{colour}[{header}]**", help=t(f"{PAGE}.sliders.help"))
        vector_sliders(ctx, which, names, where=col, format="%.2f", name=header)
    if not locked:
        _table(ctx, names)


def _presets_and_k(ctx: PageState) -> None:
    with st.container(horizontal=True):  # one row that wraps on a phone, not six columns stacked one per line
        for name in PRESETS:
            st.button(
                t(f"{PAGE}.preset.{name}"),
                key=f"{PAGE}.preset.{name}",
                help=_preset_help(name),
                on_click=on_preset,
                args=(ctx, name),
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


def _table(ctx: PageState, names: tuple[str, ...]) -> None:
    flash = st.session_state.pop(FLASH, [])
    for kind, message in flash:
        (st.error if kind == "error" else st.info)(message)
    if flash:
        st.session_state[TABLE_OPEN] = True  # the message is about the table: show it
    box = lazy_expander(t(f"{PAGE}.table.header"), TABLE_OPEN, icon=":material/edit_note:")
    if box is None:  # a closed table is not built: a slider move then skips the grid's re-render
        return
    with box:
        st.caption(t(f"{PAGE}.table.intro"))
        table_key = f"{PAGE}.table.{st.session_state.get(TABLE_VERSION, 0)}"
        edited = st.data_editor(
            pd.DataFrame({"name": names, "p": ctx["p"], "q": ctx["q"]}),  # raw names: the grid shows text as is
            key=table_key,
            hide_index=True,
            num_rows="fixed",
            column_config={
                "name": st.column_config.TextColumn(t(f"{PAGE}.table.name"), required=True, max_chars=NAME_CHARS),
                "p": st.column_config.NumberColumn(t(f"{PAGE}.table.p"), format="%.4f"),
                "q": st.column_config.NumberColumn(t(f"{PAGE}.table.q"), format="%.4f"),
            },
        )
        if st.session_state.get(table_key, {}).get("edited_rows"):
            _apply_table(ctx, edited, names)
            st.rerun()


def numbers(m: DistributionsModel, names: tuple[str, ...]) -> None:
    """The seven measures, then a one-line reason for each infinity, naming the class."""
    s = m.summary
    metric_row(
        dict(label=t(f"{PAGE}.m.h_p"), value=fmt(s.h_p)),
        dict(
            label=t(f"{PAGE}.m.ce_pq"),
            value=fmt(s.ce_pq),
            delta=t(f"{PAGE}.m.delta", kl=fmt(s.kl_pq)),
            delta_color="off",
            help=t(f"{PAGE}.m.ce_pq.help"),
        ),
        dict(label=t(f"{PAGE}.m.kl_pq"), value=fmt(s.kl_pq), help=t(f"{PAGE}.m.kl_pq.help")),
        dict(label=t(f"{PAGE}.m.js"), value=fmt(s.js), help=t(f"{PAGE}.m.js.help")),
    )
    metric_row(
        dict(label=t(f"{PAGE}.m.h_q"), value=fmt(s.h_q)),
        dict(label=t(f"{PAGE}.m.ce_qp"), value=fmt(s.ce_qp), help=t(f"{PAGE}.m.ce_qp.help")),
        dict(label=t(f"{PAGE}.m.kl_qp"), value=fmt(s.kl_qp), help=t(f"{PAGE}.m.kl_qp.help")),
        slots=4,
    )
    for i in m.infinite_pq[:1]:
        st.info(t(f"{PAGE}.inf.pq", name=md_escape(names[i]), p=fmt(m.p[i])), icon=":material/all_inclusive:")
    for i in m.infinite_qp[:1]:
        st.info(t(f"{PAGE}.inf.qp", name=md_escape(names[i]), q=fmt(m.q[i])), icon=":material/all_inclusive:")


def pictures(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    """Grouped bars, the entropy/KL split, code lengths, and (for K = 3) the simplex: one tab each, and only the
    open one built and drawn (a move of P or Q redraws one picture, not four)."""
    draw = {"bars": _bars, "contrib": _contributions, "code": _code_lengths, "simplex": _simplex_section}
    tabs = ctx.tabs("view", t(f"{PAGE}.pictures.header"), {v: t(f"{PAGE}.tab.{v}") for v in VIEWS})
    for view, tab in tabs.items():
        if tab.open:
            with tab:
                st.markdown(f"**{t(f'{PAGE}.fig.{view}')}**")
                draw[view](ctx, m, names)


def _bars(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    bar_labels = {"p": t(f"{PAGE}.fig.p"), "q": t(f"{PAGE}.fig.q"), "y": t(f"{PAGE}.fig.prob")}
    chart(
        cached_figure(figs.distribution_bars, names, m.p, m.q, bar_labels), key=f"{PAGE}.fig.bars",
        alt=notes.bars_alt(m, names), data=lambda: notes.class_table(m, names),
    )  # fmt: skip


def _contributions(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    unit = _unit(m.unit)
    contrib_labels = {
        "h": t(f"{PAGE}.fig.h_part"),
        "kl": t(f"{PAGE}.fig.kl_part"),
        "kl_neg": t(f"{PAGE}.fig.kl_neg"),
        "total": t(f"{PAGE}.fig.total"),
        "y": t(f"{PAGE}.fig.per_class", unit=unit),
        "unit": unit,
    }
    totals = (m.summary.h_p, m.summary.kl_pq)
    chart(
        cached_figure(figs.contribution_bars, names, m.h_terms, m.kl_terms, totals, contrib_labels),
        key=f"{PAGE}.fig.contrib",
        alt=notes.contrib_alt(m, names),
        data=lambda: notes.class_table(m, names),
    )
    st.caption(t(f"{PAGE}.fig.contrib.caption"))


def _code_lengths(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    unit = _unit(m.unit)
    code_labels = {
        "q_code": t(f"{PAGE}.fig.q_code"),
        "p_code": t(f"{PAGE}.fig.p_code"),
        "x": t(f"{PAGE}.fig.code.x"),
        "y": t(f"{PAGE}.fig.code.y", unit=unit),
        "unit": unit,
    }
    chart(
        cached_figure(figs.code_lengths, names, m.p, m.code_length, m.best_code_length, code_labels),
        key=f"{PAGE}.fig.code",
        alt=notes.code_alt(m, names),
        data=lambda: notes.class_table(m, names),
    )
    st.caption(t(f"{PAGE}.fig.code.caption"))


def _simplex_section(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    if m.simplex is None:
        st.info(t(f"{PAGE}.fig.simplex.k", k=m.k), icon=":material/change_history:")
        return
    ctx.radio(
        "sx", t(f"{PAGE}.sx"), format_func=lambda v: t(f"{PAGE}.sx.{v}"), horizontal=True, help=t(f"{PAGE}.sx.same")
    )
    grid = m.simplex
    labels = {"p": t(f"{PAGE}.fig.p"), "q": t(f"{PAGE}.fig.q"), "colour": t(f"{PAGE}.sx.{m.measure}")}
    chart(
        cached_figure(figs.simplex, grid.x, grid.y, grid.z, CORNERS, names, m.p_xy, m.q_xy, labels),
        key=f"{PAGE}.fig.simplex",
        alt=notes.simplex_alt(m, names),
        data=lambda: notes.class_table(m, names),
    )
    st.caption(t(f"{PAGE}.fig.simplex.caption", measure=t(f"{PAGE}.sx.{m.measure}"), minimum=fmt(m.simplex_minimum)))


def worked(m: DistributionsModel, names: tuple[str, ...]) -> None:
    """The calculation in LaTeX, numbers substituted, with the total in both units; the code that ran."""
    st.latex(  # two terms a line: the block fits a phone's width
        latex.worked_cross_entropy(m.worked, names, unit=_unit(m.unit), other_unit=_unit(m.other_unit), per_row=2)
    )
    s = m.summary
    st.latex(latex.worked_decomposition(s.h_p, s.kl_pq, s.ce_pq, unit=_unit(m.unit)))
    if m.p_has_zero:
        st.caption(t(f"{PAGE}.worked.zero"))
    source_expander(
        t(f"{PAGE}.worked.code"), f"{PAGE}.worked.code", lambda: [inspect.getsource(cross_entropy)], ":material/code:"
    )


def _mark(ok: bool) -> str:
    return ":green[:material/check_circle:] " if ok else ":red[:material/cancel:] "


def _kl_symmetry(m: DistributionsModel) -> str:
    s = m.summary
    if m.kl_symmetric:
        return t(f"{PAGE}.props.kl_sym_equal", kl=fmt(s.kl_pq))
    kl_pq, kl_qp = fmt_apart(s.kl_pq, s.kl_qp)
    return t(f"{PAGE}.props.kl_asym", kl_pq=kl_pq, kl_qp=kl_qp)


def _ce_symmetry(m: DistributionsModel) -> str:
    s = m.summary
    if m.ce_symmetric:
        return t(f"{PAGE}.props.sym_equal", ce_pq=fmt(s.ce_pq))
    ce_pq, ce_qp = fmt_apart(s.ce_pq, s.ce_qp)
    return t(f"{PAGE}.props.asym", ce_pq=ce_pq, ce_qp=ce_qp)


def _triangle(m: DistributionsModel) -> str:
    tri = m.triangle
    if tri.case == "same":
        return t(f"{PAGE}.props.triangle.same", zero=fmt(0.0))
    if tri.case == "infinite":
        return t(f"{PAGE}.props.triangle.infinite")
    detour, direct = fmt_apart(tri.detour, tri.kl_pq)
    digits = len(detour.split(".")[1])
    while digits < 12 and min(tri.kl_pm, tri.kl_mq) < 10 ** (1 - digits):  # two significant digits at least
        digits += 1
    detour, direct = fmt(tri.detour, digits), fmt(tri.kl_pq, digits)
    pm_, mq = fmt(tri.kl_pm, digits), fmt(tri.kl_mq, digits)
    eq = "=" if adds_up([pm_, mq], detour) else "≈"
    return t(f"{PAGE}.props.triangle.shorter", pm=pm_, mq=mq, eq=eq, detour=detour, pq=direct)


def _entropy_bound(m: DistributionsModel) -> str:
    b = m.bound
    if b.uniform:
        return t(f"{PAGE}.props.h_le_log_k.uniform", log_k=fmt(b.log_k), k=m.k)
    h, log_k = fmt_apart(b.h, b.log_k)
    return t(f"{PAGE}.props.h_le_log_k", h=h, log_k=log_k, k=m.k, gap=fmt(b.gap, len(h.split(".")[1])))


def _log_loss(m: DistributionsModel, names: tuple[str, ...]) -> str | None:
    if m.one_hot is None:
        return None
    name = md_escape(names[m.one_hot])
    q = m.q[m.one_hot]
    if q == 0:
        return t(f"{PAGE}.props.log_loss.zero", name=name)
    return t(f"{PAGE}.props.log_loss", name=name, q=fmt(q), ce=fmt(m.summary.ce_pq))


def properties(ctx: PageState, m: DistributionsModel, names: tuple[str, ...]) -> None:
    """Each property with its live check, KL's failures as a distance, the log loss for a one-hot P, then the
    tutorial's error and the Q = P button."""
    s, checks = m.summary, m.checks
    lines = [
        _mark(checks["ce_ge_h"])
        + t(f"{PAGE}.props.ce_ge_h", ce=fmt(s.ce_pq), h=fmt(s.h_p), margin=fmt(s.margin), kl=fmt(s.kl_pq)),
        _mark(checks["kl_ge_0"]) + t(f"{PAGE}.props.kl_ge_0", kl_pq=fmt(s.kl_pq), kl_qp=fmt(s.kl_qp)),
        _mark(m.bound.holds) + _entropy_bound(m),
        ":material/swap_horiz: " + _ce_symmetry(m),
        ":material/swap_horiz: " + _kl_symmetry(m),
        ":material/change_history: " + _triangle(m),
    ]
    if log_loss := _log_loss(m, names):
        lines.append(":material/label: " + log_loss)
    with st.container(border=True):
        prose(*lines)  # one paragraph each, in one element: the browser re-renders every element a move re-sends
    with st.container(border=True):
        st.markdown(f"**{t(f'{PAGE}.props.fix.title')}**\n\n{t(f'{PAGE}.props.fix')}")
        if m.q_equals_p:
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
    m = page_model(ctx)  # after the sliders: a fragment rerun builds the model for the new peaks
    fits = m.fits
    labels = {key: t(f"{PAGE}.fit.{key}") for key in ("p", "forward", "reverse", "x", "y")}
    chart(
        _fits_figure(ctx["sep"], ctx["w"], tuple(labels.items())), key=f"{PAGE}.fig.fits", alt=notes.fits_alt(m),
        data=lambda: notes.fits_table(m),
    )  # fmt: skip
    for col, fit in zip(st.columns(2, gap="large"), (fits.forward, fits.reverse), strict=True):
        col.metric(
            t(f"{PAGE}.fit.m.{fit.direction}"),
            fmt(fit.kl),
            delta=t(f"{PAGE}.fit.m.moments", mean=fmt(fit.mean, 2), sd=fmt(fit.sd, 2)),
            delta_color="off",
            delta_arrow="off",
        )
        col.caption(t(f"{PAGE}.fit.m.params", mu=fmt(fit.mu, 2), sigma=fmt(fit.sigma, 2)))
    p_mean, p_sd = fmt(fits.p_mean, 2), fmt(fits.p_sd, 2)
    st.caption(
        t(
            f"{PAGE}.fit.caption",
            hw=f"{fits.half_width:g}",
            n=fits.x.size,
            width=f"{fits.peak_width:g}",
            p_mean=p_mean,
            p_sd=p_sd,
        )
    )
    if (fmt(fits.forward.mean, 2), fmt(fits.forward.sd, 2)) == (p_mean, p_sd):
        st.caption(t(f"{PAGE}.fit.moment_match"))
