import streamlit as st

from xentcore.ui import page_setup, t

ctx = page_setup("curves")
st.title(t("nav.curves"))
