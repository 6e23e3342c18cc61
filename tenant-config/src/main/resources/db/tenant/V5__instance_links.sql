-- What each instance is linked to, kept on its row instead of worked out on every read: the parent instance it
-- follows, and the regulations, assessments and groups that need it. Both change only when assessments come and
-- go (an assessment's mappings are a snapshot, and instances are added and removed with them), so the code that
-- adds and removes instances brings them up to date from the view below, which holds the rules.
--
-- parent_instance_id: an action whose testing source is its parent follows the parent's instance (of the same
-- group, or the tenant-wide one) when the tenant has it, and keeps its own statuses otherwise.
-- needed_by_*: the regulations, assessments and groups whose assessments map the instance's action (an instance of
-- one group, only that group's assessments).
CREATE VIEW action_instance_links AS
WITH mapped AS (SELECT DISTINCT aca.action_id, s.id AS assessment_id, s.group_id, s.regulation
                FROM assessment_control_action aca
                JOIN assessment_control ac ON ac.id = aca.control_id
                JOIN assessment s ON s.id = ac.assessment_id),
     needs AS (SELECT i.id,
                      string_agg(DISTINCT n.regulation, E'\n' ORDER BY n.regulation) AS regulations,
                      string_agg(DISTINCT n.assessment_id::text, ',') AS assessments,
                      string_agg(DISTINCT n.group_id::text, ',') AS groups
               FROM action_instance i
               JOIN mapped n ON n.action_id = i.action_id AND (i.group_id IS NULL OR n.group_id = i.group_id)
               GROUP BY i.id)
SELECT i.id, p.id AS parent_instance_id, n.regulations, n.assessments, n.groups
FROM action_instance i
JOIN action a ON a.id = i.action_id
LEFT JOIN action pa ON a.testing_source = 'PARENT' AND pa.action_key = a.parent_key
LEFT JOIN action_instance p ON p.action_id = pa.id AND (p.group_id IS NULL OR p.group_id = i.group_id)
LEFT JOIN needs n ON n.id = i.id;

ALTER TABLE action_instance
    ADD COLUMN parent_instance_id     bigint REFERENCES action_instance (id) ON DELETE SET NULL,
    ADD COLUMN needed_by_regulations  text,
    ADD COLUMN needed_by_assessments  text,
    ADD COLUMN needed_by_groups       text;
-- the instances following one that changed are found by it
CREATE INDEX action_instance_parent ON action_instance (parent_instance_id);

UPDATE action_instance i
SET parent_instance_id = l.parent_instance_id, needed_by_regulations = l.regulations,
    needed_by_assessments = l.assessments, needed_by_groups = l.groups
FROM action_instance_links l
WHERE l.id = i.id;

-- Each instance's statuses as they count (the parent's, for an instance that follows one), from the kept link.
-- needs_retest: the instance (or the parent it follows) has evidence whose validity has ended.
CREATE OR REPLACE VIEW action_instance_effective AS
SELECT i.id,
       p.id AS parent_instance_id,
       coalesce(p.implementation_status, i.implementation_status) AS implementation_status,
       CASE WHEN p.id IS NULL THEN i.implementation_date ELSE p.implementation_date END AS implementation_date,
       coalesce(p.test_status, i.test_status) AS test_status,
       CASE WHEN p.id IS NULL THEN i.passed_fraction ELSE p.passed_fraction END AS passed_fraction,
       EXISTS (SELECT 1 FROM evidence e
               WHERE e.instance_id = coalesce(p.id, i.id) AND e.valid_until < current_date) AS needs_retest
FROM action_instance i
LEFT JOIN action_instance p ON p.id = i.parent_instance_id;
