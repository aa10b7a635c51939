"""The frame: page config, language switch, navigation. Screens live in app_pages/."""
import streamlit as st

from ui.i18n import language_switch, t

st.set_page_config(page_title="APPI inventory", page_icon=":material/shield_person:", layout="wide")
language_switch()
page = st.navigation([
    st.Page("app_pages/findings.py", title=t("findings"), icon=":material/report:", url_path="findings"),
])
page.run()
