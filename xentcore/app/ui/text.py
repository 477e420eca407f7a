"""The translation table: every user-facing string, in English and Simplified Chinese.

``xentcore.app.ui.common_text`` and each page's ``text`` module hold ``TEXT = {key: (english, chinese)}``;
keys are prefixed with that part's name. ``TABLE`` merges them and refuses a key defined twice.
"""

from __future__ import annotations

import importlib

from xentcore.app.pages import PAGES
from xentcore.app.settings import LANGUAGES

__all__ = ["LANGUAGES", "TABLE"]
MODULES = ("xentcore.app.ui.common_text", "xentcore.app.ui.lesson_text", "xentcore.app.ui.a11y_text", *(f"xentcore.app.{page.id}.text" for page in PAGES))


def _load() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for name in MODULES:
        for key, value in importlib.import_module(name).TEXT.items():
            if key in table:
                raise ValueError(f"translation key {key!r} is defined twice (again in {name})")
            table[key] = value
    return table


TABLE: dict[str, tuple[str, str]] = _load()
