-- R11 (no selection check), R12 (no contract, or no security terms), R13 (not supervised in the
-- last 12 months), R14 (re-consignment not approved): every processor row, linked or not,
-- re-consignees included. Subject: the processor.
-- R12 is one finding even when both parts fail. R14 is high when the re-consignee's own
-- category_processors links reach a special-care category (no other escalation for these rules).
-- Choice: a parent_id of only spaces counts as not set (not a re-consignee).
WITH special_care_handlers AS (
    SELECT DISTINCT l.processor_id
    FROM category_processors l
    JOIN categories c ON c.category_id = l.category_id
    WHERE c.special_care
)
SELECT
    'R11' AS rule_id, 'high' AS severity, 'processor' AS subject_type, processor_id AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    'Processor ' || label_en(name, processor_id) || ' has no record of a check of its security measures when it was selected.'
        AS message,
    '委託先' || label_ja(name, processor_id) || 'について、委託先の選定時に安全管理措置を確認した記録がありません。'
        AS message_ja,
    'Art. 25' AS reference,
    always() AS applies_from
FROM processors
WHERE selection_checked IS NULL

UNION ALL

SELECT
    'R12', 'high', 'processor', processor_id, CAST(NULL AS VARCHAR),
    CASE WHEN contract_date IS NULL
         THEN 'Processor ' || label_en(name, processor_id) || ' has no contract on file; record the outsourcing contract and its security terms.'
         ELSE 'Processor ' || label_en(name, processor_id) || ' has a contract (' || CAST(contract_date AS VARCHAR)
              || ') that lacks security terms; add clauses on the security measures it must take.' END,
    CASE WHEN contract_date IS NULL
         THEN '委託先' || label_ja(name, processor_id) || 'との委託契約の記録がありません。契約と安全管理に関する条項を記録してください。'
         ELSE '委託先' || label_ja(name, processor_id) || 'との契約（' || CAST(contract_date AS VARCHAR)
              || ' 締結）に安全管理に関する条項がありません。講ずべき安全管理措置の条項を追加してください。' END,
    'Art. 25',
    always()
FROM processors
WHERE contract_date IS NULL OR contract_security_terms IS NOT TRUE

UNION ALL

SELECT
    'R13', 'medium', 'processor', processor_id, CAST(NULL AS VARCHAR),
    'Processor ' || label_en(name, processor_id)
        || CASE WHEN last_supervised IS NULL THEN ' has no record of supervision'
                ELSE ' has not been supervised since ' || CAST(last_supervised AS VARCHAR) END
        || '; check how it handles the data (audit, report or visit) at least every 12 months.',
    '委託先' || label_ja(name, processor_id) || 'に対する監督（監査、報告の受領、訪問等）の記録が'
        || CASE WHEN last_supervised IS NULL THEN 'ありません'
                ELSE CAST(last_supervised AS VARCHAR) || ' 以降ありません' END
        || '。少なくとも12か月ごとに取扱状況を確認してください。',
    'Art. 25',
    overdue_from(last_supervised, 12)
FROM processors

UNION ALL

SELECT
    'R14',
    CASE WHEN h.processor_id IS NOT NULL THEN 'high' ELSE 'medium' END,
    'processor', p.processor_id, CAST(NULL AS VARCHAR),
    'Re-consignee ' || label_en(p.name, p.processor_id) || ', engaged by processor ' || label_en(parent.name, p.parent_id)
        || ', has no record that the re-consignment was reported to you and approved in advance'
        || CASE WHEN h.processor_id IS NOT NULL THEN ', and it handles special-care personal information.' ELSE '.' END,
    '委託先' || label_ja(parent.name, p.parent_id) || 'から再委託を受けた再委託先' || label_ja(p.name, p.processor_id)
        || 'について、再委託の事前の報告及び承認の記録がありません'
        || CASE WHEN h.processor_id IS NOT NULL THEN '。この再委託先は要配慮個人情報を取り扱っています。' ELSE '。' END,
    'guideline 3-4-4',
    always()
FROM processors p
LEFT JOIN processors parent ON parent.processor_id = p.parent_id
LEFT JOIN special_care_handlers h ON h.processor_id = p.processor_id
WHERE NOT blank(p.parent_id) AND NOT p.reconsignment_approved
