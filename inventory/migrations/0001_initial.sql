-- The inventory tables of shared/spec/interchange.md (v1).
-- References between tables are checked by the pandera models before any write, not by FOREIGN KEY:
-- DuckDB cannot cascade, and one transaction cannot delete a child and its parent, which a
-- replace-all import and the editor's saves both need.

CREATE TABLE organization (
    name VARCHAR, name_ja VARCHAR, address VARCHAR, representative VARCHAR, contact VARCHAR,
    sme BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE categories (
    category_id VARCHAR PRIMARY KEY,
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

CREATE TABLE purposes (
    purpose_id VARCHAR PRIMARY KEY,
    description VARCHAR NOT NULL,
    description_ja VARCHAR,
    published BOOLEAN NOT NULL DEFAULT false,
    notice_url VARCHAR,
    third_party_provision BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE category_purposes (
    category_id VARCHAR NOT NULL,
    purpose_id VARCHAR NOT NULL,
    PRIMARY KEY (category_id, purpose_id)
);

CREATE TABLE systems (
    system_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    medium VARCHAR NOT NULL DEFAULT 'electronic' CHECK (medium IN ('electronic', 'paper')),
    country VARCHAR NOT NULL DEFAULT 'JP' CHECK (length(country) = 2),
    hosting VARCHAR CHECK (hosting IN ('on_premise', 'cloud', 'saas', 'office')),
    processor_id VARCHAR,
    cloud_no_handling BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE category_systems (
    category_id VARCHAR NOT NULL,
    system_id VARCHAR NOT NULL,
    PRIMARY KEY (category_id, system_id)
);

CREATE TABLE processors (
    processor_id VARCHAR PRIMARY KEY,
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

CREATE TABLE category_processors (
    category_id VARCHAR NOT NULL,
    processor_id VARCHAR NOT NULL,
    PRIMARY KEY (category_id, processor_id)
);

-- basis may be NULL: an empty cell in recipients.csv means `none` (interchange.md).
CREATE TABLE recipients (
    recipient_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    country VARCHAR NOT NULL CHECK (length(country) = 2),
    basis VARCHAR CHECK (basis IN ('consent', 'law', 'vital_interest', 'public_health', 'public_agency',
                                   'opt_out', 'joint_use', 'succession', 'none')),
    record_kept BOOLEAN NOT NULL DEFAULT false,
    last_provided DATE,
    links_identifiers BOOLEAN NOT NULL DEFAULT false
);

CREATE TABLE category_recipients (
    category_id VARCHAR NOT NULL,
    recipient_id VARCHAR NOT NULL,
    PRIMARY KEY (category_id, recipient_id)
);

CREATE TABLE transfers (
    transfer_id VARCHAR PRIMARY KEY,
    party_type VARCHAR NOT NULL CHECK (party_type IN ('processor', 'recipient')),
    party_id VARCHAR NOT NULL,
    category_id VARCHAR,
    route VARCHAR NOT NULL CHECK (route IN ('consent', 'standard_measures', 'adequacy', 'exception', 'none')),
    info_provided BOOLEAN NOT NULL DEFAULT false,
    contract_on_file BOOLEAN NOT NULL DEFAULT false,
    last_checked DATE
);

CREATE TABLE countries (
    country VARCHAR PRIMARY KEY CHECK (length(country) = 2),
    regime_assessed DATE,
    notes VARCHAR
);

CREATE TABLE controls (
    control_id VARCHAR PRIMARY KEY,
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
