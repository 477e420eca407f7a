"""The translation table: every user-facing string, in English and Simplified Chinese.

Each module of this package holds ``TEXT = {key: (english, chinese)}`` for one part of the app; keys are
prefixed with that part's name. ``TABLE`` merges them and refuses a key defined twice.
"""

from __future__ import annotations

import importlib
import pkgutil

LANGUAGES = ("en", "zh")


def _load() -> dict[str, tuple[str, str]]:
    table: dict[str, tuple[str, str]] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, value in module.TEXT.items():
            if key in table:
                raise ValueError(f"translation key {key!r} is defined twice (again in {info.name})")
            table[key] = value
    return table


TABLE: dict[str, tuple[str, str]] = _load()
