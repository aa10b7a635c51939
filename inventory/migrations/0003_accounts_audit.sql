-- Accounts and the audit trail (Art. 23; JIS Q 15001 audits want who changed what, when).
-- An audit row is written in the same transaction as the change it records, so the trail and
-- the inventory cannot disagree.

CREATE TABLE accounts (
    username VARCHAR PRIMARY KEY,
    role VARCHAR NOT NULL CHECK (role IN ('viewer', 'editor', 'admin')),
    password_hash VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE audit_seq;

CREATE TABLE audit_log (
    audit_id BIGINT PRIMARY KEY DEFAULT nextval('audit_seq'),
    changed_at TIMESTAMP NOT NULL,
    actor VARCHAR NOT NULL,
    action VARCHAR NOT NULL,          -- import, edit, restore, account
    table_name VARCHAR NOT NULL,
    record_key VARCHAR NOT NULL,
    change VARCHAR NOT NULL CHECK (change IN ('insert', 'update', 'delete')),
    before JSON,
    after JSON,
    data_version BIGINT NOT NULL      -- the version this write produced
);
