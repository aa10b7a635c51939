-- R19 (category linked to no purpose; high, escalated), R21(a) (purpose not published; every
-- purpose, linked or not; high, not escalated) and R21(b) (category provided to a consent/opt_out
-- recipient while none of its purposes states third-party provision; high, escalated).
-- A category with no purpose that is provided to such a recipient gets both R19 and R21(b).
-- Choices:
--   * A category_purposes row whose purpose does not exist is no purpose (links count only when both
--     ends exist; the import never lets such a row in).
--   * R21(b) counts consent/opt_out recipients wherever they are, and names them in the message.
WITH linked_purposes AS (
    SELECT l.category_id, p.purpose_id, p.third_party_provision
    FROM category_purposes l
    JOIN purposes p ON p.purpose_id = l.purpose_id
),
consent_or_opt_out_provision AS (
    SELECT l.category_id, list(DISTINCT r.recipient_id) AS recipient_ids
    FROM category_recipients l
    JOIN recipients r ON r.recipient_id = l.recipient_id
    WHERE r.basis IN ('consent', 'opt_out')
    GROUP BY l.category_id
)
SELECT
    'R19' AS rule_id,
    escalate('high', c.special_care, c.my_number, c.financial) AS severity,
    'category' AS subject_type, c.category_id AS subject_id, CAST(NULL AS VARCHAR) AS domain,
    'Category ' || label_en(c.name, c.category_id) || ' is linked to no purpose of use; specify the purpose it is handled for.'
        AS message,
    '個人データ' || label_ja(coalesce(c.name_ja, c.name), c.category_id) || 'に利用目的が紐付いていません。利用目的を特定してください。'
        AS message_ja,
    'Art. 17(1)' AS reference,
    always() AS applies_from
FROM categories c
WHERE NOT EXISTS (SELECT 1 FROM linked_purposes lp WHERE lp.category_id = c.category_id)

UNION ALL

SELECT
    'R21', 'high', 'purpose', purpose_id, CAST(NULL AS VARCHAR),
    'Purpose ' || label_en(description, purpose_id) || ' is not stated in the published privacy notice; '
        || 'publish it or notify the persons.',
    '利用目的' || label_ja(coalesce(description_ja, description), purpose_id) || 'が公表されていません。'
        || '公表するか本人に通知してください。',
    'Arts. 21, 27',
    always()
FROM purposes
WHERE NOT published

UNION ALL

SELECT
    'R21', escalate('high', c.special_care, c.my_number, c.financial), 'category', c.category_id, CAST(NULL AS VARCHAR),
    'Category ' || label_en(c.name, c.category_id) || ' is provided to third parties (recipients: '
        || id_list_en(x.recipient_ids) || '), but none of its purposes states provision to third parties; '
        || 'add it to the purposes of use.',
    '個人データ' || label_ja(coalesce(c.name_ja, c.name), c.category_id) || 'を第三者（'
        || id_list_ja(x.recipient_ids) || '）に提供していますが、利用目的に第三者提供が含まれていません。'
        || '利用目的に第三者提供を明記してください。',
    'Arts. 21, 27',
    always()
FROM categories c
JOIN consent_or_opt_out_provision x ON x.category_id = c.category_id
WHERE NOT EXISTS (SELECT 1 FROM linked_purposes lp
                  WHERE lp.category_id = c.category_id AND lp.third_party_provision)
