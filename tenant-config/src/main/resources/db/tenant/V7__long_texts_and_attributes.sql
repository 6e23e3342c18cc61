-- Templates imported from files carry long texts (OSCAL prose) and what their format holds beyond Regulus' own
-- fields (kept for a lossless export): the same widening as the platform's library (platform V7).
ALTER TABLE private_template ALTER COLUMN description TYPE text, ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}';
ALTER TABLE private_control ALTER COLUMN description TYPE text;
ALTER TABLE assessment_control ALTER COLUMN description TYPE text;
ALTER TABLE action
    ALTER COLUMN description TYPE text,
    ALTER COLUMN how_to TYPE text,
    ADD COLUMN attributes jsonb NOT NULL DEFAULT '{}';
