-- R33 (guideline 10-3(5)), medium, subject: the control. Only implemented controls; a
-- last_reviewed that is empty or older than review_months (empty = 12) calendar months.
SELECT
    'R33' AS rule_id, 'medium' AS severity, 'control' AS subject_type, control_id AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    'Control ' || label_en(title, control_id)
        || CASE WHEN last_reviewed IS NULL THEN ' has no review on record'
                ELSE ' has not been reviewed since ' || CAST(last_reviewed AS VARCHAR) END
        || ' (review cycle: ' || CAST(review_months AS VARCHAR) || ' months); review it and record the date.' AS message,
    '安全管理措置' || label_ja(title, control_id) || 'の見直しが'
        || CASE WHEN last_reviewed IS NULL THEN '記録されていません'
                ELSE CAST(last_reviewed AS VARCHAR) || ' 以降行われていません' END
        || '（見直し周期 ' || CAST(review_months AS VARCHAR) || 'か月）。見直しを行い、その日付を記録してください。' AS message_ja,
    'guideline 10-3(5)' AS reference,
    overdue_from(last_reviewed, review_months) AS applies_from
FROM implemented_controls()
