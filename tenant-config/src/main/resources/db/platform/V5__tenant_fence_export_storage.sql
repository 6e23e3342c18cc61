-- Entering a tenant, and fencing it for the export that precedes its deletion (docs/lifecycle.md).
--
-- Every tenant transaction enters its tenant through enter_tenant, in one statement: it takes the tenant's lock in
-- shared mode (held until the transaction ends), then reads the tenant's status afresh, and binds the schema
-- (SET LOCAL search_path) only when the tenant is ACTIVE. So, whatever a node's cached view of the registry says,
-- no transaction enters a tenant once its suspension has committed, and every transaction that entered before holds
-- the lock until it ends. An export of a suspended tenant first takes the same lock exclusively
-- (await_tenant_transactions): it waits for every transaction admitted before the suspension, on every node, and
-- its snapshot then holds every change the tenant will ever have.
--
-- The lock is the two-key advisory lock (1919248236, tenant id): the first key is a constant of Regulus ("regl" in ASCII),
-- apart from the single-key locks Flyway takes.
CREATE FUNCTION enter_tenant(p_schema text) RETURNS text
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_id     bigint;
    v_status text;
BEGIN
    -- the status must be read after the lock, in a snapshot of its own: READ COMMITTED gives each statement one
    IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'a tenant transaction runs at READ COMMITTED, not %', current_setting('transaction_isolation');
    END IF;
    SELECT id INTO v_id FROM platform.tenant WHERE schema_name = p_schema;
    IF v_id IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM pg_advisory_xact_lock_shared(1919248236, v_id::integer);
    SELECT status INTO v_status FROM platform.tenant WHERE id = v_id;
    IF v_status = 'ACTIVE' THEN
        PERFORM set_config('search_path', p_schema, true);
    END IF;
    RETURN v_status;
END
$$;

-- Returns once no transaction that entered the tenant before this call is running (called outside a transaction:
-- the lock goes with the statement).
CREATE FUNCTION await_tenant_transactions(p_tenant_id bigint) RETURNS void
    LANGUAGE sql VOLATILE AS $$
SELECT pg_advisory_xact_lock(1919248236, p_tenant_id::integer);
$$;

-- Archives leave the table for large objects: they are written and read as streams (a bytea is read whole and holds
-- at most 1 GB), and every node reaches them through the database, as it reaches everything else.
-- suspension_version: the tenant's registry version when the export was taken during a suspension, after the
-- export waited for every transaction admitted before it; null for an export of an active tenant. Deleting needs an
-- export of the current suspension.
ALTER TABLE tenant_export
    ADD COLUMN archive_oid        oid,
    ADD COLUMN suspension_version bigint;
UPDATE tenant_export SET archive_oid = lo_from_bytea(0, archive);
ALTER TABLE tenant_export
    ALTER COLUMN archive_oid SET NOT NULL,
    DROP COLUMN archive;
