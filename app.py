"""The frame: page config, language switch, who is signed in, as-of date, navigation by role.
Screens live in app_pages/; `ui/auth.py` decides who may open which."""
from pathlib import Path

import streamlit as st

from ui import auth
from ui.data import as_of_picker
from ui.i18n import language_switch, t

st.set_page_config(page_title=t("app_title"), page_icon=":material/shield_person:", layout="wide")
language_switch()
auth.gate()  # the sign-in form and st.stop() until someone is signed in (unless no account exists)
as_of_picker()
HERE = Path(__file__).parent
PAGES = {  # navigation group -> (script, title key, icon, url path); each page's role is in auth.PAGE_ROLE
    "nav_management": [("overview", "overview", "dashboard", "overview")],
    "nav_officer": [("workspace", "workspace", "edit_note", "workspace"),
                    ("category", "category_card", "folder_shared", "category"),
                    ("safeguards", "controls", "verified_user", "controls"),
                    ("findings", "findings", "report", "findings"),
                    ("exchange", "import_export", "swap_vert", "import-export"),
                    ("policy", "policy", "policy", "policy"),
                    ("audit", "audit", "history", "audit")],
    "nav_admin": [("admin", "admin", "admin_panel_settings", "admin")],
}
if not auth.allows("editor"):  # management reads the findings, cards and policy report beside the overview
    PAGES = {"nav_management": PAGES["nav_management"]
             + [p for p in PAGES["nav_officer"] if auth.can_open(f"app_pages/{p[0]}.py")]}
groups = {}
for group, pages in PAGES.items():
    shown = [st.Page(f"app_pages/{script}.py", title=t(title), icon=f":material/{icon}:", url_path=url,
                     default=script == "overview")
             for script, title, icon, url in pages
             if auth.can_open(f"app_pages/{script}.py") and (HERE / "app_pages" / f"{script}.py").exists()]
    if shown:
        groups[t(group)] = shown
st.navigation(groups).run()
