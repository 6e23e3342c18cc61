-- The sweep's latest decision on each automatically tested instance (docs/signals.md, "The sweep and overrides"):
-- when, the status and the fraction its rule gave (measured: PASSED shows the fraction measured too), the explanation
-- in words and the ids of the signals that decided it. applied is false when the sweep left the instance's status
-- alone: overridden by a person (test_override_reason set), or not implemented (a test status needs the action
-- implemented); the decision then says what the sweep would have set. The changes it made are in action_history.
CREATE TABLE test_decision (
    instance_id      bigint        PRIMARY KEY REFERENCES action_instance (id) ON DELETE CASCADE,
    decided_at       timestamptz   NOT NULL,
    status           varchar(30)   NOT NULL,
    measured         numeric(5, 4),
    explanation      varchar(4000) NOT NULL,
    signal_ids       bigint[]      NOT NULL,
    applied          boolean       NOT NULL,
    CONSTRAINT test_decision_measured_range CHECK (measured IS NULL OR measured BETWEEN 0 AND 1)
);
