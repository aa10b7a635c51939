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
WITH in_force AS (
    SELECT domain, scope, scope_kind, scope_ref FROM implemented_controls() WHERE domain IS NOT NULL
),
org_domains AS (
    SELECT DISTINCT domain FROM in_force WHERE scope = 'org'
),
category_domains AS (
    SELECT scope_ref AS category_id, domain FROM in_force WHERE scope_kind = 'category'
    UNION
    SELECT l.category_id, k.domain
    FROM in_force k
    JOIN category_systems l ON l.system_id = k.scope_ref
    JOIN systems s ON s.system_id = l.system_id
    WHERE k.scope_kind = 'system'
),
system_profile AS (
    SELECT l.category_id,
           bool_and(s.medium = 'paper') AS all_paper,
           bool_or(is_foreign(s.country)) AS any_foreign
    FROM category_systems l
    JOIN systems s ON s.system_id = l.system_id
    GROUP BY l.category_id
),
foreign_parties AS (
    SELECT DISTINCT category_id FROM category_receipts() WHERE is_foreign(country)
),
required AS (
    SELECT c.category_id, c.name, c.name_ja, c.special_care, c.my_number, c.financial, d.domain
    FROM categories c
    LEFT JOIN system_profile sp ON sp.category_id = c.category_id
    LEFT JOIN foreign_parties fp ON fp.category_id = c.category_id
    CROSS JOIN (VALUES ('RUL'), ('ORG'), ('HUM'), ('PHY'), ('TEC'), ('EXT')) AS d(domain)
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
    'Art. 23; guideline 10' AS reference
FROM required r
LEFT JOIN catalog_domains n ON n.domain = r.domain
WHERE NOT EXISTS (SELECT 1 FROM org_domains o WHERE o.domain = r.domain)
  AND NOT EXISTS (SELECT 1 FROM category_domains cd
                  WHERE cd.category_id = r.category_id AND cd.domain = r.domain)
