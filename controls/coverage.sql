-- Coverage of the safeguard domains per category: one cell per category x domain (RUL ORG HUM PHY
-- TEC EXT) with the status of the best control that would cover it. "Required" and "covers" are
-- R29's (shared/spec/rules.md, controls/rules/R29_control_coverage.sql), so a required cell that
-- is not `implemented` is exactly one R29 finding:
--   required: RUL, ORG, HUM, PHY always; TEC unless the category has a linked system and every
--             linked system is paper; EXT when a linked system, processor or recipient is foreign.
--   covers:   scope `org`, `category:<this category>`, or `system:<a system linked to it>`
--             (`processor:` never covers); a catalog ID takes the catalog's domain.
-- Cell status: implemented > partial > planned > missing (no covering control, or only
-- not_applicable ones); not_required when the domain is not required for the category.
-- The runner registers coverage_measures(measure_id, domain) before this file.
CREATE OR REPLACE TEMP MACRO coverage_controls() AS TABLE
    SELECT
        k.control_id,
        CASE WHEN m.measure_id IS NOT NULL THEN m.domain ELSE k.domain END AS domain,
        CASE k.status WHEN 'implemented' THEN 3 WHEN 'partial' THEN 2 WHEN 'planned' THEN 1 ELSE 0 END AS rank,
        CASE WHEN strpos(k.scope, ':') > 0 THEN substr(k.scope, 1, strpos(k.scope, ':') - 1) ELSE k.scope END AS scope_kind,
        CASE WHEN strpos(k.scope, ':') > 0 THEN substr(k.scope, strpos(k.scope, ':') + 1) END AS scope_ref
    FROM controls k
    LEFT JOIN coverage_measures m ON m.measure_id = k.measure;

CREATE OR REPLACE TEMP MACRO coverage_cells() AS TABLE
    WITH ctl AS (
        SELECT * FROM coverage_controls() WHERE domain IN ('RUL', 'ORG', 'HUM', 'PHY', 'TEC', 'EXT')
    ),
    org_best AS (
        SELECT domain, max(rank) AS rank FROM ctl WHERE scope_kind = 'org' AND scope_ref IS NULL GROUP BY domain
    ),
    category_best AS (
        SELECT category_id, domain, max(rank) AS rank FROM (
            SELECT scope_ref AS category_id, domain, rank FROM ctl WHERE scope_kind = 'category'
            UNION ALL
            SELECT l.category_id, k.domain, k.rank
            FROM ctl k
            JOIN category_systems l ON l.system_id = k.scope_ref
            JOIN systems s ON s.system_id = l.system_id
            WHERE k.scope_kind = 'system'
        ) GROUP BY category_id, domain
    ),
    system_profile AS (
        SELECT l.category_id, bool_and(s.medium = 'paper') AS all_paper, bool_or(s.country <> 'JP') AS any_foreign
        FROM category_systems l JOIN systems s ON s.system_id = l.system_id
        GROUP BY l.category_id
    ),
    foreign_parties AS (
        SELECT DISTINCT l.category_id FROM category_processors l
        JOIN processors p ON p.processor_id = l.processor_id WHERE p.country <> 'JP'
        UNION
        SELECT DISTINCT l.category_id FROM category_recipients l
        JOIN recipients r ON r.recipient_id = l.recipient_id WHERE r.country <> 'JP'
    ),
    cells AS (
        SELECT c.category_id, d.domain, d.position,
               d.domain IN ('RUL', 'ORG', 'HUM', 'PHY')
                 OR (d.domain = 'TEC' AND NOT coalesce(sp.all_paper, false))
                 OR (d.domain = 'EXT' AND (coalesce(sp.any_foreign, false) OR fp.category_id IS NOT NULL)) AS required
        FROM categories c
        LEFT JOIN system_profile sp ON sp.category_id = c.category_id
        LEFT JOIN foreign_parties fp ON fp.category_id = c.category_id
        CROSS JOIN (VALUES ('RUL', 1), ('ORG', 2), ('HUM', 3), ('PHY', 4), ('TEC', 5), ('EXT', 6)) AS d(domain, position)
    )
    SELECT x.category_id, x.domain, x.position, x.required,
           CASE WHEN NOT x.required THEN 'not_required'
                ELSE CASE greatest(coalesce(o.rank, 0), coalesce(cb.rank, 0))
                     WHEN 3 THEN 'implemented' WHEN 2 THEN 'partial' WHEN 1 THEN 'planned' ELSE 'missing' END
           END AS status
    FROM cells x
    LEFT JOIN org_best o ON o.domain = x.domain
    LEFT JOIN category_best cb ON cb.category_id = x.category_id AND cb.domain = x.domain;
