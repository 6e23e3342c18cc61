-- Provenance: a template version and each of its controls link to the official text they restate (EUR-Lex, the
-- eCFR, California's legislative site, Brazil's Planalto, NIST). A control without a link of its own is read
-- against its version's.
ALTER TABLE template_version ADD COLUMN source_url varchar(500);
ALTER TABLE template_control ADD COLUMN source_url varchar(500);

-- The built-in library as last loaded: the digest of all its files, so a start with the same files does nothing.
CREATE TABLE library_load (
    id              smallint     PRIMARY KEY CHECK (id = 1),
    content_sha256  char(64)     NOT NULL,
    loaded_at       timestamptz  NOT NULL,
    actions         integer      NOT NULL,
    versions        integer      NOT NULL
);
