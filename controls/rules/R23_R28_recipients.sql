-- R23 (no legal basis; critical), R25 (consent/opt_out provision without an Art. 29 record; high)
-- and R28 (personally referable data to a recipient expected to link it, not on consent; high).
-- Subject: the recipient; no escalation. R23 and R25 apply to every recipient row, linked or not.
-- An empty basis (NULL or spaces) counts as `none`.
-- Choice: R23 and R28 both fire for a recipient with an empty basis that matches R28 (two problems).
-- Choice: R28 is one finding per recipient, naming the personally referable categories it receives.
SELECT
    'R23' AS rule_id, 'critical' AS severity, 'recipient' AS subject_type, recipient_id AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    'Recipient ' || label_en(name, recipient_id) || ' has no legal basis recorded for providing it personal data '
        || '(consent, a legal exception, opt-out, joint use or succession); record one or stop the provision.' AS message,
    '提供先' || label_ja(name, recipient_id) || 'への第三者提供について、法的な根拠（本人の同意、法令に基づく場合等の例外、'
        || 'オプトアウト、共同利用または事業の承継）が記録されていません。根拠を記録するか、提供を停止してください。' AS message_ja,
    'Art. 27(1)' AS reference,
    always() AS applies_from
FROM recipients
WHERE blank(basis) OR basis = 'none'

UNION ALL

SELECT
    'R25', 'high', 'recipient', recipient_id, CAST(NULL AS VARCHAR),
    'Recipient ' || label_en(name, recipient_id) || ' receives personal data by '
        || CASE basis WHEN 'consent' THEN 'consent' ELSE 'opt-out' END
        || ', but no record of the provision (Art. 29) is kept; keep one for each provision.',
    '提供先' || label_ja(name, recipient_id) || 'への第三者提供（'
        || CASE basis WHEN 'consent' THEN '本人の同意' ELSE 'オプトアウト' END
        || 'による）について、第三者提供に係る記録（法第29条）が作成・保存されていません。提供ごとに記録を作成してください。',
    'Art. 29',
    always()
FROM recipients
WHERE basis IN ('consent', 'opt_out') AND NOT record_kept

UNION ALL

SELECT
    'R28', 'high', 'recipient', r.recipient_id, CAST(NULL AS VARCHAR),
    'Recipient ' || label_en(any_value(r.name), r.recipient_id) || ' is expected to link personally referable information '
        || '(categories: ' || id_list_en(list(DISTINCT c.category_id)) || ') to individuals, but the provision does not '
        || 'rest on consent; confirm that the persons consented before providing it.',
    '提供先' || label_ja(any_value(r.name), r.recipient_id) || 'は提供する個人関連情報（'
        || id_list_ja(list(DISTINCT c.category_id)) || '）を個人データとして取得することが想定されますが、'
        || '本人の同意に基づく提供になっていません。提供前に本人の同意が得られていることを確認してください。',
    'Art. 31',
    always()
FROM recipients r
JOIN category_recipients l ON l.recipient_id = r.recipient_id
JOIN categories c ON c.category_id = l.category_id
WHERE r.links_identifiers AND c.personally_referable AND coalesce(r.basis, 'none') <> 'consent'
GROUP BY r.recipient_id
