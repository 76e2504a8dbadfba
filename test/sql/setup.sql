-- Installs the extension for the rest of the suite, and the helpers the
-- test files share (schema sla_test; pg_regress runs each file in its own
-- session, so pg_temp functions would have to be repeated in each).
CREATE EXTENSION sla;
SELECT extname, extversion FROM pg_extension WHERE extname = 'sla';

CREATE SCHEMA sla_test;

-- Run a statement and report its SQLSTATE and message instead of failing.
CREATE FUNCTION sla_test.try(query text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
	EXECUTE query;
	RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- Berlin wall-clock text -> instant, and instant -> "Dy YYYY-MM-DD HH:MI:SS[.US]" in Berlin.
CREATE FUNCTION sla_test.berlin(local text) RETURNS timestamptz
LANGUAGE sql AS $$ SELECT local::timestamp AT TIME ZONE 'Europe/Berlin' $$;
CREATE FUNCTION sla_test.berlin_text(t timestamptz) RETURNS text
LANGUAGE sql AS $$
	SELECT CASE WHEN isfinite(t) THEN to_char(t AT TIME ZONE 'Europe/Berlin', 'Dy ') || (t AT TIME ZONE 'Europe/Berlin')::text
				ELSE t::text END
$$;
