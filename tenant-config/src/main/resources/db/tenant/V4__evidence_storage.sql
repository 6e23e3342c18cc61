-- Evidence files are mostly compressed already (PDF, Office, images, ZIP): keep them out of line uncompressed, so
-- no CPU goes into compressing them again and a download reads them in slices (substring) without unpacking
-- everything before the slice.
ALTER TABLE evidence ALTER COLUMN content SET STORAGE EXTERNAL;
