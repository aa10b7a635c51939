"""The frame: page config, language switch, as-of date, navigation. Screens live in app_pages/."""
from pathlib import Path

import streamlit as st

from ui.data import as_of_picker
from ui.i18n import language_switch, t

st.set_page_config(page_title=t("app_title"), page_icon=":material/shield_person:", layout="wide")
language_switch()
as_of_picker()
officer = [
    st.Page("app_pages/workspace.py", title=t("workspace"), icon=":material/edit_note:", url_path="workspace"),
    st.Page("app_pages/category.py", title=t("category_card"), icon=":material/folder_shared:", url_path="category"),
    st.Page("app_pages/safeguards.py", title=t("controls"), icon=":material/verified_user:", url_path="controls"),
    st.Page("app_pages/findings.py", title=t("findings"), icon=":material/report:", url_path="findings"),
    st.Page("app_pages/exchange.py", title=t("import_export"), icon=":material/swap_vert:", url_path="import-export"),
]
if (Path(__file__).parent / "app_pages" / "policy.py").exists():  # added by the policy work when it lands
    officer.append(st.Page("app_pages/policy.py", title=t("policy"), icon=":material/policy:", url_path="policy"))
page = st.navigation({
    t("nav_management"): [st.Page("app_pages/overview.py", title=t("overview"), icon=":material/dashboard:",
                                  url_path="overview", default=True)],
    t("nav_officer"): officer,
})
page.run()
