-- R30 (no implemented POL control at scope `org`; low) and R31 (no implemented `ORG-4`, exactly,
-- at scope `org`; high). Subject: the organization, subject_id `org`.
-- Choices:
--   * The message names the organization when organization.csv gives a name.
--   * R30 counts an own measure ID whose `domain` is POL; R31 wants the catalog ID `ORG-4` only.
WITH org AS (
    SELECT coalesce((SELECT any_value(name) FROM organization), 'The organization') AS name_en,
           coalesce((SELECT any_value(coalesce(name_ja, name)) FROM organization), '当社') AS name_ja
)
SELECT
    'R30' AS rule_id, 'low' AS severity, 'organization' AS subject_type, 'org' AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    name_en || ' (org) has no implemented basic policy (POL) at organization scope; adopt a basic policy '
        || 'on handling personal data and record it as a control.' AS message,
    name_ja || '（org）について、組織全体を対象とする基本方針（POL）が実施済みとして記録されていません。'
        || '個人データの適正な取扱いに関する基本方針を策定し、記録してください。' AS message_ja,
    'guideline 10-1' AS reference,
    always() AS applies_from
FROM org
WHERE NOT EXISTS (SELECT 1 FROM implemented_controls() WHERE domain = 'POL' AND scope = 'org')

UNION ALL

SELECT
    'R31', 'high', 'organization', 'org', CAST(NULL AS VARCHAR),
    name_en || ' (org) has no implemented incident-response structure (ORG-4) at organization scope; '
        || 'set up the reporting lines and steps for leaks and other incidents.',
    name_ja || '（org）について、組織全体を対象とする漏えい等事案に対応する体制（ORG-4）が実施済みとして記録されていません。'
        || '漏えい等の報告連絡体制と対応手順を整備してください。',
    'guideline 10-3(4)',
    always()
FROM org
WHERE NOT EXISTS (SELECT 1 FROM implemented_controls() WHERE measure = 'ORG-4' AND scope = 'org')
