-- Working-day calendar (工作日历). Monday to Friday are working days unless a day below says otherwise:
-- HOLIDAY (放假, including the weekend days inside a holiday period) or ADJUSTED_WORKDAY (调休上班, a
-- Saturday or Sunday on which people work). A year counts as configured once its arrangement has been
-- entered from the State Council's notice; deadlines in an unconfigured year count weekends only.
CREATE TABLE calendar_day (
    day  DATE        PRIMARY KEY,
    kind VARCHAR(20) NOT NULL,
    name VARCHAR(40) NOT NULL,
    CONSTRAINT calendar_day_kind_ck CHECK (kind IN ('HOLIDAY', 'ADJUSTED_WORKDAY')),
    CONSTRAINT calendar_day_workday_ck CHECK (kind <> 'ADJUSTED_WORKDAY' OR extract(isodow FROM day) IN (6, 7))
);

CREATE TABLE calendar_year (
    year          INTEGER      PRIMARY KEY,
    configured_by VARCHAR(60)  NOT NULL,
    configured_at TIMESTAMPTZ  NOT NULL,
    note          VARCHAR(200),
    CONSTRAINT calendar_year_range_ck CHECK (year BETWEEN 2000 AND 2100)
);

-- 2025: 国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2025-01-01', 'HOLIDAY', '元旦'),
    ('2025-01-28', 'HOLIDAY', '春节'),
    ('2025-01-29', 'HOLIDAY', '春节'),
    ('2025-01-30', 'HOLIDAY', '春节'),
    ('2025-01-31', 'HOLIDAY', '春节'),
    ('2025-02-01', 'HOLIDAY', '春节'),
    ('2025-02-02', 'HOLIDAY', '春节'),
    ('2025-02-03', 'HOLIDAY', '春节'),
    ('2025-02-04', 'HOLIDAY', '春节'),
    ('2025-01-26', 'ADJUSTED_WORKDAY', '春节调休上班'),
    ('2025-02-08', 'ADJUSTED_WORKDAY', '春节调休上班'),
    ('2025-04-04', 'HOLIDAY', '清明节'),
    ('2025-04-05', 'HOLIDAY', '清明节'),
    ('2025-04-06', 'HOLIDAY', '清明节'),
    ('2025-05-01', 'HOLIDAY', '劳动节'),
    ('2025-05-02', 'HOLIDAY', '劳动节'),
    ('2025-05-03', 'HOLIDAY', '劳动节'),
    ('2025-05-04', 'HOLIDAY', '劳动节'),
    ('2025-05-05', 'HOLIDAY', '劳动节'),
    ('2025-04-27', 'ADJUSTED_WORKDAY', '劳动节调休上班'),
    ('2025-05-31', 'HOLIDAY', '端午节'),
    ('2025-06-01', 'HOLIDAY', '端午节'),
    ('2025-06-02', 'HOLIDAY', '端午节'),
    ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
    ('2025-09-28', 'ADJUSTED_WORKDAY', '国庆节、中秋节调休上班'),
    ('2025-10-11', 'ADJUSTED_WORKDAY', '国庆节、中秋节调休上班');
INSERT INTO calendar_year (year, configured_by, configured_at, note)
VALUES (2025, 'system', now(), '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）');

-- 2026: 国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）
INSERT INTO calendar_day (day, kind, name) VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'ADJUSTED_WORKDAY', '元旦调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-14', 'ADJUSTED_WORKDAY', '春节调休上班'),
    ('2026-02-28', 'ADJUSTED_WORKDAY', '春节调休上班'),
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'ADJUSTED_WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-09-20', 'ADJUSTED_WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'ADJUSTED_WORKDAY', '国庆节调休上班');
INSERT INTO calendar_year (year, configured_by, configured_at, note)
VALUES (2026, 'system', now(), '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）');
