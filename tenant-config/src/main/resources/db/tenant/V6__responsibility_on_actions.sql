-- Responsibility belongs to the improvement action (PRODUCT.md, Concepts): which assessments exist never changes
-- it. A control's responsibility is derived from its actions (provider, customer, or shared when it holds both).
--
-- Each action keeps the responsibility it scores with today, so no score and no instance changes: provider-managed
-- when every assessment control that maps it is. An action no assessment maps takes the library's responsibility
-- (a library action), or else its private templates' (provider-managed when every control that maps it is).
ALTER TABLE action ADD COLUMN managed_by varchar(20);

UPDATE action a SET managed_by = CASE WHEN m.provider THEN 'PROVIDER' ELSE 'CUSTOMER' END
FROM (SELECT aca.action_id, bool_and(ac.managed_by = 'PROVIDER') AS provider
      FROM assessment_control_action aca JOIN assessment_control ac ON ac.id = aca.control_id
      GROUP BY aca.action_id) m
WHERE m.action_id = a.id;

UPDATE action a SET managed_by = la.managed_by
FROM platform.library_action la
WHERE a.managed_by IS NULL AND a.origin = 'LIBRARY' AND la.action_key = a.action_key;

UPDATE action a SET managed_by = CASE WHEN m.provider THEN 'PROVIDER' ELSE 'CUSTOMER' END
FROM (SELECT pca.action_id, bool_and(pc.managed_by = 'PROVIDER') AS provider
      FROM private_control_action pca JOIN private_control pc ON pc.id = pca.control_id
      GROUP BY pca.action_id) m
WHERE a.managed_by IS NULL AND m.action_id = a.id;

UPDATE action SET managed_by = 'CUSTOMER' WHERE managed_by IS NULL;

ALTER TABLE action
    ALTER COLUMN managed_by SET NOT NULL,
    ADD CONSTRAINT action_managed_known CHECK (managed_by IN ('CUSTOMER', 'PROVIDER'));

-- The instances the assessments need (PRODUCT.md, scoring rule 5): a provider-managed or a technical action has one
-- for the whole tenant (group_id null), a customer operational or documentation action one per group.
CREATE OR REPLACE VIEW action_instance_needed AS
SELECT DISTINCT aca.action_id,
       CASE WHEN act.managed_by = 'PROVIDER' OR act.action_type = 'TECHNICAL' THEN NULL ELSE a.group_id END
           AS group_id
FROM assessment_control_action aca
JOIN assessment_control ac ON ac.id = aca.control_id
JOIN assessment a ON a.id = ac.assessment_id
JOIN action act ON act.id = aca.action_id;

ALTER TABLE assessment_control DROP COLUMN managed_by;
ALTER TABLE private_control DROP COLUMN managed_by;

-- A test status is recorded only once the action is implemented or implemented another way (PRODUCT.md, Action
-- workflow): an implementation out of scope took test results until now. They go, with a line in the history;
-- being out of scope, they counted for nothing.
WITH reset AS (
    UPDATE action_instance i SET test_status = 'NONE', passed_fraction = NULL, version = i.version + 1,
                                 updated_at = now(), updated_by = 'migration'
    FROM action_instance was
    WHERE was.id = i.id AND i.test_status <> 'NONE'
      AND i.implementation_status NOT IN ('IMPLEMENTED', 'ALTERNATIVE_IMPLEMENTATION')
    RETURNING i.id, i.action_id, i.group_id, was.test_status)
INSERT INTO action_history (instance_id, action_key, group_id, field, old_value, new_value, changed_by,
                            changed_by_name, changed_at)
SELECT reset.id, a.action_key, reset.group_id, 'testStatus', reset.test_status, 'NONE', 'migration',
       'Regulus (a test status needs the action implemented)', now()
FROM reset JOIN action a ON a.id = reset.action_id;

ALTER TABLE action_instance ADD CONSTRAINT action_instance_test_rule
    CHECK (test_status = 'NONE' OR implementation_status IN ('IMPLEMENTED', 'ALTERNATIVE_IMPLEMENTATION'));

-- Why a person overrode an automatic test, kept on the instance while the status they set stands (it was in the
-- history alone): the newest reason of each instance whose test status is set.
ALTER TABLE action_instance ADD COLUMN test_override_reason varchar(1000);
UPDATE action_instance i SET test_override_reason = h.new_value
FROM (SELECT DISTINCT ON (instance_id) instance_id, new_value FROM action_history
      WHERE field = 'testOverrideReason' ORDER BY instance_id, changed_at DESC, id DESC) h
WHERE h.instance_id = i.id AND i.test_status <> 'NONE';
