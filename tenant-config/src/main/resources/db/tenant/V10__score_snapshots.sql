-- The tenant's scores as the nightly recomputation found them (docs/history.md): one row per day and scope, the
-- scope being the whole tenant, the provider's points, an assessment (by id), a group, a category or a regulation
-- (by name). Re-running a day replaces its rows. The day's counts of actions (by implementation status, by test
-- status, overdue) sit beside them, one row per day, measure and value.
CREATE TABLE score_snapshot (
    day       date             NOT NULL,
    kind      text             NOT NULL,
    scope_key text             NOT NULL,
    label     text             NOT NULL,
    achieved  double precision NOT NULL,
    possible  double precision NOT NULL,
    PRIMARY KEY (day, kind, scope_key),
    CONSTRAINT score_snapshot_kind_known
        CHECK (kind IN ('TENANT', 'PROVIDER', 'ASSESSMENT', 'GROUP', 'CATEGORY', 'REGULATION'))
);

CREATE TABLE action_count_snapshot (
    day     date    NOT NULL,
    measure text    NOT NULL,
    value   text    NOT NULL,
    actions integer NOT NULL,
    PRIMARY KEY (day, measure, value),
    CONSTRAINT action_count_snapshot_measure_known CHECK (measure IN ('IMPLEMENTATION', 'TEST', 'OVERDUE'))
);
