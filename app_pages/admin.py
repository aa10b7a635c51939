"""Administration: accounts (add, remove), a verified backup to download, and a restore from an
uploaded backup. Each action goes through `inventory/`, which checks the admin role itself."""
import streamlit as st

from inventory import accounts
from inventory.access import ROLES, PermissionDenied
from inventory.errors import InventoryError
from ui import auth, backups, data
from ui.i18n import bilingual, t
from ui.text import md

RESTORE_LIMIT_MB = 200  # a backup is the whole database; the 50 MB default is for imports


def refused(exc: Exception) -> None:
    st.error(md(bilingual(str(exc).splitlines()[0])), icon=":material/block:")


st.title(t("admin"))
if flash := st.session_state.pop("ad_flash", None):
    st.success(flash, icon=":material/check_circle:")

st.header(t("ad_accounts"))
listing = data.read(accounts.listing)
if listing.empty:
    st.caption(t("ad_no_accounts"))
else:
    st.dataframe(listing.assign(role=listing["role"].map(auth.role_label)), hide_index=True, width="stretch",
                 column_config={"username": t("ad_username"), "role": t("ad_role"), "created_at": t("ad_created")})
add, remove = st.columns(2)
with add.form("ad_add_form", clear_on_submit=True, border=True):
    st.subheader(t("ad_add"))
    name = st.text_input(t("ad_username"), key="ad_name")
    roles = {r: auth.role_label(r) for r in ROLES}
    role = st.selectbox(t("ad_role"), ROLES, index=0 if not listing.empty else 2, format_func=roles.get, key="ad_role")
    password = st.text_input(t("ad_password"), type="password", key="ad_password", autocomplete="new-password")
    again = st.text_input(t("ad_password_again"), type="password", key="ad_password_again", autocomplete="new-password")
    if listing.empty:
        st.caption(t("ad_first_account"))
    if st.form_submit_button(t("ad_add_button"), type="primary", icon=":material/person_add:"):
        try:
            if password != again:
                raise InventoryError(t("ad_mismatch"))
            accounts.add(data.conn(), name, role, password, actor=data.actor())
        except (PermissionDenied, InventoryError) as exc:
            refused(exc)
        else:
            st.session_state["ad_flash"] = t("ad_added", name=md(name.strip()), role=auth.role_label(role))
            st.rerun()
with remove.container(border=True):
    st.subheader(t("ad_remove"))
    me = data.actor().name if data.actor() else None
    others = [u for u in listing["username"] if u != me]
    gone = st.selectbox(t("ad_username"), others, index=None, key="ad_remove_pick", placeholder=t("choose"))
    sure = st.checkbox(t("ad_remove_confirm"), key="ad_remove_sure", disabled=gone is None)
    if st.button(t("ad_remove_button"), key="ad_remove", disabled=not (gone and sure), icon=":material/person_remove:"):
        try:
            accounts.remove(data.conn(), gone, actor=data.actor())
        except (PermissionDenied, InventoryError) as exc:
            refused(exc)
        else:
            st.session_state["ad_flash"] = t("ad_removed", name=md(gone))
            st.rerun()
    st.caption(t("ad_self"))

st.header(t("ad_backup"))
st.caption(t("ad_backup_note"))
if st.button(t("ad_backup_make"), key="ad_backup_make", icon=":material/backup:"):
    try:
        with st.spinner(t("ad_backup_making")):
            name, content = backups.make()
    except InventoryError as exc:
        refused(exc)
    else:
        st.success(t("ad_backup_ready", name=md(name), size=f"{len(content) / 1e6:.1f}"), icon=":material/verified:")
        st.download_button(t("ad_backup_download"), content, file_name=name, mime="application/octet-stream",
                           key="ad_backup_download", icon=":material/download:", on_click="ignore", type="primary")

st.header(t("ad_restore"))
st.caption(t("ad_restore_note"))
upload = st.file_uploader(t("ad_restore_upload"), type=[backups.SUFFIX], key=f"ad_restore_{st.session_state.get('ad_gen', 0)}",
                          max_upload_size=RESTORE_LIMIT_MB)
if upload is None:
    st.stop()
st.warning(t("ad_restore_warning", name=md(upload.name)), icon=":material/warning:")
sure = st.checkbox(t("ad_restore_confirm"), key="ad_restore_sure")
if st.button(t("ad_restore_button"), key="ad_restore", type="primary", disabled=not sure, icon=":material/settings_backup_restore:"):
    try:
        with st.spinner(t("ad_restoring")):
            counts = backups.restore(upload.getvalue())
    except PermissionDenied as exc:
        refused(exc)
    except Exception as exc:  # not a DuckDB file, invalid content, a newer schema: the inventory was not touched
        st.error(t("ad_restore_unreadable", name=md(upload.name)), icon=":material/error:")
        st.text(bilingual(str(exc).splitlines()[0]) if isinstance(exc, InventoryError) else type(exc).__name__)
    else:
        st.session_state["ad_flash"] = t("ad_restored", n=sum(counts.values()), name=md(upload.name))
        st.session_state["ad_gen"] = st.session_state.get("ad_gen", 0) + 1
        st.rerun()
