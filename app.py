"""xent: the home page and the app's entry point (``streamlit run app.py``)."""

import streamlit as st

from xentcore import cross_entropy, entropy, kl_divergence, self_information
from xentcore.app.home.state import HOME
from xentcore.app.pages import PAGES
from xentcore.app.ui import fmt, page_setup, t, tour_cards

WEATHER_P = (0.5, 0.3, 0.2)
WEATHER_Q = (0.4, 0.4, 0.2)

ctx = page_setup("home", HOME)
st.title(t("home.title"))
st.markdown(t("home.intro"))

st.subheader(t("home.surprise.header"))
left, right = st.columns([2, 1])
p_event = ctx.slider("pe", t("home.surprise.slider"), where=left)
right.metric(
    t("home.surprise.metric"), f"{fmt(self_information(p_event, base=ctx.base))} {t(f'unit.short.{ctx.unit}')}"
)
st.caption(t("home.surprise.caption"))

st.subheader(t("home.weather.header"))
st.markdown(
    t(
        "home.weather.body",
        **{f"p{i}": v for i, v in enumerate(WEATHER_P)},
        **{f"q{i}": v for i, v in enumerate(WEATHER_Q)},
        unit=t(f"unit.{ctx.unit}"),
    )
)
h = entropy(WEATHER_P, base=ctx.base)
ce = cross_entropy(WEATHER_P, WEATHER_Q, base=ctx.base)
kl = kl_divergence(WEATHER_P, WEATHER_Q, base=ctx.base)
cols = st.columns(3)
cols[0].metric(t("home.metric.h"), fmt(h))
cols[1].metric(t("home.metric.ce"), fmt(ce))
cols[2].metric(t("home.metric.kl"), fmt(kl))
st.caption(t("home.weather.check", h=fmt(h), kl=fmt(kl), ce=fmt(ce)))
st.page_link(PAGES[1].path, label=t("home.weather.explore"), icon=":material/arrow_forward:")

st.subheader(t("home.pages"))
cards = st.columns(3)
for i, page in enumerate(PAGES[1:]):
    with cards[i % 3].container(border=True):
        st.markdown(f"**{t(page.title_key)}**")
        st.caption(t(page.blurb_key))
        st.page_link(page.path, label=t("nav.open"), icon=page.icon)

st.subheader(t("tour.header"))
tour_cards(ctx)
