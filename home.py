"""xent: the home page (the app is started with ``streamlit run app.py``, which serves this and ``pages/``)."""

import streamlit as st

from xentcore.app.format import adds_up
from xentcore.app.home import questions
from xentcore.app.home.model import build
from xentcore.app.home.state import HOME
from xentcore.app.pages import PAGES
from xentcore.app.ui import fmt, fragment, page_end, page_setup, predict, t, tour_cards
from xentcore.app.ui.layout import metric_row
from xentcore.app.ui.widgets import name_controls

name_controls(HOME, {"pe": "home.surprise.slider"})  # for the lesson-link box, drawn before the slider
ctx = page_setup("home", HOME)
st.title(t("home.title"))
st.markdown(t("home.intro"))

st.subheader(t("home.surprise.header"))


@fragment
def surprise() -> None:
    """The slider and its surprise: a move reruns this part alone, not the page."""
    left, right = st.columns([2, 1])
    ctx.slider("pe", t("home.surprise.slider"), where=left)
    s = build(ctx.values, ctx.unit).surprise  # after the slider: its callback has stored the new p
    right.metric(t("home.surprise.metric"), f"{fmt(s)} {t(f'unit.short.{ctx.unit}')}")


surprise()
st.caption(t("home.surprise.caption"))
m = build(ctx.values, ctx.unit)

st.subheader(t("home.weather.header"))
st.markdown(
    t(
        "home.weather.body",
        **{f"n{i}": t(f"weather.{c}") for i, c in enumerate(m.classes)},
        **{f"p{i}": v for i, v in enumerate(m.p)},
        **{f"q{i}": v for i, v in enumerate(m.q)},
        unit=t(f"unit.{ctx.unit}"),
    )
)
if predict(ctx, **questions.compare_ce_with_entropy(m.h, m.ce, m.kl, ctx.unit)):
    metric_row(
        dict(label=t("home.metric.h"), value=fmt(m.h)),
        dict(label=t("home.metric.ce"), value=fmt(m.ce)),
        dict(label=t("home.metric.kl"), value=fmt(m.kl)),
    )
    check = "home.weather.check" if adds_up([fmt(m.h), fmt(m.kl)], fmt(m.ce)) else "home.weather.check.rounded"
    st.caption(t(check, h=fmt(m.h), kl=fmt(m.kl), ce=fmt(m.ce), digits=4))
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

page_end(ctx)
