"""plotly.js as the installed plotly package ships it, copied into the ``static/`` folder beside the app's main
script, which Streamlit serves at ``app/static/`` (``server.enableStaticServing``): the charts always use the
plotly.js that the installed plotly.py writes figures for."""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

import plotly

PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
STATIC_NAME = f"plotly-{plotly.__version__}.min.js"  # versioned: a browser never keeps an older bundle
STATIC_URL = f"app/static/{STATIC_NAME}"  # relative to the app's URL


@functools.cache
def copy_plotly_js(static: Path) -> None:
    """Copy the bundle into ``static`` once per process, unless it is there already."""
    target = static / STATIC_NAME
    if not target.is_file() or target.stat().st_size != PLOTLY_JS.stat().st_size:
        static.mkdir(exist_ok=True)
        partial = target.with_suffix(f".{os.getpid()}.part")  # whole or absent, for a server reading it meanwhile
        shutil.copyfile(PLOTLY_JS, partial)
        os.replace(partial, target)
