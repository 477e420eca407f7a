"""The tutorial, checked: each claim of the source tutorial as a card with a verdict and a live check."""

from __future__ import annotations

import streamlit as st

from xentcore.app.tutorial import sections as card
from xentcore.app.tutorial.model import TutorialModel, build
from xentcore.app.tutorial.state import SCHEMA
from xentcore.app.ui import fragment, page_end, page_setup, t

ctx = page_setup("tutorial", SCHEMA)


@st.cache_resource(max_entries=64, show_spinner=False)
def page_model(state: tuple, unit: str) -> TutorialModel:
    """The page's model, keyed by the page state and the unit (immutable: shared, not copied). The training
    runs inside are cached by their own parameters, so a new state rebuilds only what it changes."""
    return build(dict(state), unit)


def model() -> TutorialModel:
    return page_model(tuple(sorted(ctx.values.items())), ctx.unit)


@fragment
def definitions() -> None:
    """Claims 1-4 share the reader's P and Q: they rerun together when either changes."""
    m = model()
    card.claim_1(ctx, m.definitions)
    card.claim_2(ctx, m.weather)
    card.claim_3(ctx, m.floor, m.definitions.p, m.weather.p)
    card.claim_4(ctx, m.decomposition)


@fragment
def binary_gradient() -> None:
    card.claim_5(ctx, model().binary_gradient)


@fragment
def softmax_gradient() -> None:
    card.claim_6(ctx, model().softmax_gradient)


@fragment
def programs() -> None:
    """Claim 8; its large-input part, a fragment of its own, reruns alone when the scale moves."""
    card.claim_8(ctx, lambda: model().programs)


@fragment
def case_study() -> None:
    card.claim_9(ctx, model().case_study)


st.title(t("nav.tutorial"))
st.markdown(t("tutorial.intro"))
card.glance()
definitions()
binary_gradient()
softmax_gradient()
card.claim_7(ctx, model().mse_gradient)
programs()
case_study()
page_end(ctx)
