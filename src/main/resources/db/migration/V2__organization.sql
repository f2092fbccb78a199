-- Organisations: jurisdictions (city → district → town/street) and the bodies that act within them.
CREATE TABLE organization (
    id                BIGSERIAL PRIMARY KEY,
    code              VARCHAR(40)  NOT NULL UNIQUE,
    name              VARCHAR(100) NOT NULL,
    short_name        VARCHAR(40),
    kind              VARCHAR(30)  NOT NULL,
    jurisdiction_level VARCHAR(20),
    town_kind         VARCHAR(10),
    parent_id         BIGINT REFERENCES organization (id),
    school_stage      VARCHAR(30),
    monitoring_school BOOLEAN      NOT NULL DEFAULT FALSE,
    address           VARCHAR(200),
    contact_phone     VARCHAR(40),
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    version           INTEGER      NOT NULL DEFAULT 0,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT organization_kind_ck CHECK (kind IN ('JURISDICTION', 'SCHOOL', 'DEPARTMENT', 'EDUCATION_COMMISSION',
        'EXPERT_COMMITTEE', 'SUPERVISION_OFFICE', 'DISTRICT_LEADERSHIP_GROUP', 'MUNICIPAL_LEADERSHIP_GROUP')),
    CONSTRAINT organization_school_ck CHECK (kind <> 'SCHOOL' OR (school_stage IS NOT NULL AND parent_id IS NOT NULL)),
    CONSTRAINT organization_jurisdiction_ck CHECK ((kind = 'JURISDICTION') = (jurisdiction_level IS NOT NULL))
);
-- A school's name is unique among active schools: two "XX镇中心小学" would confuse every report.
CREATE UNIQUE INDEX organization_active_name_uq ON organization (kind, name) WHERE active;
CREATE INDEX organization_parent_idx ON organization (parent_id);
CREATE INDEX organization_kind_idx ON organization (kind);

CREATE TABLE account (
    id                   BIGSERIAL PRIMARY KEY,
    username             VARCHAR(60)  NOT NULL,
    display_name         VARCHAR(60)  NOT NULL,
    email                VARCHAR(120),
    phone                VARCHAR(30),
    password_hash        VARCHAR(200) NOT NULL,
    organization_id      BIGINT       NOT NULL REFERENCES organization (id),
    member_kind          VARCHAR(40),
    must_change_password BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins        INTEGER      NOT NULL DEFAULT 0,
    locked_until         TIMESTAMPTZ,
    active               BOOLEAN      NOT NULL DEFAULT TRUE,
    last_login_at        TIMESTAMPTZ,
    version              INTEGER      NOT NULL DEFAULT 0,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT account_member_kind_ck CHECK (member_kind IS NULL OR member_kind IN
        ('EDUCATION_EXPERT', 'PRINCIPAL_TEACHER_REPRESENTATIVE', 'NPC_DEPUTY', 'CPPCC_MEMBER'))
);
CREATE UNIQUE INDEX account_username_uq ON account (lower(username));
CREATE INDEX account_organization_idx ON account (organization_id);

CREATE TABLE account_role (
    account_id BIGINT      NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    role       VARCHAR(30) NOT NULL,
    PRIMARY KEY (account_id, role)
);

-- Personal access tokens for API clients; only a SHA-256 digest of the secret is kept.
CREATE TABLE access_token (
    id           BIGSERIAL PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    name         VARCHAR(60)  NOT NULL,
    token_prefix VARCHAR(16)  NOT NULL,
    token_hash   CHAR(64)     NOT NULL UNIQUE,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ  NOT NULL,
    last_used_at TIMESTAMPTZ,
    revoked_at   TIMESTAMPTZ
);
CREATE INDEX access_token_account_idx ON access_token (account_id);

-- Codes for organisations that have no official code of their own (departments, committees, …).
CREATE SEQUENCE organization_code_seq START 1001;
