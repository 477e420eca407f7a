"""Every page's shareable state, declared once: URL keys, types, bounds and defaults.

Each page's :class:`~xentcore.app.share.Schema` lives in a module of this package named after the page;
``SETTINGS`` holds what follows the user across pages (unit, language, quiz mode, reduced motion).
"""

from __future__ import annotations

import importlib
import math

from xentcore.app.share import Bool, Choice, Schema

UNITS = ("nats", "bits")
LANGUAGES = ("en", "zh")
UNIT_BASE = {"nats": math.e, "bits": 2.0}

SETTINGS = Schema(
    "settings",
    (
        Choice("unit", "nats", options=UNITS),
        Choice("lang", "en", options=LANGUAGES),
        Bool("quiz", False),  # predict, then reveal: key results wait for the reader's guess
        Bool("still", False),  # reduced motion: nothing plays by itself, transitions are instant
    ),
)


def schema_for(page_id: str) -> Schema:
    """The state schema of a page: ``SCHEMA`` in ``xentcore.app.settings.<page_id>`` (``HOME`` for the home page)."""
    module = importlib.import_module(f"xentcore.app.{page_id}.state")
    return module.HOME if page_id == "home" else module.SCHEMA
