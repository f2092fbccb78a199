-- Insight (read side): its own read model, fed by the events other modules publish, never by their tables.
-- insight_unit: the places and bodies facts are counted by (an organisation's id, or a synthetic id of the
-- national generator), with the town, district and province they roll up to.
CREATE TABLE insight_unit (
    id          BIGINT       PRIMARY KEY,
    kind        VARCHAR(20)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    town_id     BIGINT,
    district_id BIGINT,
    province_id BIGINT,
    synthetic   BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT insight_unit_kind_ck CHECK (kind IN ('SCHOOL', 'DEPARTMENT', 'TOWN', 'DISTRICT', 'CITY', 'PROVINCE', 'OTHER'))
);
CREATE INDEX insight_unit_district_ix ON insight_unit (district_id, kind);

-- One fact per thing that happened (a sentinel record, an approved item, a complaint …), idempotent by source_key.
CREATE TABLE insight_fact (
    id            BIGSERIAL    PRIMARY KEY,
    kind          VARCHAR(30)  NOT NULL,
    occurred_on   DATE         NOT NULL,
    province_id   BIGINT,
    district_id   BIGINT,
    town_id       BIGINT,
    school_id     BIGINT,
    department_id BIGINT,
    theme         VARCHAR(200),
    category      VARCHAR(60),
    hours         NUMERIC(8, 1),
    days          INTEGER,
    source_key    VARCHAR(120) NOT NULL UNIQUE,
    synthetic     BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX insight_fact_district_ix ON insight_fact (district_id, occurred_on, kind);
CREATE INDEX insight_fact_town_ix ON insight_fact (town_id, occurred_on) WHERE town_id IS NOT NULL;
CREATE INDEX insight_fact_school_ix ON insight_fact (school_id, occurred_on) WHERE school_id IS NOT NULL;
CREATE INDEX insight_fact_department_ix ON insight_fact (department_id, occurred_on) WHERE department_id IS NOT NULL;

-- Per district, department, kind and month: what a province or the country rolls up from.
CREATE TABLE insight_district_month (
    month         DATE         NOT NULL,
    kind          VARCHAR(30)  NOT NULL,
    province_id   BIGINT       NOT NULL DEFAULT 0,
    district_id   BIGINT       NOT NULL DEFAULT 0,
    department_id BIGINT       NOT NULL DEFAULT 0,
    facts         BIGINT       NOT NULL,
    hours         NUMERIC(14, 1) NOT NULL DEFAULT 0,
    days          BIGINT       NOT NULL DEFAULT 0,
    PRIMARY KEY (district_id, month, kind, department_id)
);
CREATE INDEX insight_district_month_month_ix ON insight_district_month (month, kind);

-- Supervision cases as insight follows them from their events: where, since when, and how verified.
CREATE TABLE insight_case (
    case_id         BIGINT      PRIMARY KEY,
    jurisdiction_id BIGINT,
    opened_on       DATE        NOT NULL,
    outcome         VARCHAR(30)
);
