-- The scheduled runs of jobs: one row per job and day, claimed by the first node whose timer fires (INSERT ... ON
-- CONFLICT DO NOTHING on the primary key), so that two servers sharing this database start one run a day. The
-- execution id is the job repository's (batch_jobexecution), set once the run has started.
CREATE TABLE scheduled_run (
    job           varchar(100)  NOT NULL,
    day           date          NOT NULL,
    execution_id  bigint,
    node          varchar(255)  NOT NULL,
    claimed_at    timestamptz   NOT NULL,
    PRIMARY KEY (job, day)
);
