-- R02 (consent without the information given first), R03 (standard measures not checked in the
-- last 12 months), R04 (standard measures without a contract on file): every transfer row, high.
-- Subject: the transfer; the message names the party it goes to.
-- Choice: a transfer whose party is missing is still flagged, with the party shown as "?".
WITH t AS (
    SELECT t.*, p.name AS party_name,
           CASE t.party_type WHEN 'processor' THEN 'processor ' ELSE 'recipient ' END
               || label_en(p.name, t.party_id) AS party_en,
           CASE t.party_type WHEN 'processor' THEN '委託先' ELSE '提供先' END
               || label_ja(p.name, t.party_id) AS party_ja
    FROM transfers t
    LEFT JOIN parties() p ON p.party_type = t.party_type AND p.party_id = t.party_id
)
SELECT
    'R02' AS rule_id, 'high' AS severity, 'transfer' AS subject_type, transfer_id AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    'Transfer ' || transfer_id || ' to ' || party_en || ' relies on consent, but there is no record that the '
        || 'persons were told the country, its personal-information regime and the recipient''s measures before they consented.'
        AS message,
    party_ja || 'への外国移転（' || transfer_id || '）は本人の同意に基づいていますが、同意を得る前に移転先の国名、'
        || 'その国の個人情報保護制度及び移転先が講ずる措置を本人に提供した記録がありません。' AS message_ja,
    'Art. 28(2); Rules 17' AS reference,
    always() AS applies_from
FROM t
WHERE route = 'consent' AND NOT info_provided

UNION ALL

SELECT
    'R03', 'high', 'transfer', transfer_id, CAST(NULL AS VARCHAR),
    'Transfer ' || transfer_id || ' to ' || party_en || ' relies on standard measures, but the recipient''s measures '
        || 'and the foreign country''s laws '
        || CASE WHEN last_checked IS NULL THEN 'have never been checked'
                ELSE 'were last checked on ' || CAST(last_checked AS VARCHAR) END
        || '; check them at least every 12 months.',
    party_ja || 'への外国移転（' || transfer_id || '）は基準適合体制に基づいていますが、移転先の措置の実施状況及び外国の制度の定期的な確認が'
        || CASE WHEN last_checked IS NULL THEN '行われていません'
                ELSE CAST(last_checked AS VARCHAR) || ' 以降行われていません' END
        || '。少なくとも年1回確認してください。',
    'Art. 28(3); Rules 18',
    overdue_from(last_checked, 12)
FROM t
WHERE route = 'standard_measures'

UNION ALL

SELECT
    'R04', 'high', 'transfer', transfer_id, CAST(NULL AS VARCHAR),
    'Transfer ' || transfer_id || ' to ' || party_en || ' relies on standard measures, but no contract, '
        || 'group rules or certification backing them is on file.',
    party_ja || 'への外国移転（' || transfer_id || '）は基準適合体制に基づいていますが、その根拠となる契約、'
        || '企業グループ内の規程または認証の記録がありません。',
    'Rules 16',
    always()
FROM t
WHERE route = 'standard_measures' AND NOT contract_on_file
