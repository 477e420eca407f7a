"""``t(key)``: the one way to put text on screen, in the user's language."""

from __future__ import annotations

import streamlit as st

from xentcore.app.settings import SETTINGS
from xentcore.app.ui.format import fmt_percent
from xentcore.app.ui.session import STORE
from xentcore.app.ui.text import LANGUAGES, TABLE


def current_lang() -> str:
    lang = st.session_state.get(STORE, {}).get(SETTINGS.name, {}).get("lang", "en")
    return lang if lang in LANGUAGES else "en"


def t(key: str, /, **values: object) -> str:
    """The text for ``key`` in the current language, with ``{name}`` fields filled from ``values``.

    An unknown key raises ``KeyError``: the app tests render every page in both languages, so a missing
    string fails a test instead of showing a raw key to a user.
    """
    text = TABLE[key][LANGUAGES.index(current_lang())]
    return text.format(**values) if values else text


def percent(x: float, digits: int = 1) -> str:
    """:func:`~xentcore.app.ui.format.fmt_percent` in the current language."""
    return fmt_percent(x, digits, lang=current_lang())
