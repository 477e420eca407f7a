import streamlit as st

from xentcore.ui import page_setup, t

ctx = page_setup("tutorial")
st.title(t("nav.tutorial"))
