-- Primary keys removed from the inventory tables. Uniqueness of every ID and link is checked by
-- the pandera models before any write (as references always were, see 0001); the ART index
-- behind a PRIMARY KEY only repeated that check, at a price: a re-import of an unchanged
-- 100k-link inventory wrote in 1.4 s with the keys and 0.55 s without, because every row
-- deleted and inserted again in one transaction went through the index twice.
-- Key columns stay NOT NULL. DuckDB cannot drop a key in place, so each table is rebuilt with
-- its columns in the same order (no migration since 0001 changed these tables).

CREATE TABLE categories_v5 (
    category_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    name_ja VARCHAR,
    data_subjects VARCHAR,
    items VARCHAR,
    persons BIGINT CHECK (persons >= 0),
    source VARCHAR CHECK (source IN ('direct_written', 'direct_web', 'direct_oral', 'automatic',
                                     'third_party', 'public', 'other')),
    special_care BOOLEAN NOT NULL DEFAULT false,
    special_care_consent BOOLEAN NOT NULL DEFAULT false,
    my_number BOOLEAN NOT NULL DEFAULT false,
    financial BOOLEAN NOT NULL DEFAULT false,
    personally_referable BOOLEAN NOT NULL DEFAULT false,
    pseudonymized BOOLEAN NOT NULL DEFAULT false,
    anonymized BOOLEAN NOT NULL DEFAULT false,
    eu_origin BOOLEAN NOT NULL DEFAULT false,
    retained BOOLEAN NOT NULL DEFAULT true,
    retention_months BIGINT CHECK (retention_months >= 0),
    delete_by DATE,
    disposal_method VARCHAR,
    owner VARCHAR,
    access_holders VARCHAR,
    last_reviewed DATE
);
INSERT INTO categories_v5 SELECT * FROM categories;
DROP TABLE categories;
ALTER TABLE categories_v5 RENAME TO categories;

CREATE TABLE purposes_v5 (
    purpose_id VARCHAR NOT NULL,
    description VARCHAR NOT NULL,
    description_ja VARCHAR,
    published BOOLEAN NOT NULL DEFAULT false,
    notice_url VARCHAR,
    third_party_provision BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO purposes_v5 SELECT * FROM purposes;
DROP TABLE purposes;
ALTER TABLE purposes_v5 RENAME TO purposes;

CREATE TABLE category_purposes_v5 (
    category_id VARCHAR NOT NULL,
    purpose_id VARCHAR NOT NULL
);
INSERT INTO category_purposes_v5 SELECT * FROM category_purposes;
DROP TABLE category_purposes;
ALTER TABLE category_purposes_v5 RENAME TO category_purposes;

CREATE TABLE systems_v5 (
    system_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    medium VARCHAR NOT NULL DEFAULT 'electronic' CHECK (medium IN ('electronic', 'paper')),
    country VARCHAR NOT NULL DEFAULT 'JP' CHECK (length(country) = 2),
    hosting VARCHAR CHECK (hosting IN ('on_premise', 'cloud', 'saas', 'office')),
    processor_id VARCHAR,
    cloud_no_handling BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO systems_v5 SELECT * FROM systems;
DROP TABLE systems;
ALTER TABLE systems_v5 RENAME TO systems;

CREATE TABLE category_systems_v5 (
    category_id VARCHAR NOT NULL,
    system_id VARCHAR NOT NULL
);
INSERT INTO category_systems_v5 SELECT * FROM category_systems;
DROP TABLE category_systems;
ALTER TABLE category_systems_v5 RENAME TO category_systems;

CREATE TABLE processors_v5 (
    processor_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL CHECK (length(country) = 2),
    service VARCHAR,
    parent_id VARCHAR,
    selection_checked DATE,
    contract_date DATE,
    contract_security_terms BOOLEAN NOT NULL DEFAULT false,
    contract_audit_clause BOOLEAN NOT NULL DEFAULT false,
    last_supervised DATE,
    reconsignment_approved BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO processors_v5 SELECT * FROM processors;
DROP TABLE processors;
ALTER TABLE processors_v5 RENAME TO processors;

CREATE TABLE category_processors_v5 (
    category_id VARCHAR NOT NULL,
    processor_id VARCHAR NOT NULL
);
INSERT INTO category_processors_v5 SELECT * FROM category_processors;
DROP TABLE category_processors;
ALTER TABLE category_processors_v5 RENAME TO category_processors;

CREATE TABLE recipients_v5 (
    recipient_id VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL CHECK (length(country) = 2),
    basis VARCHAR CHECK (basis IN ('consent', 'law', 'vital_interest', 'public_health', 'public_agency',
                                   'opt_out', 'joint_use', 'succession', 'none')),
    record_kept BOOLEAN NOT NULL DEFAULT false,
    last_provided DATE,
    links_identifiers BOOLEAN NOT NULL DEFAULT false
);
INSERT INTO recipients_v5 SELECT * FROM recipients;
DROP TABLE recipients;
ALTER TABLE recipients_v5 RENAME TO recipients;

CREATE TABLE category_recipients_v5 (
    category_id VARCHAR NOT NULL,
    recipient_id VARCHAR NOT NULL
);
INSERT INTO category_recipients_v5 SELECT * FROM category_recipients;
DROP TABLE category_recipients;
ALTER TABLE category_recipients_v5 RENAME TO category_recipients;

CREATE TABLE transfers_v5 (
    transfer_id VARCHAR NOT NULL,
    party_type VARCHAR NOT NULL CHECK (party_type IN ('processor', 'recipient')),
    party_id VARCHAR NOT NULL,
    category_id VARCHAR,
    route VARCHAR NOT NULL CHECK (route IN ('consent', 'standard_measures', 'adequacy', 'exception', 'none')),
    info_provided BOOLEAN NOT NULL DEFAULT false,
    contract_on_file BOOLEAN NOT NULL DEFAULT false,
    last_checked DATE
);
INSERT INTO transfers_v5 SELECT * FROM transfers;
DROP TABLE transfers;
ALTER TABLE transfers_v5 RENAME TO transfers;

CREATE TABLE countries_v5 (
    country VARCHAR NOT NULL CHECK (length(country) = 2),
    regime_assessed DATE,
    notes VARCHAR
);
INSERT INTO countries_v5 SELECT * FROM countries;
DROP TABLE countries;
ALTER TABLE countries_v5 RENAME TO countries;

CREATE TABLE controls_v5 (
    control_id VARCHAR NOT NULL,
    measure VARCHAR NOT NULL,
    domain VARCHAR CHECK (domain IN ('POL', 'RUL', 'ORG', 'HUM', 'PHY', 'TEC', 'EXT')),
    title VARCHAR NOT NULL,
    scope VARCHAR NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('implemented', 'partial', 'planned', 'not_applicable')),
    owner VARCHAR,
    evidence VARCHAR,
    last_reviewed DATE,
    review_months BIGINT NOT NULL DEFAULT 12 CHECK (review_months >= 1)
);
INSERT INTO controls_v5 SELECT * FROM controls;
DROP TABLE controls;
ALTER TABLE controls_v5 RENAME TO controls;
