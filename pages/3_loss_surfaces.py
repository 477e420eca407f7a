import streamlit as st

from xentcore.ui import page_setup, t

ctx = page_setup("surfaces")
st.title(t("nav.surfaces"))
