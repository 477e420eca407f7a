"""Every page's shareable state, declared once: URL keys, types, bounds and defaults.

Each page's :class:`~xentcore.share.Schema` lives in a module of this package named after the page;
``SETTINGS`` holds what follows the user across pages (unit, language).
"""

from __future__ import annotations

import math

from xentcore.share import Choice, Schema

UNITS = ("nats", "bits")
LANGUAGES = ("en", "zh")
UNIT_BASE = {"nats": math.e, "bits": 2.0}

SETTINGS = Schema(
    "settings",
    (
        Choice("unit", "nats", options=UNITS),
        Choice("lang", "en", options=LANGUAGES),
    ),
)
