-- Items (事项). The content is one JSON document (the department's statement, validated by the
-- application); title, theme and status are columns for lists and search.
CREATE TABLE item (
    id                 BIGSERIAL PRIMARY KEY,
    department_id      BIGINT       NOT NULL REFERENCES organization (id),
    status             VARCHAR(20)  NOT NULL,
    title              VARCHAR(100) NOT NULL,
    theme              VARCHAR(100),
    content            JSONB        NOT NULL,
    submitted_versions INTEGER      NOT NULL DEFAULT 0,
    return_reason      VARCHAR(1000),
    created_by         VARCHAR(60)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    updated_at         TIMESTAMPTZ  NOT NULL,
    version            INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT item_status_ck CHECK (status IN ('DRAFT', 'SUBMITTED', 'RETURNED', 'WITHDRAWN'))
);
CREATE INDEX item_department_idx ON item (department_id);
CREATE INDEX item_status_idx ON item (status);

-- Every submission, as submitted: the record reviewers and the diff between versions read.
CREATE TABLE item_version (
    item_id      BIGINT      NOT NULL REFERENCES item (id),
    number       INTEGER     NOT NULL,
    content      JSONB       NOT NULL,
    submitted_by VARCHAR(60) NOT NULL,
    submitted_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item_id, number)
);
