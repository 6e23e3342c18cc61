-- The test rule a private template's version writes for an automatic action it declares (docs/signals.md, "Test
-- rules"): the catalogue's action.test_rule takes it when a group accepts that version, like the action's texts.
ALTER TABLE private_version_action ADD COLUMN test_rule jsonb;
