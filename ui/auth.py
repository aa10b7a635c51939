"""Who is using the app: single-user local mode, the sign-in form, optional SSO, and the role
each page needs. The frame (app.py) calls `gate()` before navigation.

Hiding pages is only the user experience: every write in `inventory/` checks the actor's role
itself, so a viewer's session that reached a write path would still be refused there.

- No account in the database: local mode (everything open, as `make run`), said in a banner.
- Accounts exist: nothing but the sign-in form until a name and password match (one message
  for any mistake). The signed-in `Actor` lives in `st.session_state["actor"]`, re-checked on
  every run against the accounts table, so a removed account or a changed role takes effect at
  the next click.
- `[auth]` in secrets: Streamlit's OIDC (`st.login()` / `st.user`) as well. An SSO user's role
  is that of the account whose user name equals their (verified) e-mail, else viewer.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Mapping

import streamlit as st
from streamlit.errors import StreamlitAuthError

from inventory import accounts
from inventory.access import ROLES, Actor, has_accounts
from ui import data
from ui.i18n import t
from ui.text import md

ACTOR, VIA, SINCE = "actor", "auth_via", "auth_since"  # session keys: who, how, which account row
PAGE_ROLE = {
    "app_pages/overview.py": "viewer", "app_pages/findings.py": "viewer", "app_pages/category.py": "viewer",
    "app_pages/workspace.py": "editor", "app_pages/safeguards.py": "editor", "app_pages/exchange.py": "editor",
    "app_pages/policy.py": "viewer", "app_pages/audit.py": "editor", "app_pages/admin.py": "admin",
}


MAX_FAILURES, WINDOW = 10, 15 * 60  # failed sign-ins per user name, per server process, in seconds


@st.cache_resource
def _failures() -> tuple[threading.Lock, dict[tuple[str, str], list[float]]]:
    """Recent failed sign-ins by (database, user name), shared by every session of the server."""
    return threading.Lock(), {}


def _throttled(username: str, failed: bool = False) -> bool:
    """Whether this name has had MAX_FAILURES failed sign-ins within WINDOW (recording one if `failed`)."""
    lock, seen = _failures()
    key, now = (data.db_path(), username.strip()), time.monotonic()
    with lock:
        recent = [t for t in seen.get(key, []) if now - t < WINDOW] + ([now] if failed else [])
        seen[key] = recent
        return len(recent) >= MAX_FAILURES


def local_mode() -> bool:
    return not data.read(has_accounts)


def role() -> str | None:
    """The role this session acts with: admin in local mode, None when nobody is signed in."""
    actor = data.actor()
    if actor is not None:
        return actor.role
    return "admin" if local_mode() else None


def allows(needed: str) -> bool:
    have = role()
    return have in ROLES and ROLES.index(have) >= ROLES.index(needed)


def can_open(page: str) -> bool:
    """Whether this session's navigation holds `page` (a link to any other page would fail)."""
    return allows(PAGE_ROLE.get(page, "admin"))


def role_label(name: str) -> str:
    return t(f"role_{name}") if name in ROLES else name


def _account_roles() -> dict[str, tuple[str, str]]:
    listing = data.read(accounts.listing)
    return {u: (r, str(c)) for u, r, c in listing[["username", "role", "created_at"]].itertuples(index=False)}


def sso_providers() -> list[str | None] | None:
    """The `st.login` providers configured in secrets' [auth] section (None = the [auth] one), or
    None when SSO is not configured. A missing secrets file is simply no SSO."""
    try:
        section = st.secrets["auth"] if "auth" in st.secrets else None
    except Exception:  # no secrets.toml at all: Streamlit raises instead of answering "no"
        return None
    if not isinstance(section, Mapping):
        return None
    named = [name for name, value in section.items() if isinstance(value, Mapping)]
    return ([None] if "client_id" in section else []) + named or [None]


def _sso_actor(roles: dict[str, tuple[str, str]]) -> Actor | None:
    if not st.user.get("is_logged_in"):
        return None
    email = str(st.user.get("email") or "").strip()
    if not email:
        return None
    by_email = {name.lower(): role for name, (role, _) in roles.items()}
    verified = st.user.get("email_verified", True) is not False
    return Actor(email, by_email.get(email.lower(), "viewer") if verified else "viewer")


def _sign_out() -> None:
    via = st.session_state.get(VIA)
    for key in (ACTOR, VIA, SINCE):
        st.session_state.pop(key, None)
    if via == "sso":
        st.logout()


def _sign_in(sso: list[str | None] | None) -> None:
    """The sign-in screen: the form, and a button per SSO provider when configured."""
    st.title(t("app_title"))
    st.subheader(t("auth_title"))
    with st.form("auth_form", clear_on_submit=True, border=True, width=420):
        username = st.text_input(t("auth_username"), key="auth_username", autocomplete="username")
        password = st.text_input(t("auth_password"), type="password", key="auth_password",
                                 autocomplete="current-password")
        submitted = st.form_submit_button(t("auth_sign_in"), type="primary", icon=":material/login:")
    if submitted and _throttled(username or ""):  # any name, known or not: no probing for names
        st.error(t("auth_throttled", minutes=WINDOW // 60), icon=":material/lock_clock:")
    elif submitted:
        actor = accounts.authenticate(data.conn(), username or "", password or "")
        if actor is None:
            _throttled(username or "", failed=True)
            st.error(t("auth_failed"), icon=":material/lock:")
        else:
            st.session_state[ACTOR], st.session_state[VIA] = actor, "password"
            st.session_state[SINCE] = _account_roles()[actor.name][1]
            st.rerun()
    for provider in sso or []:
        label = t("auth_sso") if provider is None else t("auth_sso_with", provider=md(provider))
        if st.button(label, key=f"auth_sso_{provider or 'default'}", icon=":material/key:"):
            try:
                st.login(provider)
            except StreamlitAuthError:
                st.error(t("auth_sso_unavailable"), icon=":material/error:")
    st.caption(t("auth_help"))


def gate() -> None:
    """Decide who this session is, or show the sign-in form and stop the run."""
    if local_mode():
        for key in (ACTOR, VIA, SINCE):
            st.session_state.pop(key, None)
        st.info(t("auth_local_banner"), icon=":material/person:")
        return
    roles = _account_roles()
    sso = sso_providers()
    actor, via = st.session_state.get(ACTOR), st.session_state.get(VIA)
    if sso and (signed := _sso_actor(roles)):
        actor, via = signed, "sso"
    elif via == "sso" or (actor is not None and roles.get(actor.name, (None, None))[1] != st.session_state.get(SINCE)):
        actor = None  # SSO ended, or the account was removed (or removed and made again) since sign-in
    elif actor is not None:
        actor = Actor(actor.name, roles[actor.name][0])  # a changed role applies at once
    if actor is None:
        for key in (ACTOR, VIA, SINCE):
            st.session_state.pop(key, None)
        _sign_in(sso)
        st.stop()
    st.session_state[ACTOR], st.session_state[VIA] = actor, via
    box = st.sidebar.container(border=True)
    box.caption(t("auth_signed_in", name=md(actor.name), role=role_label(actor.role)))
    if box.button(t("auth_sign_out"), key="auth_sign_out", icon=":material/logout:", width="stretch"):
        _sign_out()
        st.rerun()
