"""xent's entry point, ``streamlit run app.py``: Streamlit serves the home page (``home.py``) and ``pages/`` as an
ASGI app, whose pages' HTML asks at once for what their first paint needs (``xentcore.app.serve``)."""

from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware

from xentcore.app.serve import FirstPaint

app = st.App("home.py", middleware=[Middleware(FirstPaint, static=Path(__file__).with_name("static"))])
