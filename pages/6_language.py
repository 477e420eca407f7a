"""Language models: a character model's cross-entropy as bits per character, perplexity and a file size."""

import streamlit as st

from xentcore.app.language import questions
from xentcore.app.language import sections as section
from xentcore.app.language.model import LanguageModel, build
from xentcore.app.language.state import CONTROL_LABELS, LOOKS, SCHEMA
from xentcore.app.ui import fragment, page_end, page_setup, predict, t
from xentcore.app.ui.i18n import sentences

ctx = page_setup("language", SCHEMA, labels=CONTROL_LABELS)


@st.cache_resource(max_entries=32, show_spinner=False)
def page_model(state: tuple, unit: str, lang: str, own: str) -> LanguageModel:
    return build(dict(state), unit, lang, own)


st.title(t("nav.language"))


@fragment
def explore() -> None:
    """The text, the model and all they show: a move of one of their controls reruns this part alone."""
    lead = st.empty()  # the lead, then what the curve shows once the model is built (in quiz mode, once predicted)
    lead.markdown(t("language.lead"))

    left, right = st.columns([3, 2], gap="large")
    with left:
        st.subheader(t("language.header.text"))
        own = section.text_controls(ctx)
    with right:
        st.subheader(t("language.header.model"))
        st.latex(r"q(c\mid h)=\frac{n(h,c)+\alpha}{n(h)+\alpha V}")
        st.caption(t("language.model.formula"))
        section.model_controls(ctx)

    model = page_model(tuple(sorted(ctx.values.items())), ctx.unit, ctx.lang, own)

    if model.problem:
        section.problem(model)
    else:
        # the main lesson first, so it starts in the first screen: more context fits the training text ever
        # better, the test text only up to a point
        st.subheader(t("language.header.curve"))
        if predict(ctx, **questions.context_grows(model, ctx.values, own)):
            lead.markdown(sentences([t("language.lead"), section.curve_findings(model)]))
            section.curve(model)

        st.subheader(t("language.header.numbers"))
        section.numbers(model, ctx["split"])

        # three close-ups, one tab each, built only when opened: a move redraws the open one alone
        st.subheader(t("language.header.looks"))
        tabs = ctx.tabs("look", t("language.header.looks"), {v: t(f"language.tab.{v}") for v in LOOKS})
        for look, tab in tabs.items():
            if tab.open:
                with tab:
                    section.close_up(ctx, model, look)


explore()

st.subheader(t("language.header.converter"))
st.caption(t("language.converter.intro"))
section.converter(ctx)

st.divider()
page_end(ctx)
