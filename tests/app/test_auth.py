"""Sign-in, roles, audit trail, history, conflicts and administration through the real frame
(`AppTest` on app.py), on real DuckDB files in tmp_path.

Accounts are made with `inventory.accounts` before the app opens the file. A change by "someone
else" is written from the test on its own connection to the same file (same process, so DuckDB
shares the database), exactly as a second browser session's save would reach the store.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from inventory import accounts, backup, db, export, service, store
from inventory.access import Actor

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "sample_data" / "demo"
PASSWORD = "correct-horse-9"
HOSTILE_ID = "<script>alert(1)</script>"
HOSTILE_NAME = "![x](http://127.0.0.1:9/x.png)"
HOSTILE_JA = ":red[赤] :material/home: **太字**"
HOSTILE_USER = "![u](http://127.0.0.1:9/u.png)"
UNESCAPED = [re.compile(r"(?<!\\)" + p) for p in (r"<script", r"\]\(http", r"(?<!\\):red\[", r":material/home")]
MARKDOWN_KINDS = ("markdown", "caption", "title", "header", "subheader", "error", "info", "success", "warning")


def make_db(tmp_path: Path, monkeypatch, users: dict[str, str], hostile: bool = False) -> Path:
    path = tmp_path / "trust.duckdb"
    conn = db.connect(path, create=True)
    service.import_source(conn, SAMPLE)
    if hostile:
        store.add_row(conn, "categories", {"category_id": HOSTILE_ID, "name": HOSTILE_NAME, "name_ja": HOSTILE_JA})
    for name, role in users.items():
        accounts.add(conn, name, role, PASSWORD, actor=Actor("cli:test", "admin"))
    conn.close()
    monkeypatch.setenv("INVENTORY_DB", str(path))
    return path


def start(**params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def sign_in(at: AppTest, name: str, password: str = PASSWORD) -> AppTest:
    at.text_input(key="auth_username").input(name)
    at.text_input(key="auth_password").input(password)
    submit(at, "auth_form").click().run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def submit(at: AppTest, form: str):
    """A form's submit button, whatever the language of its label."""
    return next(b for b in at.button if str(b.key).startswith(f"FormSubmitter:{form}-"))


def go(at: AppTest, page: str, **params) -> AppTest:
    for name, value in params.items():
        at.query_params[name] = value
    at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def one(path: Path, sql: str):
    with duckdb.connect(str(path)) as conn:
        return conn.execute(sql).fetchall()


def holders(path: Path) -> str | None:
    return one(path, "select access_holders from categories where category_id = 'campaign-entries'")[0][0]


def edit_cell(at: AppTest, column: str, value: str) -> None:
    """Change `column` of the first row in the workspace editor (left pending, not saved)."""
    at.session_state[at.data_editor[0].key] = {"edited_rows": {0: {column: value}}, "added_rows": [], "deleted_rows": []}
    at.run()


def markdown_sources(at: AppTest) -> list[str]:
    return [str(e.value) for kind in MARKDOWN_KINDS for e in getattr(at, kind)]


def all_text(at: AppTest) -> str:
    return "\n".join(markdown_sources(at))


def test_without_accounts_the_app_runs_in_local_mode_and_says_so(db_path, monkeypatch):
    monkeypatch.setenv("INVENTORY_DB", str(db_path))
    at = start()
    assert at.title[0].value == "Overview"
    assert "Single-user local mode" in at.info[0].value
    assert "auth_username" not in [w.key for w in at.text_input]
    go(at, "admin")  # local mode is the local admin: the first account is made here
    assert at.title[0].value == "Accounts and backups"
    ja = start(lang="ja")
    assert "シングルユーザーのローカルモード" in ja.info[0].value


def test_with_accounts_only_the_sign_in_form_shows(tmp_path, monkeypatch):
    make_db(tmp_path, monkeypatch, {"ada": "admin"})
    at = start()
    assert [w.key for w in at.text_input] == ["auth_username", "auth_password"]
    assert at.title[0].value == "APPI personal-data inventory"
    assert not at.metric and not at.dataframe and not at.data_editor and not at.info
    go(at, "workspace", table="categories")  # a deep link shows the form too, nothing of the page
    assert [w.key for w in at.text_input] == ["auth_username", "auth_password"] and not at.data_editor


def test_a_wrong_password_or_an_unknown_user_gets_one_generic_refusal(tmp_path, monkeypatch):
    make_db(tmp_path, monkeypatch, {"ada": "admin"})
    at = sign_in(start(), "ada", "wrong-password-1")
    assert [e.value for e in at.error] == ["Sign-in failed: the user name or the password is wrong."]
    assert "actor" not in at.session_state and not at.metric
    at = sign_in(at, "nobody")
    assert [e.value for e in at.error] == ["Sign-in failed: the user name or the password is wrong."]
    sign_in(at, "ada")
    assert at.title[0].value == "Overview" and not at.error
    assert at.session_state["actor"] == Actor("ada", "admin")
    assert any("Signed in as ada (admin)" in c.value for c in at.sidebar.caption)


def test_a_viewer_sees_overview_findings_and_cards_but_no_workspace_and_cannot_write(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"vera": "viewer"})
    at = sign_in(start(), "vera")
    assert at.title[0].value == "Overview"
    for page in ("workspace", "exchange", "safeguards", "audit", "admin"):  # not in a viewer's navigation
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page(f"app_pages/{page}.py")
    go(at, "findings")
    assert at.title[0].value == "Findings" and "R32" in all_text(at)
    go(at, "category", category="campaign-entries")
    assert at.title[0].value == "Category card"
    assert not [b for b in at.button if "restore" in str(b.key)]
    before = export.text_frames(duckdb.connect(str(path)))["categories"]

    # The workspace script reached anyway (as if navigation had let it through): the store refuses.
    forced = AppTest.from_file(str(ROOT / "app_pages" / "workspace.py"), default_timeout=60)
    forced.session_state["actor"] = Actor("vera", "viewer")
    forced.query_params["table"], forced.query_params["q"] = "categories", "campaign"
    forced.run()
    edit_cell(forced, "access_holders", "Viewer was here")
    forced.button(key="ws_save_categories").click().run()
    assert "vera (viewer) may not do this" in forced.dataframe[1].value.iloc[0, 0]
    after = export.text_frames(duckdb.connect(str(path)))["categories"]
    assert after.equals(before) and holders(path) is None


def test_a_viewer_forced_onto_the_import_page_cannot_import(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"vera": "viewer"})
    forced = AppTest.from_file(str(ROOT / "app_pages" / "exchange.py"), default_timeout=60)
    forced.session_state["actor"] = Actor("vera", "viewer")
    forced.run()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("categories.csv", "category_id,name\nmembers,Members\n")
    forced.file_uploader[0].set_value(("tiny.zip", buffer.getvalue(), "application/zip")).run()
    forced.button(key="io_import").click().run()
    assert "may not do this" in forced.error[0].value
    assert one(path, "select count(*) from categories")[0][0] == 15


def test_an_editor_edits_and_the_audit_page_shows_who_before_and_after(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"eddie": "editor"})
    at = sign_in(start(), "eddie")
    with pytest.raises(ValueError, match="Could not find a navigation page"):  # the Admin page is for admins
        at.switch_page("app_pages/admin.py")
    go(at, "workspace", table="categories", q="campaign")
    edit_cell(at, "access_holders", "Marketing <b>team</b> (3)")
    at.button(key="ws_save_categories").click().run()
    assert any("Saved" in s.value for s in at.success), [e.value for e in at.error]
    assert holders(path) == "Marketing <b>team</b> (3)"
    assert one(path, "select actor, action, change from audit_log order by audit_id desc limit 1") == [("eddie", "edit", "update")]

    go(at, "audit")
    listing = at.dataframe[0].value
    newest = listing.iloc[0]
    assert (newest["Changed by"], newest["Table"], newest["Record"], newest["Change"]) == \
        ("eddie", "Data categories", "campaign-entries", "changed")
    assert newest["What changed (before → after)"] == "access_holders: ∅ → Marketing <b>team</b> (3)"
    at.selectbox(key="au_pick").set_value(int(newest["No."])).run()
    diff = at.dataframe[1].value
    assert diff.to_dict("records") == [{"Field": "access_holders", "Before": "", "After": "Marketing <b>team</b> (3)"}]
    at.selectbox(key="au_table").set_value("accounts").run()
    assert set(at.dataframe[0].value["Record"]) == {"eddie"}
    at.text_input(key="au_actor").input("nobody").run()
    assert "No changes recorded" in at.info[0].value


def test_a_version_restored_from_the_category_card_history(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"eddie": "editor"})
    at = go(sign_in(start(), "eddie"), "workspace", table="categories", q="campaign")
    edit_cell(at, "access_holders", "Marketing (3)")
    at.button(key="ws_save_categories").click().run()
    assert holders(path) == "Marketing (3)"
    go(at, "category", category="campaign-entries")
    history = at.selectbox(key="card_history_campaign-entries")
    assert len(history.options) == 2  # the import and the edit
    imported = one(path, "select min(audit_id) from audit_log where table_name = 'categories' "
                         "and record_key = 'campaign-entries'")[0][0]
    history.set_value(imported).run()
    at.button(key="card_history_campaign-entries_restore").click().run()
    assert any(f"Version {imported} restored" in s.value for s in at.success), [e.value for e in at.error]
    assert holders(path) is None
    assert one(path, "select actor, action from audit_log order by audit_id desc limit 1") == [("eddie", "restore")]


def test_a_concurrent_change_to_the_same_row_is_shown_row_by_row_and_nothing_is_lost(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"eddie": "editor"})
    at = go(sign_in(start(), "eddie"), "workspace", table="categories", q="campaign")
    edit_cell(at, "access_holders", "Eddie's value")
    with duckdb.connect(str(path)) as conn:  # another session saves the same row meanwhile
        base = export.text_frames(conn)["categories"]
        base = base[base["category_id"] == "campaign-entries"]
        theirs = base.assign(access_holders="Olivia's value", owner="Olivia")
        store.apply_edits(conn, "categories", base, theirs, actor=Actor("olivia", "editor"))
    at.button(key="ws_save_categories").click().run()
    assert at.error[0].value.startswith("Nothing was saved: since you loaded this page someone else changed 1 of")
    rows = at.dataframe[1].value.to_dict("records")
    assert sorted((r["Record"], r["Column"], r["When you loaded it"], r["Now"], r["Changed by"]) for r in rows) == [
        ("campaign-entries", "access_holders", "", "Olivia's value", "olivia"),
        ("campaign-entries", "owner", base["owner"].iloc[0], "Olivia", "olivia")]
    assert all(r["At"][:4].isdigit() for r in rows)
    assert holders(path) == "Olivia's value"
    at.button(key="ws_discard_categories").click().run()  # reload: their value is what the editor now sees
    assert at.data_editor[0].value["access_holders"].iloc[0] == "Olivia's value"


def test_a_concurrent_change_to_another_row_of_the_page_is_no_conflict_and_both_land(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"eddie": "editor"})
    at = go(sign_in(start(), "eddie"), "workspace", table="categories", q="member")
    mine, other = at.data_editor[0].value["category_id"].iloc[0], at.data_editor[0].value["category_id"].iloc[3]
    edit_cell(at, "owner", "Eddie")
    with duckdb.connect(str(path)) as conn:  # another session saves a different row of the same page
        base = export.text_frames(conn)["categories"]
        base = base[base["category_id"] == other]
        store.apply_edits(conn, "categories", base, base.assign(owner="Olivia"), actor=Actor("olivia", "editor"))
    at.button(key="ws_save_categories").click().run()
    assert not at.error, [e.value for e in at.error]
    with duckdb.connect(str(path)) as conn:
        owners = dict(conn.execute("select category_id, owner from categories where category_id in (?, ?)",
                                   [mine, other]).fetchall())
    assert owners == {mine: "Eddie", other: "Olivia"}


def test_an_admin_manages_accounts_backs_up_and_restores(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"ada": "admin", "old-hand": "editor"})
    saved = tmp_path / "before.duckdb"
    with duckdb.connect(str(path)) as conn:
        backup.backup(conn, saved)
    at = go(sign_in(start(), "ada"), "admin")
    assert set(at.dataframe[0].value["username"]) == {"ada", "old-hand"}
    assert at.selectbox(key="ad_remove_pick").options == ["old-hand"]  # never yourself

    at.text_input(key="ad_name").input("newbie")
    at.selectbox(key="ad_role").set_value("editor")
    at.text_input(key="ad_password").input(PASSWORD)
    at.text_input(key="ad_password_again").input(PASSWORD)
    at.button(key="FormSubmitter:ad_add_form-Add account").click().run()
    assert any("Account newbie (editor) added" in s.value for s in at.success), [e.value for e in at.error]
    at.selectbox(key="ad_remove_pick").set_value("old-hand").run()
    assert at.button(key="ad_remove").disabled  # not before the confirmation
    at.checkbox(key="ad_remove_sure").check().run()
    at.button(key="ad_remove").click().run()
    assert any("Account old-hand removed" in s.value for s in at.success)
    assert one(path, "select username, role from accounts order by username") == [("ada", "admin"), ("newbie", "editor")]
    assert one(path, "select actor, change, record_key from audit_log where table_name = 'accounts' and actor = 'ada' "
                     "order by audit_id") == [("ada", "insert", "newbie"), ("ada", "delete", "old-hand")]

    at.button(key="ad_backup_make").click().run()
    assert any("verified" in s.value for s in at.success), [e.value for e in at.error]
    assert at.download_button(key="ad_backup_download").label == "Download the backup"

    go(at, "workspace", table="categories", q="campaign")
    edit_cell(at, "access_holders", "After the backup")  # which the restore undoes
    at.button(key="ws_save_categories").click().run()
    assert holders(path) == "After the backup"
    go(at, "admin")
    at.file_uploader[0].set_value(("before.duckdb", saved.read_bytes(), "application/octet-stream")).run()
    assert at.button(key="ad_restore").disabled
    at.checkbox(key="ad_restore_sure").check().run()
    at.button(key="ad_restore").click().run()
    assert any("Restored" in s.value for s in at.success), [e.value for e in at.error]
    assert holders(path) is None
    assert one(path, "select username from accounts order by username") == [("ada",), ("newbie",)]  # accounts stay


def test_a_file_that_is_no_backup_is_refused_and_changes_nothing(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"ada": "admin"})
    at = go(sign_in(start(), "ada"), "admin")
    version = one(path, "select data_version from inventory_state")
    at.file_uploader[0].set_value(("evil.duckdb", b"not a database" * 100, "application/octet-stream")).run()
    at.checkbox(key="ad_restore_sure").check().run()
    at.button(key="ad_restore").click().run()
    assert "nothing was changed" in at.error[0].value and "not a valid DuckDB database" in at.text[0].value
    assert one(path, "select data_version from inventory_state") == version


def test_an_editor_forced_onto_the_admin_page_cannot_add_accounts(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"eddie": "editor"})
    forced = AppTest.from_file(str(ROOT / "app_pages" / "admin.py"), default_timeout=60)
    forced.session_state["actor"] = Actor("eddie", "editor")
    forced.run()
    forced.text_input(key="ad_name").input("sneaky")
    forced.selectbox(key="ad_role").set_value("admin")
    forced.text_input(key="ad_password").input(PASSWORD)
    forced.text_input(key="ad_password_again").input(PASSWORD)
    forced.button(key="FormSubmitter:ad_add_form-Add account").click().run()
    assert "eddie (editor) may not do this" in forced.error[0].value
    assert one(path, "select username from accounts") == [("eddie",)]


def test_a_removed_account_is_signed_out_at_its_next_click(tmp_path, monkeypatch):
    path = make_db(tmp_path, monkeypatch, {"ada": "admin", "eddie": "editor"})
    at = sign_in(start(), "eddie")
    assert at.title[0].value == "Overview"
    with duckdb.connect(str(path)) as conn:
        accounts.remove(conn, "eddie", actor=Actor("ada", "admin"))
    at.run()
    assert [w.key for w in at.text_input] == ["auth_username", "auth_password"] and "actor" not in at.session_state


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_hostile_names_are_shown_literally_never_as_html_or_markdown(tmp_path, monkeypatch, lang):
    path = make_db(tmp_path, monkeypatch, {HOSTILE_USER: "admin"}, hostile=True)
    at = start(**({"lang": lang} if lang == "ja" else {}))
    at = sign_in(at, HOSTILE_USER)
    seen = []
    for page, params in (("overview", {}), ("findings", {"q": "script"}), ("category", {"category": HOSTILE_ID}),
                         ("workspace", {"table": "categories", "q": "script"}), ("audit", {}), ("admin", {})):
        go(at, page, **params)
        sources = markdown_sources(at)
        for raw in (HOSTILE_ID, HOSTILE_NAME, HOSTILE_JA, HOSTILE_USER):
            assert not [s for s in sources if raw in s], (page, raw)
        for pattern in UNESCAPED:
            assert not [s for s in sources if pattern.search(s)], (page, pattern.pattern)
        seen.append("\n".join(sources))
    everything = "\n".join(seen)
    assert r"\<script\>alert(1)\</script\>" in everything  # the ID, escaped in the card's header and findings
    assert (r"!\[x\](http\:" + "\u2060" + r"//127.0.0.1\:9/x.png)" if lang == "en" else r"\:red\[赤\] \:" + "\u2060" + r"material/home\: \*\*太字\*\*") in everything
    assert r"!\[u\](http\:" + "\u2060" + r"//127.0.0.1\:9/u.png)" in everything  # the signed-in name in the sidebar
    # Tables show the characters themselves.
    assert HOSTILE_USER in set(at.dataframe[0].value["username"])
    go(at, "category", category=HOSTILE_ID)
    assert at.selectbox(key="card_pick").value == HOSTILE_ID
    assert one(path, "select name from categories where category_id = '<script>alert(1)</script>'") == [(HOSTILE_NAME,)]


SSO_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x" * 32,
               "client_id": "inventory", "client_secret": "s", "server_metadata_url": "https://idp.example/.well-known/openid-configuration"}


def start_sso(user: dict, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.secrets["auth"] = SSO_SECRETS
    at.user = user
    for name, value in params.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_with_sso_configured_the_form_offers_it_and_a_broken_setup_says_so(tmp_path, monkeypatch):
    make_db(tmp_path, monkeypatch, {"ada": "admin"})
    at = start_sso({"is_logged_in": False})
    assert [w.key for w in at.text_input] == ["auth_username", "auth_password"]
    assert at.button(key="auth_sso_default").label == "Sign in with SSO"
    at.button(key="auth_sso_default").click().run()  # no Authlib / no secrets.toml on this machine
    assert not at.exception and "Single sign-on is not available" in at.error[0].value


@pytest.mark.parametrize(("email", "verified", "role"), [
    ("ada@example.com", True, "admin"),      # an account named by the e-mail gives its role
    ("ada@example.com", False, "viewer"),    # ... but only for a verified e-mail
    ("someone@example.com", True, "viewer"),  # anyone else the provider lets in reads
])
def test_an_sso_user_gets_the_role_of_the_account_named_by_their_email(tmp_path, monkeypatch, email, verified, role):
    make_db(tmp_path, monkeypatch, {"ada@example.com": "admin"})
    at = start_sso({"is_logged_in": True, "email": email, "email_verified": verified, "name": "Ada"})
    assert at.title[0].value == "Overview"
    assert at.session_state["actor"] == Actor(email, role)
    assert any(f"({role})" in c.value for c in at.sidebar.caption)
    if role == "viewer":
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            at.switch_page("app_pages/workspace.py")
    else:
        go(at, "admin")
    at.sidebar.button(key="auth_sign_out").click().run()
    assert [w.key for w in at.text_input] == ["auth_username", "auth_password"]


def test_repeated_failures_for_a_name_stop_further_attempts_for_a_while(tmp_path, monkeypatch):
    from ui import auth

    make_db(tmp_path, monkeypatch, {"ada": "admin"})
    at = start()
    for _ in range(auth.MAX_FAILURES):
        sign_in(at, "ada", "guess-guess-guess")
        assert [e.value for e in at.error] == ["Sign-in failed: the user name or the password is wrong."]
    sign_in(at, "ada")  # even the right password now waits: guessing gets nowhere
    assert [e.value for e in at.error] == ["Too many failed sign-ins for this user name: try again in 15 minutes."]
    assert "actor" not in at.session_state
    sign_in(at, "nobody", "guess-guess-guess")  # other names are not held up
    assert [e.value for e in at.error] == ["Sign-in failed: the user name or the password is wrong."]
