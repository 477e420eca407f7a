"""Distributions: edit a true P and a model Q, and watch H(P, Q) = H(P) + KL(P‖Q) move."""

import numpy as np
import streamlit as st

from xentcore.app.distributions import sections as section
from xentcore.app.distributions.state import SCHEMA
from xentcore.app.ui import page_setup, t
from xentcore.distributions import summarize

ctx = page_setup("distributions", SCHEMA)
p, q = np.asarray(ctx["p"]), np.asarray(ctx["q"])
names = section.class_names(ctx["names"], p.size)
s = summarize(p, q, base=ctx.base)

st.title(t("nav.distributions"))
st.markdown(t("distributions.lead"))

st.subheader(t("distributions.numbers.header"))
st.caption(t("distributions.numbers.caption", unit=t(f"unit.{ctx.unit}")))
section.numbers(s, p, q, names)

st.subheader(t("distributions.edit.header"))
section.editor(ctx, names)

st.subheader(t("distributions.pictures.header"))
section.pictures(ctx, s, p, q, names)

st.subheader(t("distributions.worked.header"))
st.markdown(t("distributions.worked.intro", unit=t(f"unit.{ctx.unit}")))
section.worked(ctx, p, q, names)

st.subheader(t("distributions.props.header"))
section.properties(ctx, s)

section.forward_reverse(ctx)
st.divider()
st.caption(t("footer"))
