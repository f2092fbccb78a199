-- 演示时钟 (demo clock): how far the application's date is ahead of the real date, in demo mode only. One row, read
-- by every node every few seconds; only ever increased (an administrator moves the date forward, never back).
CREATE TABLE demo_clock (
    id             smallint PRIMARY KEY CHECK (id = 1),
    offset_seconds bigint NOT NULL DEFAULT 0 CHECK (offset_seconds >= 0),
    version        integer NOT NULL DEFAULT 0,
    moved_by       varchar(100),
    moved_at       timestamptz
);

INSERT INTO demo_clock (id) VALUES (1);
