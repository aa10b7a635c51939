-- R16 (special-care category without consent to acquire it; critical, escalation is capped) and
-- R17 (an opt_out recipient receives a special-care category; critical, one finding per recipient).
SELECT
    'R16' AS rule_id,
    escalate('critical', special_care, my_number, financial) AS severity,
    'category' AS subject_type, category_id AS subject_id, CAST(NULL AS VARCHAR) AS domain,
    'Category ' || label_en(name, category_id) || ' contains special-care personal information, but no consent '
        || 'of the persons to acquire it is on record; obtain and record consent.' AS message,
    '個人データ' || label_ja(coalesce(name_ja, name), category_id) || 'には要配慮個人情報が含まれますが、'
        || '取得について本人の同意を得た記録がありません。同意を取得し記録してください。' AS message_ja,
    'Art. 20(2)' AS reference,
    always() AS applies_from
FROM categories
WHERE special_care AND NOT special_care_consent

UNION ALL

SELECT
    'R17', 'critical', 'recipient', r.recipient_id, CAST(NULL AS VARCHAR),
    'Recipient ' || label_en(any_value(r.name), r.recipient_id) || ' receives special-care personal information (categories: '
        || id_list_en(list(DISTINCT c.category_id)) || ') under opt-out, which the law does not allow; '
        || 'stop the provision or obtain the persons'' consent.',
    '提供先' || label_ja(any_value(r.name), r.recipient_id) || 'にオプトアウトにより要配慮個人情報（'
        || id_list_ja(list(DISTINCT c.category_id)) || '）を提供していますが、要配慮個人情報はオプトアウトで提供できません。'
        || '提供を停止するか、本人の同意を得てください。',
    'Art. 27(2)',
    always()
FROM recipients r
JOIN category_recipients l ON l.recipient_id = r.recipient_id
JOIN categories c ON c.category_id = l.category_id
WHERE r.basis = 'opt_out' AND c.special_care
GROUP BY r.recipient_id
