-- A counter that every write to the inventory raises in its own transaction. Readers cache
-- on it (the dashboard keys its caches by it), so a page can never show data older than the
-- last write.
CREATE TABLE inventory_state (
    data_version BIGINT NOT NULL,
    changed_at TIMESTAMP NOT NULL
);
INSERT INTO inventory_state VALUES (0, now());
