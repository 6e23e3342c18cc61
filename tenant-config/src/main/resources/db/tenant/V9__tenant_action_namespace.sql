-- A tenant's own actions get their own key namespace (docs/templates.md, "Action keys"): "tenant:name", where the
-- library's keys are plain names. Until now both shared one space, so a library version adding a key a tenant already
-- used would have let the tenant's action stand in for the library's. Every key of a TENANT action is renamed wherever
-- a key is kept as text (the action, the actions naming it as their parent, the history); everything else refers to
-- actions by id. Only keys without a colon are renamed, so running it again changes nothing.
--
-- The whole key stays within 80 characters, as new keys do: a name longer than the 73 left after "tenant:" keeps its
-- start and a digest of the whole, as the import's derived keys do (ActionKeys).
CREATE TEMPORARY TABLE renamed_action_key ON COMMIT DROP AS
SELECT a.action_key AS old_key,
       'tenant:' || CASE WHEN length(a.action_key) <= 73 THEN a.action_key
                         ELSE rtrim(left(a.action_key, 62), '-') || '-'
                              || left(encode(sha256(convert_to(a.action_key, 'UTF8')), 'hex'), 10) END AS new_key
FROM action a
WHERE a.origin = 'TENANT' AND position(':' IN a.action_key) = 0;

UPDATE action_history h SET action_key = r.new_key
FROM renamed_action_key r
WHERE h.action_key = r.old_key;

-- only a tenant action's parent can be one of its own; a library action's parent_key names the library's action
UPDATE action c SET parent_key = r.new_key
FROM renamed_action_key r
WHERE c.origin = 'TENANT' AND c.parent_key = r.old_key;

UPDATE action a SET action_key = r.new_key
FROM renamed_action_key r
WHERE a.action_key = r.old_key AND a.origin = 'TENANT';

DROP TABLE renamed_action_key;

-- from now on a key says whose the action is: the tenant's own in its namespace, the library's outside it
ALTER TABLE action DROP CONSTRAINT IF EXISTS action_key_namespace;
ALTER TABLE action ADD CONSTRAINT action_key_namespace CHECK ((origin = 'TENANT') = (action_key LIKE 'tenant:%'));
