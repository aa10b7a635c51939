-- R29 (Art. 23; guideline 10), high (escalated), subject: the category, one finding per missing
-- required domain (`domain` field).
-- Required: RUL, ORG, HUM, PHY always; TEC unless the category has at least one linked system and
-- every linked system is paper; EXT when any linked system, processor or recipient is foreign.
-- Covered: an implemented control in that domain (catalog domain for catalog IDs) whose scope is
-- `org`, `category:<this category>` or `system:<a system linked to it>`; `processor:` never covers.
-- Review dates do not matter here (R33's business).
-- Choices:
--   * Scopes are matched exactly: `org` (not `ORG`, not `org:x`), `category:` and `system:` in lower
--     case, the id after the first colon compared as is; anything else covers nothing.
--   * An own measure ID with no `domain` belongs to no domain and covers nothing; a measure that
--     differs from a catalog ID only in case (`tec-1`) is an own ID.
--   * Paper means medium = 'paper'; a system that does not exist does not count as linked.
-- Cost: the links are read once. Each system carries the set of domains implemented on it as a
-- bitmask (bit i = position i of DOMAINS); one pass over the links ORs those masks per category
-- together with its paper/foreign profile, so no (link x domain) rows are ever formed.
WITH in_force AS (
    SELECT domain, scope, scope_kind, scope_ref,
           CAST(1 AS UBIGINT) << (list_position(['RUL', 'ORG', 'HUM', 'PHY', 'TEC', 'EXT'], domain) - 1) AS bit
    FROM implemented_controls()
    WHERE domain IN ('RUL', 'ORG', 'HUM', 'PHY', 'TEC', 'EXT')
),
org_mask AS (
    SELECT coalesce(bit_or(bit), 0) AS mask FROM in_force WHERE scope = 'org'
),
category_mask AS (
    SELECT scope_ref AS category_id, bit_or(bit) AS mask FROM in_force WHERE scope_kind = 'category' GROUP BY ALL
),
system_mask AS (
    SELECT scope_ref AS system_id, bit_or(bit) AS mask FROM in_force WHERE scope_kind = 'system' GROUP BY ALL
),
system_profile AS (
    SELECT l.category_id,
           bool_and(s.medium = 'paper') AS all_paper,
           bool_or(is_foreign(s.country)) AS any_foreign,
           coalesce(bit_or(m.mask), 0) AS mask
    FROM category_systems l
    JOIN systems s ON s.system_id = l.system_id
    LEFT JOIN system_mask m ON m.system_id = l.system_id
    GROUP BY l.category_id
),
foreign_parties AS (
    SELECT DISTINCT category_id FROM category_receipts() WHERE is_foreign(country)
),
required AS (
    SELECT c.category_id, c.name, c.name_ja, c.special_care, c.my_number, c.financial, d.domain, d.bit,
           (SELECT mask FROM org_mask) | coalesce(cm.mask, 0) | coalesce(sp.mask, 0) AS covered
    FROM categories c
    LEFT JOIN system_profile sp ON sp.category_id = c.category_id
    LEFT JOIN category_mask cm ON cm.category_id = c.category_id
    LEFT JOIN foreign_parties fp ON fp.category_id = c.category_id
    CROSS JOIN (SELECT domain, CAST(1 AS UBIGINT) << (i - 1) AS bit
                FROM (VALUES ('RUL', 1), ('ORG', 2), ('HUM', 3), ('PHY', 4), ('TEC', 5), ('EXT', 6)) AS v(domain, i)) AS d
    WHERE d.domain IN ('RUL', 'ORG', 'HUM', 'PHY')
       OR (d.domain = 'TEC' AND NOT coalesce(sp.all_paper, false))
       OR (d.domain = 'EXT' AND (coalesce(sp.any_foreign, false) OR fp.category_id IS NOT NULL))
)
SELECT
    'R29' AS rule_id,
    escalate('high', r.special_care, r.my_number, r.financial) AS severity,
    'category' AS subject_type, r.category_id AS subject_id, r.domain AS domain,
    'Category ' || label_en(r.name, r.category_id) || ' has no implemented control in domain ' || r.domain
        || ' (' || coalesce(n.name, r.domain) || ') covering it at organization scope, for the category or for a '
        || 'system that stores it; implement one and record it.' AS message,
    '個人データ' || label_ja(coalesce(r.name_ja, r.name), r.category_id) || 'について、区分「' || coalesce(n.name_ja, r.domain)
        || '」（' || r.domain || '）の安全管理措置が実施されていません（組織全体、当該個人データまたはその保存先システムを対象とするもの）。'
        || 'この区分の措置を実施し、記録してください。' AS message_ja,
    'Art. 23; guideline 10' AS reference,
    always() AS applies_from
FROM required r
LEFT JOIN catalog_domains n ON n.domain = r.domain
WHERE r.covered & r.bit = 0
