import streamlit as st

from xentcore.ui import page_setup, t

ctx = page_setup("race")
st.title(t("nav.race"))
