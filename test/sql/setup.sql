-- Installs the extension for the rest of the suite.
CREATE EXTENSION sla;
SELECT extname, extversion FROM pg_extension WHERE extname = 'sla';
