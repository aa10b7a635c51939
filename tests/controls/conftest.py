"""A small, clean inventory for the gap-rule tests: zero findings as of 2026-03-31.

Each rule test breaks one thing in it with plain SQL and expects exactly the findings that break
causes; fixing the row must bring it back to zero. What the baseline holds, and why it is clean:

- members  (Member contact details): CRM (JP, electronic), processor acme-mail (US, covered by
  transfer t-acme, standard measures), recipient partner-jp (JP, consent); EXT control on it.
- health   (special care, consented): paper cabinet only, so no TEC control is needed.
- payroll  (My Number + financial): payroll system (JP), processor payroll-co (JP).
- cookies  (personally referable): no system (so TEC is required: a category-scoped control),
  recipient ad-net (JP, consent, links identifiers).
- archive-sub: an approved re-consignee of payroll-co, linked to nothing.
- Controls: POL-1, RUL-1, ORG-1, ORG-4, HUM-1, PHY-1 at org scope; TEC by system or category.
"""
from __future__ import annotations

import pytest

BASELINE = [
    """INSERT INTO organization (name, name_ja, address, representative, contact)
       VALUES ('Sakura Trading KK', 'さくら商事株式会社', 'Tokyo', 'Hanako Sato', 'privacy@example.jp')""",
    """INSERT INTO categories (category_id, name, name_ja, special_care, special_care_consent, my_number, financial,
                              personally_referable, retention_months, delete_by, access_holders, last_reviewed) VALUES
       ('members', 'Member contact details', '会員連絡先', false, false, false, false, false, 36, NULL,
        'Member services team', '2026-01-15'),
       ('health', 'Health checkup results', '健康診断結果', true, true, false, false, false, NULL, '2030-12-31',
        'HR manager', '2026-02-01'),
       ('payroll', 'Payroll and My Number', '給与・マイナンバー', false, false, true, true, false, 84, NULL,
        'Payroll staff', '2025-12-01'),
       ('cookies', 'Web cookie IDs', 'Cookie ID', false, false, false, false, true, 13, NULL,
        'Web team', '2026-03-01')""",
    """INSERT INTO purposes (purpose_id, description, description_ja, published, third_party_provision) VALUES
       ('service', 'Provide member services', '会員サービスの提供', true, true),
       ('employment', 'Employment management', '雇用管理', true, false),
       ('ads', 'Advertising with partners', '提携先との広告配信', true, true)""",
    """INSERT INTO category_purposes VALUES
       ('members', 'service'), ('health', 'employment'), ('payroll', 'employment'), ('cookies', 'ads')""",
    """INSERT INTO systems (system_id, name, medium, country, hosting, processor_id) VALUES
       ('crm', 'Member CRM', 'electronic', 'JP', 'cloud', NULL),
       ('hr-cabinet', 'HR cabinet', 'paper', 'JP', 'office', NULL),
       ('payroll-sys', 'Payroll system', 'electronic', 'JP', 'on_premise', 'payroll-co')""",
    """INSERT INTO category_systems VALUES ('members', 'crm'), ('health', 'hr-cabinet'), ('payroll', 'payroll-sys')""",
    """INSERT INTO processors (processor_id, name, country, parent_id, selection_checked, contract_date,
                              contract_security_terms, last_supervised, reconsignment_approved) VALUES
       ('acme-mail', 'Acme Mail', 'US', NULL, '2025-06-01', '2025-06-15', true, '2025-12-01', false),
       ('payroll-co', 'Payroll Services Co', 'JP', NULL, '2024-04-01', '2024-04-10', true, '2026-01-20', false),
       ('archive-sub', 'Archive Storage', 'JP', 'payroll-co', '2024-05-01', '2024-05-10', true, '2026-01-20', true)""",
    """INSERT INTO category_processors VALUES ('members', 'acme-mail'), ('payroll', 'payroll-co')""",
    """INSERT INTO recipients (recipient_id, name, country, basis, record_kept, links_identifiers) VALUES
       ('partner-jp', 'Partner Shop', 'JP', 'consent', true, false),
       ('ad-net', 'AdNet', 'JP', 'consent', true, true)""",
    """INSERT INTO category_recipients VALUES ('members', 'partner-jp'), ('cookies', 'ad-net')""",
    """INSERT INTO transfers (transfer_id, party_type, party_id, category_id, route, info_provided,
                             contract_on_file, last_checked) VALUES
       ('t-acme', 'processor', 'acme-mail', NULL, 'standard_measures', false, true, '2025-09-01')""",
    """INSERT INTO countries VALUES ('US', '2025-01-10', 'PPC country report')""",
    """INSERT INTO controls (control_id, measure, domain, title, scope, status, last_reviewed, review_months) VALUES
       ('c-pol', 'POL-1', NULL, 'Privacy policy', 'org', 'implemented', '2026-01-10', 12),
       ('c-rul', 'RUL-1', NULL, 'Handling rules', 'org', 'implemented', '2026-01-10', 12),
       ('c-org1', 'ORG-1', NULL, 'Privacy officer', 'org', 'implemented', '2026-01-10', 12),
       ('c-org4', 'ORG-4', NULL, 'Incident response', 'org', 'implemented', '2026-01-10', 12),
       ('c-hum', 'HUM-1', NULL, 'Annual training', 'org', 'implemented', '2026-01-10', 12),
       ('c-phy', 'PHY-1', NULL, 'Locked office', 'org', 'implemented', '2026-01-10', 12),
       ('c-tec-crm', 'TEC-1', NULL, 'CRM access control', 'system:crm', 'implemented', '2026-01-10', 12),
       ('c-tec-pay', 'TEC-2', NULL, 'Payroll login', 'system:payroll-sys', 'implemented', '2026-01-10', 12),
       ('c-tec-cookies', 'TEC-3', NULL, 'Tag manager hardening', 'category:cookies', 'implemented', '2026-01-10', 12),
       ('c-ext', 'EXT-1', NULL, 'US regime check', 'category:members', 'implemented', '2026-01-10', 12)""",
]


def load_baseline(conn) -> None:
    for statement in BASELINE:
        conn.execute(statement)


@pytest.fixture
def inventory(conn):
    """The `conn` fixture's empty database with the clean baseline inventory loaded."""
    load_baseline(conn)
    return conn
