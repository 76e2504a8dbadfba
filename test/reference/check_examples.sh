#!/bin/sh
# Runs the reference model (test/reference/model.sql) against the 256 expected answers in
# ../shared/examples/engine-examples.sql (beside the project's root), in a throwaway cluster, without the extension:
# stand-in tables sla.calendar / sla.calendar_exception, and sla.* calls rewritten to sla_ref.*.
# Prints the failing check lines only (none when the model agrees), then a count.
#   usage: pg_virtualenv test/reference/check_examples.sh [examples.sql]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
ex=${1:-$here/../../../shared/examples/engine-examples.sql}
db=sla_ref_examples
dropdb --if-exists "$db" 2>/dev/null; createdb "$db"
psql -X -q -v ON_ERROR_STOP=1 -d "$db" <<'SQL'
CREATE SCHEMA sla;
CREATE TABLE sla.calendar (name text PRIMARY KEY, time_zone text NOT NULL DEFAULT 'UTC', hours text NOT NULL, comment text);
CREATE TABLE sla.calendar_exception (calendar text REFERENCES sla.calendar, day date, hours text, reason text,
                                     PRIMARY KEY (calendar, day));
SQL
psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$here/model.sql"
{
    grep -v "^select '" "$ex"
    echo "select sla_ref.build('2026-01-01', '2034-12-31');"
    grep "^select '" "$ex" | sed 's/sla\.\(business_add\|business_elapsed\|is_open\|next_open\|next_close\)(/sla_ref.\1(/'
} | psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f - > "$db.out"
grep -v '|t$' "$db.out" | grep -v '^$' || true
echo "checks: $(grep -c '^ex ' "$db.out"), agreeing: $(grep -c '|t$' "$db.out")"
rm -f "$db.out"
