"""The tutorial, checked: each claim of the source tutorial as a card with a verdict and a live check."""

from __future__ import annotations

import inspect
import math

import numpy as np
import pandas as pd
import streamlit as st

from xentcore import article
from xentcore.app.tutorial import claims
from xentcore.app.tutorial import figures as plots
from xentcore.app.tutorial.state import LOGIT_RANGE, N_OUTCOMES, SCHEMA
from xentcore.app.ui import fmt, fmt_percent, fragment, link, page_setup, t
from xentcore.distributions import rescale

VERDICT_COLOUR = {"holds": "green", "wrong": "red", "imprecise": "orange", "unsourced": "gray"}
VERDICT_ICON = {
    "holds": ":material/check_circle:",
    "wrong": ":material/cancel:",
    "imprecise": ":material/error:",
    "unsourced": ":material/help:",
}
CONFIDENTLY_WRONG_Z = -6.0
LARGE_LOGIT = 800.0
SEARCH_SIZE = 5000

ctx = page_setup("tutorial", SCHEMA)


# --- cached computations (pure, keyed by their arguments) ------------------------------------------------


@st.cache_data(max_entries=16, show_spinner=False)
def same_start(kind: str, scale: float) -> claims.SameStart:
    return claims.same_start_runs(kind, scale)


@st.cache_data(max_entries=4, show_spinner=False)
def learnability(kind: str) -> pd.DataFrame:
    return claims.learnability(kind)


@st.cache_data(max_entries=12, show_spinner=False)
def case_study(epochs: int, init: str) -> claims.CaseStudy:
    return claims.cancer_ce_vs_mse(epochs, init=init)


@st.cache_data(max_entries=64, show_spinner=False)
def search_minimum(p: tuple[float, ...], base: float) -> float:
    return claims.random_search_minimum(p, base=base, n=SEARCH_SIZE)


@st.cache_data(max_entries=4, show_spinner=False)
def sources(kind: str) -> tuple[str, str]:
    if kind == "binary":
        programs = (article.ARTICLE_BINARY_PROGRAM, article.CORRECTED_BINARY_PROGRAM)
    else:
        programs = (article.ARTICLE_SOFTMAX_PROGRAM, article.CORRECTED_SOFTMAX_PROGRAM)
    return tuple("\n\n".join(inspect.getsource(fn) for fn in program) for program in programs)


# --- small helpers ----------------------------------------------------------------------------------------


def page_link(page_id: str, label: str, **state) -> str:
    """A markdown link to another page, preset with ``state``."""
    return f"[{label}]({link(page_id, ctx.lang, ctx.unit, **state)})"


def explore(*links: str) -> None:
    st.markdown(f"{t('tutorial.explore')} " + " · ".join(links))


def card_header(number: int, verdict: str) -> None:
    title, badge = st.columns([5, 1], vertical_alignment="center")
    title.subheader(f"{number}. {t(f'tutorial.c{number}.title')}", anchor=f"claim-{number}")
    badge.badge(t(f"tutorial.verdict.{verdict}"), color=VERDICT_COLOUR[verdict], icon=VERDICT_ICON[verdict])
    st.markdown(t("tutorial.says", claim=t(f"tutorial.c{number}.claim")))


def outcome(i: int) -> str:
    return t(f"tutorial.outcome.{i}")


def unit_short() -> str:
    return t(f"unit.short.{ctx.unit}")


def vector_slider(key: str, i: int, label: str, where, lo: float, hi: float, step: float) -> None:
    """A slider for entry ``i`` of the vector state ``key``; a distribution keeps summing to 1."""
    wkey = f"{SCHEMA.name}.{key}.{i}"
    st.session_state[wkey] = float(ctx[key][i])
    where.slider(label, lo, hi, step=step, key=wkey, on_change=_vector_changed, args=(key, i))


def _vector_changed(key: str, i: int) -> None:
    value = st.session_state[f"{SCHEMA.name}.{key}.{i}"]
    if key in ("p", "q"):
        ctx.set(key, tuple(rescale(ctx[key], i, value)))
    else:
        ctx.set(key, tuple(value if j == i else v for j, v in enumerate(ctx[key])))


def table(df: pd.DataFrame, **kwargs) -> None:
    st.dataframe(df, hide_index=True, width="content", **kwargs)


# --- the page: one card per claim, in the tutorial's order ---------------------------------------------


def claim_1(p: tuple[float, ...], q: tuple[float, ...], m: claims.Measures) -> None:
    """Claim 1: the definitions, on the reader's P and Q."""
    with st.container(border=True):
        card_header(1, "holds")
        st.markdown(t("tutorial.c1.check"))
        cols = st.columns(2)
        for i in range(N_OUTCOMES):
            vector_slider("p", i, t("tutorial.c1.slider", dist="P", outcome=outcome(i)), cols[0], 0.0, 1.0, 0.01)
            vector_slider("q", i, t("tutorial.c1.slider", dist="Q", outcome=outcome(i)), cols[1], 0.0, 1.0, 0.01)
        u = unit_short()
        table(
            pd.DataFrame(
                {
                    t("tutorial.col.outcome"): [outcome(i) for i in range(N_OUTCOMES)],
                    "p": [fmt(v, 3) for v in p],
                    "q": [fmt(v, 3) for v in q],
                    f"−log p ({u})": [fmt(v) for v in m.info_p],
                    f"−log q ({u})": [fmt(v) for v in m.info_q],
                }
            )
        )
        metrics = st.columns(3)
        metrics[0].metric(f"H(P) ({u})", fmt(m.h_p))
        metrics[1].metric(f"H(P, Q) ({u})", fmt(m.ce_pq))
        metrics[2].metric(f"KL(P‖Q) ({u})", fmt(m.kl_pq))
        if not math.isfinite(m.ce_pq):
            st.info(t("tutorial.inf"), icon=":material/all_inclusive:")
        explore(page_link("distributions", t("nav.distributions"), p=p, q=q))


def claim_2() -> None:
    """Claim 2: the weather example's missing value, term by term."""
    with st.container(border=True):
        card_header(2, "holds")
        st.markdown(t("tutorial.c2.check"))
        terms = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q)
        table(
            pd.DataFrame(
                {
                    t("tutorial.col.outcome"): [outcome(i) for i in range(N_OUTCOMES)],
                    "p": [fmt(v, 1) for v in claims.WEATHER_P],
                    "q": [fmt(v, 1) for v in claims.WEATHER_Q],
                    t("tutorial.c2.term"): [fmt(v) for v in terms],
                }
            )
        )
        sum_latex = " + ".join(rf"{pi:g}\ln {qi:g}" for pi, qi in zip(claims.WEATHER_P, claims.WEATHER_Q, strict=True))
        values_latex = " + ".join(fmt(v) for v in terms)
        nats = terms.sum()
        bits = claims.cross_entropy_terms(claims.WEATHER_P, claims.WEATHER_Q, base=2).sum()
        st.latex(rf"H(P,Q) = -({sum_latex}) = {values_latex} = {fmt(nats)}")
        st.markdown(t("tutorial.c2.result", nats=fmt(nats), bits=fmt(bits)))
        explore(page_link("distributions", t("nav.distributions"), p=claims.WEATHER_P, q=claims.WEATHER_Q))


def claim_3(p: tuple[float, ...]) -> None:
    """Claim 3: cross-entropy is not 0 at Q = P; its floor is H(P)."""
    with st.container(border=True):
        card_header(3, "wrong")
        st.markdown(t("tutorial.c3.check"))
        same = claims.measures(p, p, base=ctx.base)
        u = unit_short()
        metrics = st.columns(4)
        metrics[0].metric(f"{t('tutorial.c3.ce_pp')} ({u})", fmt(same.ce_pq))
        metrics[1].metric(f"H(P) ({u})", fmt(same.h_p))
        metrics[2].metric(f"{t('tutorial.c3.kl_pp')} ({u})", fmt(same.kl_pq))
        metrics[3].metric(
            f"{t('tutorial.c3.search', n=SEARCH_SIZE)} ({u})",
            fmt(search_minimum(tuple(p), ctx.base)),
            help=t("tutorial.c3.search.help", n=SEARCH_SIZE),
        )
        path = claims.cross_entropy_along_line(p, base=ctx.base)
        st.plotly_chart(
            plots.line_through_p(
                path.t,
                path.ce,
                path.kl,
                path.h,
                ce_name="H(P, Q)",
                kl_name="KL(P‖Q)",
                h_name=t("tutorial.c3.floor"),
                x_title=t("tutorial.c3.x"),
            ),
            key="tutorial-c3",
        )
        if same.h_p == 0:
            st.caption(t("tutorial.c3.onehot_note"))
        buttons = st.columns(2)
        buttons[0].button(t("tutorial.c3.onehot"), on_click=ctx.set, args=("p", (1.0, 0.0, 0.0)), key="tutorial-onehot")
        buttons[1].button(t("tutorial.c3.back"), on_click=ctx.set, args=("p", claims.WEATHER_P), key="tutorial-back")
        explore(page_link("distributions", t("nav.distributions"), p=p, q=p))


def claim_4(p: tuple[float, ...], q: tuple[float, ...], m: claims.Measures) -> None:
    """Claim 4: asymmetry and H(P, Q) = H(P) + KL(P‖Q)."""
    with st.container(border=True):
        card_header(4, "holds")
        st.markdown(t("tutorial.c4.check"))
        u = unit_short()
        table(
            pd.DataFrame(
                {
                    t("tutorial.c4.quantity"): [f"H ({u})", f"KL ({u})"],
                    t("tutorial.c4.pq"): [f"H(P, Q) = {fmt(m.ce_pq)}", f"KL(P‖Q) = {fmt(m.kl_pq)}"],
                    t("tutorial.c4.qp"): [f"H(Q, P) = {fmt(m.ce_qp)}", f"KL(Q‖P) = {fmt(m.kl_qp)}"],
                }
            )
        )
        st.markdown(t("tutorial.c4.sum", h=fmt(m.h_p), kl=fmt(m.kl_pq), total=fmt(m.h_plus_kl), ce=fmt(m.ce_pq)))
        if tuple(p) == tuple(q):
            st.caption(t("tutorial.c4.equal"))
        elif math.isinf(m.ce_qp) and math.isfinite(m.ce_pq):
            st.caption(t("tutorial.c4.inf"))


@fragment
def claim_5() -> None:
    """Claim 5: the binary gradient against finite differences."""
    with st.container(border=True):
        card_header(5, "holds")
        st.markdown(t("tutorial.c5.check"))
        left, right = st.columns([1, 2])
        ctx.widget("radio", "y", t("tutorial.c5.y"), where=left, options=(0, 1), horizontal=True)
        ctx.widget("slider", "yh", t("tutorial.c5.yh"), where=left)
        y, y_hat = ctx["y"], ctx["yh"]
        check = claims.binary_gradient_check(y, y_hat)
        left.metric(t("tutorial.c5.formula"), fmt(check.formula, 6))
        left.metric(t("tutorial.c5.numeric"), fmt(check.numeric, 6))
        left.metric(t("tutorial.c5.gap"), f"{check.gap:.1e}")
        grid, curve = claims.binary_loss_curve(y)
        right.plotly_chart(
            plots.loss_with_tangent(
                grid,
                curve,
                (y_hat, check.loss),
                check.formula,
                loss_name=t("tutorial.c5.curve", y=y),
                tangent_name=t("tutorial.c5.tangent"),
                x_title="ŷ",
            ),
            key="tutorial-c5",
        )
        explore(page_link("curves", t("nav.curves"), y=y, z=claims.logit(y_hat)))


@fragment
def claim_6() -> None:
    """Claim 6: the multi-class gradient, in the logits and in the probabilities."""
    with st.container(border=True):
        card_header(6, "wrong")
        st.markdown(t("tutorial.c6.check"))
        cols = st.columns(N_OUTCOMES + 1)
        for j in range(N_OUTCOMES):
            label = t("tutorial.c6.z", j=j + 1, outcome=outcome(j))
            vector_slider("z", j, label, cols[j], -LOGIT_RANGE, LOGIT_RANGE, 0.1)
        ctx.widget(
            "radio", "c", t("tutorial.c6.class"), where=cols[-1], options=tuple(range(N_OUTCOMES)), format_func=outcome
        )
        grads = claims.softmax_gradient_check(ctx["z"], ctx["c"])
        table(
            pd.DataFrame(
                {
                    t("tutorial.col.outcome"): [outcome(j) for j in range(N_OUTCOMES)],
                    "ŷ": [fmt(v) for v in grads["y_hat"]],
                    "y": [fmt(v, 0) for v in grads["y"]],
                    t("tutorial.c6.claimed"): [fmt(v) for v in grads["claimed"]],
                    t("tutorial.c6.dz"): [fmt(v) for v in grads["d_logits_fd"]],
                    t("tutorial.c6.dp"): [fmt(v) for v in grads["d_probs"]],
                    t("tutorial.c6.dp_fd"): [fmt(v) for v in grads["d_probs_fd"]],
                }
            )
        )
        to_logits, to_probs = claims.gradient_gaps(grads)
        st.markdown(t("tutorial.c6.verdict", dz=f"{to_logits:.1e}", dp=fmt(to_probs)))
        explore(page_link("curves", t("nav.curves"), zs=ctx["z"], c=ctx["c"]))


def claim_7() -> None:
    """Claim 7: why MSE trains slowly (the vanishing factor σ′(z))."""
    with st.container(border=True):
        card_header(7, "imprecise")
        st.markdown(t("tutorial.c7.check", z=fmt(CONFIDENTLY_WRONG_Z, 0)))
        wrong = claims.logit_gradients(CONFIDENTLY_WRONG_Z, y=1).iloc[0]
        metrics = st.columns(4)
        metrics[0].metric(t("tutorial.c7.ce"), fmt(wrong["ce"]))
        metrics[1].metric(t("tutorial.c7.mse"), fmt(wrong["mse"]))
        metrics[2].metric("MSE / CE", fmt(wrong["ratio"]))
        curve = claims.logit_gradients(np.linspace(-8.0, 8.0, 161), y=1)
        metrics[3].metric(t("tutorial.c7.slope"), fmt(curve["slope"].max()))
        st.plotly_chart(
            plots.logit_gradients(
                curve["z"],
                curve["ce"],
                curve["mse"],
                ce_name=t("tutorial.c9.ce"),
                mse_name=t("tutorial.c9.mse"),
                x_title=t("tutorial.c7.x"),
                y_title=t("tutorial.c7.y"),
            ),
            key="tutorial-c7",
        )
        explore(
            page_link("curves", t("tutorial.c7.link.curves"), y=1, z=CONFIDENTLY_WRONG_Z),
            page_link("surfaces", t("tutorial.c7.link.surfaces"), data="blobs", w1=-5.0, w2=-2.0),
            page_link("race", t("tutorial.c7.link.race"), data="cancer", init="normal"),
        )


@fragment
def claim_8() -> None:
    """Claim 8: the tutorial's programs next to the corrected ones."""
    with st.container(border=True):
        card_header(8, "wrong")
        st.markdown(t("tutorial.c8.check"))
        ctx.widget(
            "segmented_control",
            "prog",
            t("tutorial.c8.program"),
            format_func=lambda k: t(f"tutorial.c8.{k}"),
            selection_mode="single",
        )
        kind = ctx["prog"]

        st.markdown(f"##### {t('tutorial.c8.same.header')}")
        runs = same_start(kind, 1.0)
        st.markdown(t("tutorial.c8.same.body", n=runs.n))
        table(
            pd.DataFrame(
                {
                    t("tutorial.c8.epoch"): runs.article.printed_epochs,
                    t("tutorial.c8.printed"): [fmt(v) for v in runs.article.printed_loss],
                    t("tutorial.c8.mean"): [fmt(v) for v in runs.corrected.printed_loss],
                    t("tutorial.c8.ratio"): [fmt(r, 2) for r in runs.printed_ratio],
                }
            )
        )

        st.markdown(f"##### {t('tutorial.c8.large.header')}")
        st.markdown(t("tutorial.c8.large.body"))
        ctx.select_slider("sc", t("tutorial.c8.scale"), format_func=lambda s: f"×{s:g}")
        scaled = same_start(kind, ctx["sc"])
        total = scaled.article.printed_loss.size
        st.markdown(
            t(
                "tutorial.c8.bad",
                scale=f"{ctx['sc']:g}",
                bad=int(np.count_nonzero(~np.isfinite(scaled.article.printed_loss))),
                good=int(np.count_nonzero(np.isfinite(scaled.corrected.printed_loss))),
                total=total,
            )
        )
        table(
            pd.DataFrame(
                {
                    t("tutorial.c8.epoch"): scaled.article.printed_epochs,
                    t("tutorial.c8.printed"): [fmt(v) for v in scaled.article.printed_loss],
                    t("tutorial.c8.mean"): [fmt(v) for v in scaled.corrected.printed_loss],
                }
            )
        )
        st.markdown(t("tutorial.c8.single", m=f"{LARGE_LOGIT:g}"))
        if kind == "binary":
            single = claims.large_logit_losses(LARGE_LOGIT)
            first = {
                t("tutorial.c8.z"): [fmt(v, 0) for v in single["z"]],
                t("tutorial.c8.label"): [fmt(v, 0) for v in single["y"]],
            }
        else:
            single = claims.large_logit_softmax_losses(LARGE_LOGIT)
            logits = f"({LARGE_LOGIT:g}, 0, {-LARGE_LOGIT:g})"
            first = {
                t("tutorial.c8.logits"): [logits] * len(single),
                t("tutorial.c8.label"): [outcome(c) for c in single["target"]],
            }
        table(
            pd.DataFrame(
                {
                    **first,
                    t("tutorial.c8.article_loss"): [fmt(v) for v in single["article"]],
                    t("tutorial.c8.stable_loss"): [fmt(v) for v in single["stable"]],
                }
            )
        )

        st.markdown(f"##### {t('tutorial.c8.learn.header')}")
        data_name = t("tutorial.c8.blobs" if kind == "binary" else "tutorial.c8.iris")
        st.markdown(t("tutorial.c8.learn.body", data=data_name))
        learned = learnability(kind)
        table(
            pd.DataFrame(
                {
                    t("tutorial.c8.data"): [
                        t("tutorial.c8.random") if d == "random" else data_name for d in learned["data"]
                    ],
                    t("tutorial.c8.method"): [t(f"tutorial.c8.{x}") for x in learned["method"]],
                    t("tutorial.c8.train"): [fmt_percent(v) for v in learned["train"]],
                    t("tutorial.c8.held_out"): [fmt_percent(v) for v in learned["held_out"]],
                    t("tutorial.c8.chance"): [fmt_percent(v) for v in learned["chance"]],
                }
            )
        )
        st.caption(
            t(
                "tutorial.c8.learn.note",
                lr_a=f"{article.ARTICLE_LR:g}",
                lr_c=f"{claims.CORRECTED_LR:g}",
                epochs=article.ARTICLE_EPOCHS,
            )
        )

        st.markdown(f"##### {t('tutorial.c8.code.header')}")
        article_code, corrected_code = sources(kind)
        with st.expander(t("tutorial.c8.code.article")):
            st.code(article_code, language="python")
        with st.expander(t("tutorial.c8.code.corrected")):
            st.code(corrected_code, language="python")
            st.caption(t("tutorial.c8.code.note"))


@fragment
def claim_9() -> None:
    """Claim 9: the unsourced case studies, and a comparison measured here."""
    with st.container(border=True):
        card_header(9, "unsourced")
        epochs, init = int(ctx["ep"]), ctx["init"]
        study = case_study(epochs, init)
        st.markdown(t("tutorial.c9.check", n=study.n, d=study.d, lr=f"{study.lr:g}"))
        left, right = st.columns(2)
        ctx.widget("select_slider", "ep", t("tutorial.c9.epochs"), where=left, format_func=lambda e: f"{e:g}")
        ctx.widget(
            "segmented_control",
            "init",
            t("tutorial.c9.init"),
            where=right,
            format_func=lambda k: t(f"tutorial.c9.init.{k}"),
            selection_mode="single",
        )
        finals = {loss: run.final for loss, run in study.runs.items()}
        table(
            pd.DataFrame(
                {
                    t("tutorial.c9.loss"): [t(f"tutorial.c9.{loss}") for loss in finals],
                    t("tutorial.c8.train"): [fmt_percent(r["train_accuracy"]) for r in finals.values()],
                    t("tutorial.c8.held_out"): [fmt_percent(r["test_accuracy"]) for r in finals.values()],
                    t("tutorial.c9.final_loss"): [fmt(r["loss"]) for r in finals.values()],
                }
            )
        )
        st.markdown(
            t(
                "tutorial.c9.reading",
                epochs=epochs,
                ce=fmt_percent(finals["ce"]["test_accuracy"]),
                mse=fmt_percent(finals["mse"]["test_accuracy"]),
            )
        )
        st.caption(t("tutorial.c9.note"))
        first_run = next(iter(study.runs.values()))
        st.plotly_chart(
            plots.accuracy_curves(
                first_run.history["epoch"],
                [
                    (t(f"tutorial.c9.{loss}"), run.history["test_accuracy"], loss)
                    for loss, run in study.runs.items()
                ],
                x_title=t("tutorial.c9.x"),
                y_title=t("tutorial.c9.y"),
            ),
            key="tutorial-c9",
        )
        explore(page_link("race", t("tutorial.c9.link"), data="cancer", ep=epochs, lr=study.lr, init=init))


@fragment
def definitions() -> None:
    """Claims 1-4 share the reader's P and Q: they rerun together when either changes."""
    p, q = ctx["p"], ctx["q"]
    m = claims.measures(p, q, base=ctx.base)
    claim_1(p, q, m)
    claim_2()
    claim_3(p)
    claim_4(p, q, m)


st.title(t("nav.tutorial"))
st.markdown(t("tutorial.intro"))
definitions()
claim_5()
claim_6()
claim_7()
claim_8()
claim_9()
st.caption(t("footer"))
