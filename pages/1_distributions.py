"""Distributions: edit a true P and a model Q, and watch H(P, Q) = H(P) + KL(P‖Q) move."""

import streamlit as st

from xentcore.app.distributions import sections as section
from xentcore.app.distributions.state import CONTROL_LABELS, SCHEMA
from xentcore.app.home import questions
from xentcore.app.ui import fragment, page_end, page_setup, predict, t

ctx = page_setup("distributions", SCHEMA, labels=CONTROL_LABELS)
st.title(t("nav.distributions"))
st.markdown(t("distributions.lead"))


@fragment
def explore() -> None:
    """P, Q and everything drawn from them: a move of one of their controls reruns this part alone."""
    names = section.class_names(ctx["names"], len(ctx["p"]))
    model = section.page_model(ctx)

    st.subheader(t("distributions.numbers.header"))
    st.caption(t("distributions.numbers.caption", unit=t(f"unit.{ctx.unit}")))
    if predict(ctx, **questions.ce_when_q_is_p(ctx["p"], model.summary.h_p, ctx.unit)):
        section.numbers(model, names)

    st.subheader(t("distributions.edit.header"))
    section.editor(ctx, names)

    st.subheader(t("distributions.pictures.header"))
    section.pictures(ctx, model, names)

    st.subheader(t("distributions.worked.header"))
    st.markdown(t("distributions.worked.intro", unit=t(f"unit.{ctx.unit}")))
    section.worked(model, names)

    st.subheader(t("distributions.props.header"))
    section.properties(ctx, model, names)


explore()
section.forward_reverse(ctx)
st.divider()
page_end(ctx)
