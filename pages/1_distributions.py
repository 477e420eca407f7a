import streamlit as st

from xentcore.ui import page_setup, t

ctx = page_setup("distributions")
st.title(t("nav.distributions"))
