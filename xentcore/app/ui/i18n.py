"""``t(key)``: the one way to put text on screen, in the user's language."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable

import streamlit as st

from xentcore.app.format import fmt_percent
from xentcore.app.settings import SETTINGS
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
    """:func:`~xentcore.app.format.fmt_percent` in the current language."""
    return fmt_percent(x, digits, lang=current_lang())


def sentences(parts: Iterable[str], t: Callable[..., str] = t) -> str:
    """Sentences one after another, as the language writes them: a space between them in English, none in
    Chinese. Empty parts are left out. ``t``: the app's, or a test's lookup in one language."""
    said = [p for p in parts if p]
    return functools.reduce(lambda a, b: t("sentence.join", a=a, b=b), said) if said else ""
