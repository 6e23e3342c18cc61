-- Responsibility belongs to the improvement action (PRODUCT.md, Concepts): a library action is customer- or
-- provider-managed whatever the templates that map it. Each action takes the responsibility it had: provider-managed
-- when every control that mapped it was. A control's responsibility is derived from its actions from now on.
ALTER TABLE library_action ADD COLUMN managed_by varchar(20) NOT NULL DEFAULT 'CUSTOMER';
UPDATE library_action la SET managed_by = 'PROVIDER'
WHERE EXISTS (SELECT 1 FROM template_control_action tca WHERE tca.action_id = la.id)
  AND NOT EXISTS (SELECT 1 FROM template_control_action tca JOIN template_control tc ON tc.id = tca.control_id
                  WHERE tca.action_id = la.id AND tc.managed_by <> 'PROVIDER');
ALTER TABLE library_action
    ALTER COLUMN managed_by DROP DEFAULT,
    ADD CONSTRAINT library_action_managed_known CHECK (managed_by IN ('CUSTOMER', 'PROVIDER'));
ALTER TABLE template_control DROP COLUMN managed_by;

-- The built-in template files moved their controls' responsibility to their actions (library/actions.json) and
-- mean nothing else: the published versions keep their content, under the hash of the new files.
UPDATE template_version SET content_sha256 = '5134f87580b7c7f9ec55179ce1fca960d776066dc01dc5899ed0e08ed752ca89'
WHERE content_sha256 = '5f14fb73a839993f0df468dd194aa4d2e7cd8c67c97c2d5707c1899bd85b1d27';
UPDATE template_version SET content_sha256 = 'f73393c07554b0edf69df6728abf3216e5aba78acd352d83daaecadf3bfcaa65'
WHERE content_sha256 = '6539fdc968e5b5bc678fdaf6fad4f09c6d05805ea458c003946432e773a58761';
