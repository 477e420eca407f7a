"""The cards of the "tutorial, checked" page (used by ``pages/5_tutorial_checked.py`` only).

One function per claim: it draws the card's widgets and shows the numbers of its part of the page's model
(:mod:`xentcore.app.tutorial.model`). No computation here beyond formatting: every number is the model's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import streamlit as st

from xentcore.app.tutorial import figures as plots
from xentcore.app.tutorial import model as tm
from xentcore.app.tutorial import questions
from xentcore.app.tutorial.claims import MSE_LR_FACTORS
from xentcore.app.tutorial.state import LOGIT_RANGE, N_OUTCOMES
from xentcore.app.ui import PageState, fmt, fmt_percent, fragment, link, predict, sentences, t
from xentcore.app.ui.charts import cached_figure, chart
from xentcore.app.ui.layout import metric_row, prose
from xentcore.app.ui.widgets import source_expander, vector_sliders

Say = Callable[..., str]

VERDICT = {  # verdict -> (badge colour, icon)
    "holds": ("green", ":material/check_circle:"),
    "wrong": ("red", ":material/cancel:"),
    "imprecise": ("orange", ":material/error:"),
    "misleading": ("violet", ":material/warning:"),
    "unsourced": ("gray", ":material/help:"),
}
VERDICTS = ("imprecise", "holds", "wrong", "holds", "holds", "wrong", "imprecise", "misleading", "unsourced")


# --- small helpers ----------------------------------------------------------------------------------------


def verdict_badge(verdict: str) -> str:
    """The verdict as a coloured badge with its icon (markdown)."""
    colour, icon = VERDICT[verdict]
    return f":{colour}-badge[{icon} {t(f'tutorial.verdict.{verdict}')}]"


def card_header(number: int, check: str = "") -> None:
    """The claim's title (anchored: the glance links to it), then the verdict's badge leading what the tutorial
    says and, a paragraph below, how the card ``check``s it: two elements (the browser re-renders every element
    a move re-sends; a row of columns for the badge was four more per card)."""
    st.subheader(f"{number}. {t(f'tutorial.c{number}.title')}", anchor=f"claim-{number}")
    says = t("tutorial.says", claim=t(f"tutorial.c{number}.claim"))
    st.markdown(f"{verdict_badge(VERDICTS[number - 1])} {says}" + (f"\n\n{check}" if check else ""))


def glance() -> None:
    """Every claim's verdict in one line each, with the same badges as the cards, linked to its card."""
    lines = []
    for number, verdict in enumerate(VERDICTS, start=1):
        badge = verdict_badge(verdict)
        why = t(f"tutorial.c{number}.glance")
        lines.append(t("tutorial.glance.line", n=number, title=t(f"tutorial.c{number}.title"), badge=badge, why=why))
    with st.container(border=True):
        prose(f"**{t('tutorial.glance.header')}**", "\n".join(lines))


def page_link(ctx: PageState, page_id: str, label: str, **state) -> str:
    """A markdown link to another page, preset with ``state``."""
    return f"[{label}]({link(page_id, ctx.lang, ctx.unit, **state)})"


def explore(*links: str, after: str = "") -> None:
    """The card's links to the pages that explore it, as a paragraph ``after`` the card's last text (one
    element, not two: the browser re-renders every element a move re-sends)."""
    line = f"{t('tutorial.explore')} " + " · ".join(links)
    st.markdown(f"{after}\n\n{line}" if after else line)


def outcome(i: int) -> str:
    return t(f"tutorial.outcome.{i}")


def unit_short(unit: str) -> str:
    return t(f"unit.short.{unit}")


def table(columns: dict[str, list]) -> None:
    """A small static table: its cells wrap, so it fits a phone's width where a data grid would scroll.

    Handed to Streamlit as an Arrow table, which it sends as it is: a pandas frame is converted to Arrow on
    every rerun (about 4 ms a table here; claim 8 alone draws six). ``hide_index`` is given (an Arrow table has
    no index to show): left to Streamlit, it converts the table to pandas only to find that out."""
    st.table(pa.table(columns), width="content", hide_index=True)


def fmt_tuple(values, digits: int = 3) -> str:
    return "(" + ", ".join(fmt(v, digits) for v in values) + ")"


def choice(ctx: PageState, key: str, label: str, format_func: Callable[[Any], str], **kwargs: Any) -> None:
    """A segmented control (one choice of a few, all in sight) bound to the page state's ``key``."""
    ctx.widget("segmented_control", key, label, format_func=format_func, selection_mode="single", **kwargs)


def fmt_power(mantissa: float, exponent: int) -> str:
    """``1.95 × 10⁻³⁰``."""
    sup = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")
    return f"{mantissa:.2f} × 10{str(exponent).translate(sup)}"


# --- claims 1-4 ---------------------------------------------------------------------------------------------


def claim_1(ctx: PageState, d: tm.Definitions) -> None:
    """The definitions on the reader's P and Q, and what the tutorial's words get wrong."""
    with st.container(border=True):
        card_header(1, check=t("tutorial.c1.check"))
        cols = st.columns(2)
        for where, key in zip(cols, ("p", "q"), strict=True):
            labels = [t("tutorial.c1.slider", dist=key.upper(), outcome=outcome(i)) for i in range(N_OUTCOMES)]
            vector_sliders(ctx, key, labels, where=where, name=key.upper())
        u = unit_short(ctx.unit)
        table(
            {
                t("tutorial.col.outcome"): [outcome(i) for i in range(N_OUTCOMES)],
                "p": [fmt(v, 3) for v in d.p],
                "q": [fmt(v, 3) for v in d.q],
                f"−log p ({u})": [fmt(v) for v in d.info_p],
                f"−log q ({u})": [fmt(v) for v in d.info_q],
            }
        )
        metric_row(
            dict(label=f"H(P) ({u})", value=fmt(d.h_p)),
            dict(label=f"H(P, Q) ({u})", value=fmt(d.ce_pq)),
            dict(label=f"KL(P‖Q) ({u})", value=fmt(d.kl_pq)),
        )
        if not d.finite:
            st.info(t("tutorial.inf"), icon=":material/all_inclusive:")
        explore(page_link(ctx, "distributions", t("nav.distributions"), p=d.p, q=d.q), after=words_1(d, u))


def words_1(d: tm.Definitions, u: str) -> str:
    """The three corrections of claim 1, as a markdown list filled from the model."""
    a, tri = d.asymmetry, d.triangle
    asym = t(f"tutorial.c1.asym.{'own' if d.own_asymmetry else 'weather'}", pq=fmt(a.kl_pq), qp=fmt(a.kl_qp), u=u)
    triangle = t(
        f"tutorial.c1.tri.{'own' if d.own_triangle else 'weather'}",
        a=f"{round(1 - tri.t, 2):g}",
        b=f"{tri.t:g}",
        m=fmt_tuple(tri.m),
        pm=fmt(tri.kl_pm),
        mq=fmt(tri.kl_mq),
        detour=fmt(tri.detour),
        pq=fmt(tri.kl_pq),
        u=u,
    )
    return "\n".join(
        [
            t("tutorial.c1.words"),
            "",
            "- " + t("tutorial.c1.extra", ce=fmt(d.ce_pq), h=fmt(d.h_p), kl=fmt(d.kl_pq), u=u),
            "- " + t("tutorial.c1.metric") + f"\n  - {asym}\n  - {triangle}",
            "- " + t("tutorial.c1.difference.zero" if d.h_p == 0 else "tutorial.c1.difference", h=fmt(d.h_p), u=u),
        ]
    )


def claim_2(ctx: PageState, w: tm.Weather) -> None:
    """The weather example's missing value, term by term."""
    with st.container(border=True):
        card_header(2, check=t("tutorial.c2.check"))
        table(
            {
                t("tutorial.col.outcome"): [outcome(i) for i in range(N_OUTCOMES)],
                "p": [fmt(v, 1) for v in w.p],
                "q": [fmt(v, 1) for v in w.q],
                t("tutorial.c2.term"): [fmt(v) for v in w.terms],
            }
        )
        terms = [rf"{pi:g}\ln {qi:g}" for pi, qi in zip(w.p, w.q, strict=True)]
        sum_latex = r" \\ &\quad - ".join(" - ".join(terms[i : i + 2]) for i in range(0, len(terms), 2))
        values_latex = " + ".join(fmt(v) for v in w.terms)
        # a few terms a line: the whole sum on one line is wider than a phone
        lines = rf"H(P,Q) &= -{sum_latex} \\ &= {values_latex} \\ &= {fmt(w.nats)}"
        st.latex(rf"\begin{{aligned}} {lines} \end{{aligned}}")
        result = t("tutorial.c2.result", nats=fmt(w.nats), bits=fmt(w.bits))
        explore(page_link(ctx, "distributions", t("nav.distributions"), p=w.p, q=w.q), after=result)


def claim_3(ctx: PageState, f: tm.Floor, p: tuple[float, ...], weather_p: tuple[float, ...]) -> None:
    """Cross-entropy is not 0 at Q = P; its floor is H(P)."""
    with st.container(border=True):
        card_header(3)
        if predict(ctx, **questions.zero_floor(f, p, ctx.unit)):
            floor_check(ctx, f)
        buttons = st.container(horizontal=True)
        buttons.button(t("tutorial.c3.onehot"), on_click=ctx.set, args=("p", (1.0, 0.0, 0.0)), key="tutorial-onehot")
        buttons.button(t("tutorial.c3.back"), on_click=ctx.set, args=("p", weather_p), key="tutorial-back")
        explore(page_link(ctx, "distributions", t("nav.distributions"), p=p, q=p))


def floor_check(ctx: PageState, f: tm.Floor) -> None:
    """Claim 3's numbers: H(P, P), H(P), KL(P‖P), a random search, and the line of Q's through P."""
    st.markdown(t("tutorial.c3.check"))
    u = unit_short(ctx.unit)
    metric_row(
        dict(label=f"{t('tutorial.c3.ce_pp')} ({u})", value=fmt(f.ce_pp)),
        dict(label=f"H(P) ({u})", value=fmt(f.h_p)),
        dict(label=f"{t('tutorial.c3.kl_pp')} ({u})", value=fmt(f.kl_pp)),
        dict(
            label=f"{t('tutorial.c3.search', n=f.search_n)} ({u})",
            value=fmt(f.search_min),
            help=t("tutorial.c3.search.help", n=f.search_n),
        ),
    )
    chart(
        cached_figure(
            plots.line_through_p,
            f.path.t,
            f.path.ce,
            f.path.kl,
            f.path.h,
            ce_name="H(P, Q)",
            kl_name="KL(P‖Q)",
            h_name=t("tutorial.c3.floor"),
            x_title=t(f"tutorial.c3.x.{f.towards}", outcome=outcome(0)),
        ),
        key="tutorial-c3",
        alt=floor_alt(f, ctx.unit),
        data=lambda: floor_data(f, ctx.unit),
    )
    if f.one_hot:
        st.caption(t("tutorial.c3.onehot_note"))


def claim_4(ctx: PageState, m: tm.Decomposition) -> None:
    """Asymmetry and H(P, Q) = H(P) + KL(P‖Q)."""
    with st.container(border=True):
        card_header(4, check=t("tutorial.c4.check"))
        u = unit_short(ctx.unit)
        table(
            {
                t("tutorial.c4.quantity"): [f"H ({u})", f"KL ({u})"],
                t("tutorial.c4.pq"): [f"H(P, Q) = {fmt(m.ce_pq)}", f"KL(P‖Q) = {fmt(m.kl_pq)}"],
                t("tutorial.c4.qp"): [f"H(Q, P) = {fmt(m.ce_qp)}", f"KL(Q‖P) = {fmt(m.kl_qp)}"],
            }
        )
        st.markdown(t("tutorial.c4.sum", h=fmt(m.h_p), kl=fmt(m.kl_pq), total=fmt(m.h_plus_kl), ce=fmt(m.ce_pq)))
        if m.equal:
            st.caption(t("tutorial.c4.equal"))
        elif m.swapped_infinite:
            st.caption(t("tutorial.c4.inf"))


# --- claims 5-7: the gradients ------------------------------------------------------------------------------


def claim_5(ctx: PageState, g: tm.BinaryGradient) -> None:
    """The binary gradient against finite differences, at the reader's (y, ŷ)."""
    with st.container(border=True):
        card_header(5, check=t("tutorial.c5.check"))
        left, right = st.columns([1, 2])
        ctx.widget("radio", "y", t("tutorial.c5.y"), where=left, options=(0, 1), horizontal=True)
        ctx.widget("slider", "yh", t("tutorial.c5.yh"), where=left)
        left.metric(t("tutorial.c5.formula"), fmt(g.formula, 6))
        left.metric(t("tutorial.c5.numeric"), fmt(g.numeric, 6))
        left.metric(t("tutorial.c5.gap"), f"{g.gap:.1e}")
        with right:
            chart(
                cached_figure(
                    plots.loss_with_tangent,
                    g.grid,
                    g.curve,
                    (g.y_hat, g.loss),
                    g.formula,
                    loss_name=t("tutorial.c5.curve", y=g.y),
                    tangent_name=t("tutorial.c5.tangent"),
                    x_title="ŷ",
                ),
                key="tutorial-c5",
                alt=tangent_alt(g),
                data=lambda: tangent_data(g),
            )
        explore(page_link(ctx, "curves", t("nav.curves"), y=g.y, z=g.z))


def claim_6(ctx: PageState, g: tm.SoftmaxGradient) -> None:
    """The multi-class gradient, in the logits and in the probabilities."""
    with st.container(border=True):
        card_header(6, check=t("tutorial.c6.check"))
        cols = st.columns(N_OUTCOMES + 1)
        labels = [t("tutorial.c6.z", j=j + 1, outcome=outcome(j)) for j in range(N_OUTCOMES)]
        vector_sliders(
            ctx, "z", labels, where=cols[:N_OUTCOMES], lo=-LOGIT_RANGE, hi=LOGIT_RANGE, step=0.1, distribution=False,
            name=t("tutorial.c6.logits"),
        )  # fmt: skip
        ctx.widget(
            "radio", "c", t("tutorial.c6.class"), where=cols[-1], options=tuple(range(N_OUTCOMES)), format_func=outcome
        )
        rows = {  # a row per quantity, a column per outcome: six quantities side by side are wider than a phone
            "ŷ": g.y_hat,
            "y": g.y,
            t("tutorial.c6.claimed"): g.claimed,
            t("tutorial.c6.dz"): g.d_logits_fd,
            t("tutorial.c6.dp"): g.d_probs,
            t("tutorial.c6.dp_fd"): g.d_probs_fd,
        }
        table(
            {
                t("tutorial.col.quantity"): list(rows),
                **{
                    outcome(j): [fmt(v[j], 0) if name == "y" else fmt(v[j]) for name, v in rows.items()]
                    for j in range(N_OUTCOMES)
                },
            }
        )
        verdict = t("tutorial.c6.verdict", dz=f"{g.gap_logits:.1e}", dp=fmt(g.gap_probs))
        explore(page_link(ctx, "curves", t("nav.curves"), zs=g.z, c=g.c), after=verdict)


def claim_7(ctx: PageState, g: tm.MseGradient) -> None:
    """Why MSE trains slowly: the factor σ′(z), vanishing when confidently wrong and at most 1/4 anywhere."""
    with st.container(border=True):
        card_header(7, check=t("tutorial.c7.check", z=fmt(g.z0, 0)))
        metric_row(
            dict(label=t("tutorial.c7.ce"), value=fmt(g.ce)),
            dict(label=t("tutorial.c7.mse"), value=fmt(g.mse)),
            dict(label="MSE / CE", value=fmt(g.mse_over_ce)),
            dict(label="CE / MSE", value=fmt(g.ce_over_mse, 1)),
            dict(label=t("tutorial.c7.slope"), value=fmt(g.max_slope)),
        )
        st.markdown(
            t(
                "tutorial.c7.half",
                min=fmt(g.min_ratio),
                zmin=fmt(g.z_min_ratio, 0),
                ratio=fmt(g.ce_over_mse, 1),
                z=fmt(g.z0, 0),
            )
        )
        chart(
            cached_figure(
                plots.logit_gradients,
                g.z,
                g.ce_curve,
                g.mse_curve,
                ce_name=t("tutorial.c9.ce"),
                mse_name=t("tutorial.c9.mse"),
                x_title=t("tutorial.c7.x"),
                y_title=t("tutorial.c7.y"),
            ),
            key="tutorial-c7",
            alt=gradients_alt(g),
            data=lambda: gradients_data(g),
        )
        explore(
            page_link(ctx, "curves", t("tutorial.c7.link.curves"), y=1, z=g.z0),
            page_link(ctx, "surfaces", t("tutorial.c7.link.surfaces"), data="blobs", w1=-5.0, w2=-2.0),
            page_link(ctx, "race", t("tutorial.c7.link.race"), data="cancer", init="normal"),
        )


# --- claim 8: the programs ----------------------------------------------------------------------------------


def claim_8(ctx: PageState, programs: Callable[[], tm.Programs]) -> None:
    """The tutorial's programs next to the corrected ones (``programs()``: the model for the page's state now)."""
    m = programs()
    u = unit_short(ctx.unit)
    with st.container(border=True):
        card_header(8, check=t("tutorial.c8.check"))
        choice(ctx, "prog", t("tutorial.c8.program"), lambda k: t(f"tutorial.c8.{k}"))
        same_start(ctx, m, u)
        likelihood(m, u)
        large_inputs(ctx, programs, u)
        learnability(m)
        st.markdown(f"##### {t('tutorial.c8.code.header')}")
        source_expander(t("tutorial.c8.code.article"), CODE_KEYS[0], lambda: [m.article_code])
        source_expander(
            t("tutorial.c8.code.corrected"), CODE_KEYS[1], lambda: [m.corrected_code], note=t("tutorial.c8.code.note")
        )


CODE_KEYS = ("tutorial.c8.code.article", "tutorial.c8.code.corrected")  # the source boxes' open state


def same_start(ctx: PageState, m: tm.Programs, u: str) -> None:
    prose(f"##### {t('tutorial.c8.same.header')}", t("tutorial.c8.same.body", n=m.n, unit=u))
    if not predict(ctx, **questions.barely_moves(m, ctx.unit)):
        return
    table(
        {
            t("tutorial.c8.epoch"): m.printed_epochs,
            t("tutorial.c8.printed"): [fmt(v) for v in m.printed_sum],
            t("tutorial.c8.mean"): [fmt(v) for v in m.printed_mean],
            t("tutorial.c8.ratio"): [fmt(r, 2) for r in m.ratio],
        }
    )
    st.markdown(moves_text(m.moves, m.n, u))


def moves_text(mv: tm.Moves, n: int, u: str) -> str:
    """How far the loss moved, against how far it could: three sentences filled from the model."""
    direction = "fall" if mv.end <= mv.start else "rise"
    first = t(
        f"tutorial.c8.moves.{direction}",
        lr=f"{mv.lr:g}",
        epochs=mv.epochs,
        start=fmt(mv.start),
        end=fmt(mv.end),
        u=u,
        pct=fmt_percent(abs(mv.change)),
    )
    room = t("tutorial.c8.moves.room", chance=fmt(mv.chance), k=mv.k, n=n, floor=fmt(mv.floor), u=u)
    last = t(f"tutorial.c8.moves.{'most' if mv.fraction >= 0.5 else 'little'}", frac=fmt_percent(mv.fraction))
    return sentences([first, room, last])


def likelihood(m: tm.Programs, u: str) -> None:
    lk = m.likelihood
    prose(
        f"##### {t('tutorial.c8.nll.header')}",
        t(
            "tutorial.c8.nll.body",
            epochs=m.moves.epochs,
            mean=fmt(lk.mean),
            u=u,
            n=lk.n,
            b=lk.base_symbol,
            total=fmt(lk.total, 2),
            prob=fmt_power(lk.mantissa, lk.exponent),
            rows=len(lk.label),
        ),
    )
    table(
        {
            t("tutorial.c8.nll.example"): list(range(1, len(lk.label) + 1)),
            t("tutorial.c8.label"): list(lk.label),
            t("tutorial.c8.nll.q"): [fmt(v) for v in lk.q_label],
            f"−log q(y) ({u})": [fmt(v) for v in lk.surprise],
        }
    )


@fragment
def large_inputs(ctx: PageState, programs: Callable[[], tm.Programs], u: str) -> None:
    """The inputs scaled up: its scale's moves rerun this part of the card alone."""
    prose(f"##### {t('tutorial.c8.large.header')}", t("tutorial.c8.large.body"))
    ctx.select_slider("sc", t("tutorial.c8.scale"), format_func=lambda v: f"×{v:g}")
    m = programs()  # after the slider: a rerun of this part builds the model for the new scale
    s = m.scaled
    scale = f"{s.scale:g}"
    st.markdown(t("tutorial.c8.bad", scale=scale, bad=s.bad, good=s.good, total=s.total))
    table(
        {
            t("tutorial.c8.epoch"): s.epochs,
            t("tutorial.c8.printed"): [fmt(v) for v in s.article],
            t("tutorial.c8.mean"): [fmt(v) for v in s.corrected],
            t("tutorial.c8.standardised"): [fmt(v) for v in s.standardised],
        }
    )
    if s.stable:
        end = fmt(s.end)
        outcome_text = t("tutorial.c8.large.stable", scale=scale, steps=s.steps, start=fmt(s.start), end=end, u=u)
    else:
        std_key = "tutorial.c8.std.falls" if s.std_rises == 0 else "tutorial.c8.std.rises"
        std = t(std_key, start=fmt(s.std_start), end=fmt(s.std_end), rises=s.std_rises, u=u)
        outcome_text = t(
            "tutorial.c8.large.unstable",
            scale=scale,
            rises=s.rises,
            steps=s.steps,
            peak=t("tutorial.c8.large.peak", peak=fmt(s.peak), u=u) if s.peak > s.start else "",
            end=fmt(s.end),
            start=fmt(s.start),
            lr=f"{m.lr:g}",
            std=std,
            u=u,
        )
    prose(outcome_text, t("tutorial.c8.single", m=f"{m.large_logit:g}"))
    if m.kind == "binary":
        first = {
            t("tutorial.c8.z"): [fmt(z[0], 0) for z in m.single_logits],
            t("tutorial.c8.label"): list(m.single_label),
        }
    else:
        first = {
            t("tutorial.c8.logits"): [fmt_tuple(z, 0) for z in m.single_logits],
            t("tutorial.c8.label"): [outcome(c) for c in m.single_label],
        }
    table(
        {
            **first,
            t("tutorial.c8.article_loss"): [fmt(v) for v in m.single_article],
            t("tutorial.c8.stable_loss"): [fmt(v) for v in m.single_stable],
        }
    )


def learnability(m: tm.Programs) -> None:
    lr = m.learn
    data_name = t("tutorial.c8.blobs" if lr.learnable_data == "blobs" else "tutorial.c8.iris")
    prose(f"##### {t('tutorial.c8.learn.header')}", t("tutorial.c8.learn.body", data=data_name))
    names = [t("tutorial.c8.random") if d == "random" else data_name for d in lr.data]
    table(
        {
            t("tutorial.c8.run"): [  # one column for the two, so the table fits a phone's width
                t("tutorial.c8.run.cell", data=name, method=t(f"tutorial.c8.{x}"))
                for name, x in zip(names, lr.method, strict=True)
            ],
            t("tutorial.c8.train"): [fmt_percent(v) for v in lr.train],
            t("tutorial.c8.held_out"): [fmt_percent(v) for v in lr.held_out],
            t("tutorial.c8.chance"): [fmt_percent(v) for v in lr.chance],
        }
    )
    st.caption(t("tutorial.c8.learn.note", lr_a=f"{lr.article_lr:g}", lr_c=f"{lr.corrected_lr:g}", epochs=lr.epochs))


# --- claim 9 ------------------------------------------------------------------------------------------------


def loss_name(c: tm.CaseStudy, loss: str, u: str) -> str:
    if loss == "ce":
        return t("tutorial.c9.ce.unit", u=u)
    return t("tutorial.c9.mse")


def claim_9(ctx: PageState, c: tm.CaseStudy) -> None:
    """The unsourced case studies, and a comparison measured here."""
    u = unit_short(ctx.unit)
    with st.container(border=True):
        rates = t(
            "tutorial.c9.rates.same" if c.mse_lr == c.lr else "tutorial.c9.rates.more",
            lr=f"{c.lr:g}",
            mse_lr=f"{c.mse_lr:g}",
            factor=f"{c.mse_lr_factor:g}",
        )
        card_header(9, check=t("tutorial.c9.check", n=c.n, d=c.d, rates=rates))
        left, right = st.columns(2)  # the starting point's two long choices take a line of their own
        ctx.widget("select_slider", "ep", t("tutorial.c9.epochs"), where=left, format_func=lambda e: f"{e:g}")
        choice(ctx, "mlr", t("tutorial.c9.mlr"), lambda f: f"×{f:g}", where=right, options=MSE_LR_FACTORS)
        choice(ctx, "init", t("tutorial.c9.init"), lambda k: t(f"tutorial.c9.init.{k}"))
        table(
            {
                t("tutorial.c9.loss"): [loss_name(c, loss, u) for loss in c.losses],
                t("tutorial.c9.lr"): [f"{r:g}" for r in c.rates],
                t("tutorial.c8.train"): [fmt_percent(v) for v in c.train_accuracy],
                t("tutorial.c8.held_out"): [fmt_percent(v) for v in c.test_accuracy],
                t("tutorial.c9.final_loss"): [fmt(v) for v in c.final_loss],
            }
        )
        prose(
            t("tutorial.c9.reading", epochs=c.epochs, ce=fmt_percent(c.ce_accuracy), mse=fmt_percent(c.mse_accuracy)),
            t(
                "tutorial.c9.why",
                wrong=fmt_percent(c.start_wrong),
                n_train=c.n_train,
                confident=fmt_percent(c.start_confident),
                zc=f"{c.confident_z:g}",
                ratio_zc=fmt(c.confident_ratio, 1),
                median=fmt(c.start_median_ratio, 2),
            ),
            t(f"tutorial.c9.gap.{c.gap_case}", factor=f"{c.mse_lr_factor:g}", gap=fmt(abs(c.gap_points), 1)),
            t("tutorial.c9.moral"),
        )
        st.caption(t("tutorial.c9.note", u=u))
        names = {"ce": t("tutorial.c9.ce"), "mse": t("tutorial.c9.mse.lr", lr=f"{c.mse_lr:g}")}
        chart(
            cached_figure(
                plots.accuracy_curves,
                c.curve_epochs,
                [(names[loss], curve, loss) for loss, curve in zip(c.losses, c.curves, strict=True)],
                x_title=t("tutorial.c9.x"),
                y_title=t("tutorial.c9.y"),
            ),
            key="tutorial-c9",
            alt=accuracy_alt(c),
            data=lambda: accuracy_data(c),
        )
        explore(page_link(ctx, "race", t("tutorial.c9.link"), data="cancer", ep=c.epochs, lr=c.lr, init=c.init))


# --- the charts' text alternatives and data (``t``/``percent``: the app's, or a test's lookup in one language) ---


def floor_alt(f: tm.Floor, unit: str, t: Say = t) -> str:
    """Claim 3's chart: H(P, Q) along the line of Q's through P is lowest at Q = P, where it equals H(P)."""
    i = int(f.path.ce.argmin())
    return t(
        "tutorial.alt.c3",
        u=t(f"unit.short.{unit}"),
        low=fmt(float(f.path.ce[i])),
        at=fmt(float(f.path.t[i]), 2),
        h=fmt(f.path.h),
        first=fmt(float(f.path.ce[0])),
        last=fmt(float(f.path.ce[-1])),
        t0=fmt(float(f.path.t[0]), 2),
        t1=fmt(float(f.path.t[-1]), 2),
    )


def floor_data(f: tm.Floor, unit: str) -> pd.DataFrame:
    u = unit_short(unit)
    return pd.DataFrame(
        {"t": f.path.t.round(3), f"H(P, Q) ({u})": f.path.ce.round(4), f"KL(P‖Q) ({u})": f.path.kl.round(4)}
    )


def tangent_alt(g: tm.BinaryGradient, t: Say = t) -> str:
    """Claim 5's chart: the loss curve for the reader's y and its tangent at ŷ."""
    return t(
        "tutorial.alt.c5", y=g.y, yh=fmt(g.y_hat, 2), loss=fmt(g.loss), slope=fmt(g.formula), numeric=fmt(g.numeric)
    )


def tangent_data(g: tm.BinaryGradient) -> pd.DataFrame:
    return pd.DataFrame({"ŷ": np.round(g.grid, 3), "L(ŷ)": np.round(g.curve, 4)})


def gradients_alt(g: tm.MseGradient, t: Say = t) -> str:
    """Claim 7's chart: |∂L/∂z| under cross-entropy and MSE over the logit."""
    return t(
        "tutorial.alt.c7",
        z0=fmt(float(g.z[0]), 0),
        z1=fmt(float(g.z[-1]), 0),
        ratio=fmt(g.min_ratio),
        at=fmt(g.z_min_ratio, 0),
        ce=fmt(float(g.ce_curve[-1] if abs(g.z[-1]) > abs(g.z[0]) else g.ce_curve[0])),
        mse=fmt(float(g.mse_curve[-1] if abs(g.z[-1]) > abs(g.z[0]) else g.mse_curve[0])),
        zend=fmt(float(g.z[-1] if abs(g.z[-1]) > abs(g.z[0]) else g.z[0]), 0),
    )


def gradients_data(g: tm.MseGradient) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "z": np.round(g.z, 3),
            t("tutorial.c9.ce"): np.round(g.ce_curve, 4),
            t("tutorial.c9.mse"): np.round(g.mse_curve, 4),
        }
    )


def accuracy_alt(c: tm.CaseStudy, t: Say = t, percent: Callable[[float], str] = fmt_percent) -> str:
    """Claim 9's chart: held-out accuracy per epoch, cross-entropy against MSE."""
    return t(
        "tutorial.alt.c9",
        epochs=c.epochs,
        ce=percent(c.ce_accuracy),
        mse=percent(c.mse_accuracy),
        mse_lr=f"{c.mse_lr:g}",
    )


def accuracy_data(c: tm.CaseStudy) -> pd.DataFrame:
    names = {"ce": t("tutorial.c9.ce"), "mse": t("tutorial.c9.mse")}
    table = {t("tutorial.c9.x"): np.asarray(c.curve_epochs).astype(int)}
    for loss, curve in zip(c.losses, c.curves, strict=True):
        table[names[loss]] = np.round(curve, 3)
    return pd.DataFrame(table)
