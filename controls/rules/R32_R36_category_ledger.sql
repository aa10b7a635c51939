-- The ledger-row rules on categories, all escalated: R32 (no access holders; high), R34 (not
-- reviewed in the last 12 months; medium), R35 (neither retention_months nor delete_by; medium),
-- R36 (delete_by before as-of; medium, critical when my_number, otherwise escalated).
-- R33 (controls) lives in its own file.
-- Choice: R36 for a my_number category that is also special_care/financial is critical (the
-- rule's own "critical when my_number" wins over the one-level escalation).
SELECT
    'R32' AS rule_id,
    escalate('high', special_care, my_number, financial) AS severity,
    'category' AS subject_type, category_id AS subject_id, CAST(NULL AS VARCHAR) AS domain,
    'Category ' || label_en(name, category_id) || ' has no access-right holders defined; record who may access it.'
        AS message,
    '個人データ' || label_ja(coalesce(name_ja, name), category_id) || 'のアクセス権者が定められていません。'
        || 'アクセスできる者を定めて記録してください。' AS message_ja,
    'guideline 10-3(3), 10-6(1)' AS reference,
    always() AS applies_from
FROM categories
WHERE blank(access_holders)

UNION ALL

SELECT
    'R34', escalate('medium', special_care, my_number, financial), 'category', category_id, CAST(NULL AS VARCHAR),
    'Category ' || label_en(name, category_id)
        || CASE WHEN last_reviewed IS NULL THEN ' has never been reviewed in the ledger'
                ELSE ' has not been reviewed in the ledger since ' || CAST(last_reviewed AS VARCHAR) END
        || '; review the entry at least every 12 months.',
    '個人データ' || label_ja(coalesce(name_ja, name), category_id) || 'の台帳の記載が'
        || CASE WHEN last_reviewed IS NULL THEN '見直されていません'
                ELSE CAST(last_reviewed AS VARCHAR) || ' 以降見直されていません' END
        || '。少なくとも12か月ごとに見直してください。',
    'JIS Q 15001 A.3.3.1',
    overdue_from(last_reviewed, 12)
FROM categories

UNION ALL

SELECT
    'R35', escalate('medium', special_care, my_number, financial), 'category', category_id, CAST(NULL AS VARCHAR),
    'Category ' || label_en(name, category_id) || ' has neither a retention period nor a deletion date; set how long it is kept.',
    '個人データ' || label_ja(coalesce(name_ja, name), category_id) || 'の保存期間も消去期限も定められていません。'
        || '保存期間を定めてください。',
    'Art. 22',
    always()
FROM categories
WHERE retention_months IS NULL AND delete_by IS NULL

UNION ALL

SELECT
    'R36',
    CASE WHEN my_number THEN 'critical' ELSE escalate('medium', special_care, my_number, financial) END,
    'category', category_id, CAST(NULL AS VARCHAR),
    'Category ' || label_en(name, category_id) || ' was due for deletion on ' || CAST(delete_by AS VARCHAR)
        || '; delete or dispose of the data without delay, or record why it is still needed and a new date.',
    '個人データ' || label_ja(coalesce(name_ja, name), category_id) || 'は消去期限（' || CAST(delete_by AS VARCHAR)
        || '）を過ぎています。遅滞なく消去・廃棄するか、引き続き必要な理由と新たな期限を記録してください。',
    'Art. 22; My Number Act 20',
    delete_by + 1
FROM categories
WHERE delete_by IS NOT NULL
