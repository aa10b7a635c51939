-- R01 (Art. 28(1)), critical, subject: the foreign party (processor or recipient).
-- A foreign party that receives a category is flagged, once, when any category it receives is not
-- covered by a transfer row. A row covers when it matches party_type + party_id, names that category
-- or none (empty = all the party's categories), has a route other than `none`, and, for route
-- `adequacy`, the party's country is in the EEA or the UK.
-- Choices:
--   * A transfer row's empty category_id is NULL or only spaces.
--   * The message names the uncovered categories by id (the first five, then a count).
WITH valid_routes AS (
    SELECT t.party_type, t.party_id,
           CASE WHEN blank(t.category_id) THEN NULL ELSE t.category_id END AS category_id
    FROM transfers t
    JOIN parties() p ON p.party_type = t.party_type AND p.party_id = t.party_id
    WHERE t.route <> 'none'
      AND (t.route <> 'adequacy' OR in_eea_or_uk(p.country))
),
-- Parties with a valid row for all their categories, and (party, category) pairs covered by name:
-- two equality anti-joins instead of one OR-correlated subquery.
covered_all AS (
    SELECT DISTINCT party_type, party_id FROM valid_routes WHERE category_id IS NULL
),
covered_one AS (
    SELECT DISTINCT party_type, party_id, category_id FROM valid_routes WHERE category_id IS NOT NULL
),
uncovered AS (
    SELECT r.party_type, r.party_id, r.name, r.country, r.category_id
    FROM category_receipts() r
    WHERE is_foreign(r.country)
      AND NOT EXISTS (SELECT 1 FROM covered_all a
                      WHERE a.party_type = r.party_type AND a.party_id = r.party_id)
      AND NOT EXISTS (SELECT 1 FROM covered_one o
                      WHERE o.party_type = r.party_type AND o.party_id = r.party_id
                        AND o.category_id = r.category_id)
),
per_party AS (
    SELECT party_type, party_id, any_value(name) AS name, any_value(country) AS country,
           list(DISTINCT category_id) AS category_ids
    FROM uncovered
    GROUP BY party_type, party_id
)
SELECT
    'R01' AS rule_id,
    'critical' AS severity,
    party_type AS subject_type,
    party_id AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    CASE party_type WHEN 'processor' THEN 'Processor ' ELSE 'Recipient ' END
        || label_en(name, party_id) || ' in ' || country || ' receives personal data (categories: '
        || id_list_en(category_ids) || ') with no valid legal route for the foreign transfer on file; '
        || 'record a transfer by consent, standard measures or an exception (adequacy counts only for the EEA and the UK).'
        AS message,
    CASE party_type WHEN 'processor' THEN '委託先' ELSE '提供先' END
        || '「' || coalesce(name, '?') || '」（' || party_id || '、所在国 ' || country || '）に提供している個人データ（'
        || id_list_ja(category_ids) || '）について、外国にある第三者への提供の根拠が記録されていません。'
        || '本人の同意、基準適合体制または例外による移転を記録してください（十分性認定はEEA・英国の場合に限ります）。'
        AS message_ja,
    'Art. 28(1)' AS reference,
    always() AS applies_from
FROM per_party
