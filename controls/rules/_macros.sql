-- Shared helpers for the gap rules (shared/spec/rules.md). Everything here is a TEMP macro: it lives
-- in the connection's in-memory temp catalog, so evaluating the rules writes nothing to the database
-- file and works on a read-only connection. The runner (controls/rules.py) creates the
-- TEMP tables catalog_measures(measure_id, domain, title, title_ja) and catalog_domains(domain, name, name_ja)
-- before running this file.
--
-- Convention for every rule: a link row counts only when both of its ends exist (the import rejects
-- dangling references; a hand-edited database might not).

-- Every rule returns, besides the finding, `applies_from`: the first as-of date on which the finding
-- holds. Most findings hold whatever the date (always(), minus infinity); the dated ones (R04, R06,
-- R13, R32, R33, R36) hold from a date computed from the row, and never when that is NULL. So the
-- findings of an inventory can be computed once, when it is written, and read for any as-of date
-- (controls/rules.py): a finding holds as of A when applies_from <= A.
CREATE OR REPLACE TEMP MACRO always() AS DATE '-infinity';

-- "Empty or older than N months" as of A: an empty date is always overdue; otherwise d < A - N
-- months, where the day of A - N months is clamped to the month's end (2026-03-31 minus 1 month =
-- 2026-02-28, DuckDB's month arithmetic); "older" is strict, so a date equal to that cutoff is not
-- overdue, and neither is a date in the future. The first such A is (d + 1 day) + N months when
-- that day exists in the month, else the 1st of the following month (d = 2026-01-30, N = 1:
-- 2026-03-01, as no day of February minus a month is after January 30th). A NULL N never holds.
-- tests/controls/test_rules_engine.py checks this against the definition day by day.
CREATE OR REPLACE TEMP MACRO overdue_from(d, n) AS
    CASE
        WHEN d IS NULL THEN always()
        WHEN day(CAST(CAST(d AS DATE) + 1 + to_months(CAST(n AS INTEGER)) AS DATE)) = day(CAST(d AS DATE) + 1)
            THEN CAST(CAST(d AS DATE) + 1 + to_months(CAST(n AS INTEGER)) AS DATE)
        ELSE last_day(CAST(CAST(d AS DATE) + 1 + to_months(CAST(n AS INTEGER)) AS DATE)) + 1
    END;

-- Severity escalation for the category rules (R16 R19 R21(b) R29 R32 R34 R35 R36): one level up,
-- capped at critical, when the category holds special-care, My Number or financial-damage data.
CREATE OR REPLACE TEMP MACRO escalate(severity, special_care, my_number, financial) AS
    CASE
        WHEN coalesce(special_care OR my_number OR financial, false) THEN
            CASE severity WHEN 'low' THEN 'medium' WHEN 'medium' THEN 'high' ELSE 'critical' END
        ELSE severity
    END;

-- An empty text cell (NULL or only spaces).
CREATE OR REPLACE TEMP MACRO blank(s) AS s IS NULL OR trim(s) = '';

-- "Foreign" means country <> JP; EEA and UK countries are foreign too.
CREATE OR REPLACE TEMP MACRO is_foreign(country) AS country <> 'JP';

-- EU 27 + Iceland, Liechtenstein, Norway (EEA) + the United Kingdom: where an `adequacy` route
-- counts (R01). The import stores UK as GB; 'UK' is accepted too for hand-entered rows.
CREATE OR REPLACE TEMP MACRO in_eea_or_uk(country) AS country IN (
    'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT',
    'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
    'IS', 'LI', 'NO',
    'GB', 'UK'
);

-- Quoted display name + id, e.g. `"Acme Mail" (acme-mail)`; Japanese `「Acme Mail」（acme-mail）`.
CREATE OR REPLACE TEMP MACRO label_en(name, id) AS '"' || coalesce(name, '?') || '" (' || id || ')';
CREATE OR REPLACE TEMP MACRO label_ja(name, id) AS '「' || coalesce(name, '?') || '」（' || id || '）';

-- A short list of ids for a message: the first five, then "and N more" / "ほか N 件".
CREATE OR REPLACE TEMP MACRO id_list_en(ids) AS
    array_to_string(list_slice(list_sort(ids), 1, 5), ', ')
    || CASE WHEN len(ids) > 5 THEN ' and ' || (len(ids) - 5) || ' more' ELSE '' END;
CREATE OR REPLACE TEMP MACRO id_list_ja(ids) AS
    array_to_string(list_slice(list_sort(ids), 1, 5), '、')
    || CASE WHEN len(ids) > 5 THEN ' ほか ' || (len(ids) - 5) || ' 件' ELSE '' END;

-- Every party that can receive data, processors and recipients alike.
CREATE OR REPLACE TEMP MACRO parties() AS TABLE
    SELECT 'processor' AS party_type, processor_id AS party_id, name, country FROM processors
    UNION ALL
    SELECT 'recipient' AS party_type, recipient_id AS party_id, name, country FROM recipients;

-- "A category receives a party": one row per category_processors / category_recipients link.
CREATE OR REPLACE TEMP MACRO category_receipts() AS TABLE
    SELECT l.category_id, 'processor' AS party_type, p.processor_id AS party_id, p.name, p.country
    FROM category_processors l
    JOIN processors p ON p.processor_id = l.processor_id
    JOIN categories c ON c.category_id = l.category_id
    UNION ALL
    SELECT l.category_id, 'recipient' AS party_type, r.recipient_id AS party_id, r.name, r.country
    FROM category_recipients l
    JOIN recipients r ON r.recipient_id = l.recipient_id
    JOIN categories c ON c.category_id = l.category_id;

-- Implemented controls with their effective domain and parsed scope. A catalog ID (case-sensitive)
-- takes the catalog's domain and the row's own `domain` is ignored; an own ID needs `domain`, and
-- without it belongs to no domain. Scope splits at the first colon: org | category:<id> |
-- system:<id> | processor:<id>.
CREATE OR REPLACE TEMP MACRO implemented_controls() AS TABLE
    SELECT
        k.control_id, k.measure, k.title, k.scope, k.last_reviewed,
        coalesce(k.review_months, 12) AS review_months,
        CASE WHEN m.measure_id IS NOT NULL THEN m.domain ELSE k.domain END AS domain,
        CASE WHEN strpos(k.scope, ':') > 0 THEN substr(k.scope, 1, strpos(k.scope, ':') - 1)
             ELSE k.scope END AS scope_kind,
        CASE WHEN strpos(k.scope, ':') > 0 THEN substr(k.scope, strpos(k.scope, ':') + 1) END AS scope_ref
    FROM controls k
    LEFT JOIN catalog_measures m ON m.measure_id = k.measure
    WHERE k.status = 'implemented';
