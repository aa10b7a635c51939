-- R06 (Art. 23; guideline 10-7), high, subject: the country (subject_id = country code).
-- A foreign country where a linked system, processor or recipient is, with no countries row or a
-- regime_assessed that is empty or older than 24 months. A countries row for a country where
-- nothing is handled gives nothing; an unlinked system or party abroad is not "handling".
-- Choice: the message shows the country code only (no country names in the database).
-- Cost: only foreign systems are looked up in the links (a semi-join), not every link.
WITH handled AS (
    SELECT s.country
    FROM systems s
    WHERE is_foreign(s.country)
      AND s.system_id IN (SELECT l.system_id FROM category_systems l
                          JOIN categories c ON c.category_id = l.category_id)
    UNION
    SELECT country FROM category_receipts()
)
SELECT
    'R06' AS rule_id, 'high' AS severity, 'country' AS subject_type, h.country AS subject_id,
    CAST(NULL AS VARCHAR) AS domain,
    'Personal data is handled in ' || h.country || ' (a linked system, processor or recipient is there), but '
        || CASE WHEN k.country IS NULL THEN 'the country has no entry in the countries list'
                WHEN k.regime_assessed IS NULL THEN 'its personal-information regime has never been assessed'
                ELSE 'its personal-information regime has not been assessed since ' || CAST(k.regime_assessed AS VARCHAR) END
        || '; assess it (e.g. from the PPC country report) at least every 24 months.' AS message,
    '国・地域 ' || h.country || ' で個人データを取り扱っています（紐付いたシステム、委託先または提供先の所在地）が、'
        || CASE WHEN k.country IS NULL THEN '国・地域の一覧に登録されていません'
                WHEN k.regime_assessed IS NULL THEN '同国の個人情報保護制度を把握した記録がありません'
                ELSE '同国の個人情報保護制度の把握が ' || CAST(k.regime_assessed AS VARCHAR) || ' 以降更新されていません' END
        || '。個人情報保護委員会の外国制度調査等により、少なくとも24か月ごとに確認してください。' AS message_ja,
    'Art. 23; guideline 10-7' AS reference,
    CASE WHEN k.country IS NULL THEN always() ELSE overdue_from(k.regime_assessed, 24) END AS applies_from
FROM (SELECT DISTINCT country FROM handled WHERE is_foreign(country)) h
LEFT JOIN countries k ON k.country = h.country
