-- The gap findings of the inventory as last written, each with the first as-of date on which it
-- holds (controls/rules.py). Every write recomputes them in its own transaction, so `check` and the
-- dashboard read them instead of planning 24 rules on every request. They are used only while
-- findings_version equals data_version and rules_version matches the running program's rules;
-- otherwise (a file from before this migration, a program with other rules) the rules are
-- evaluated live. Derived data: not part of the interchange format, never exported.
CREATE TABLE gap_findings (
    rule_id VARCHAR,
    severity VARCHAR,
    subject_type VARCHAR,
    subject_id VARCHAR,
    domain VARCHAR,
    message VARCHAR,
    message_ja VARCHAR,
    reference VARCHAR,
    applies_from DATE,
    position BIGINT  -- the findings' order (cli.md), fixed when they are stored
);
ALTER TABLE inventory_state ADD COLUMN findings_version BIGINT;
ALTER TABLE inventory_state ADD COLUMN rules_version VARCHAR;
