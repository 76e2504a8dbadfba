#!/bin/sh
# Runs the reference model (test/reference/model.sql) against a file of expected answers, lines
#   select 'name', sla.f(...) = expected;
# after the statements that create its calendars, in a database of its own without the extension:
# stand-in tables sla.calendar / sla.calendar_exception, and sla.* calls rewritten to sla_ref.*.
# The model is materialised for the local dates 2026-01-01 .. 2034-12-31.
# Prints the failing check lines only (none when the model agrees), then a count.
#   usage: pg_virtualenv -t test/reference/check_examples.sh answers.sql
set -eu
if [ $# -ne 1 ] || [ ! -r "$1" ]; then
    echo "usage: $0 answers.sql" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ex=$1
db=sla_ref_examples
out=$(mktemp)
trap 'rm -f "$out"' EXIT
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
    echo "insert into sla_ref.want select name, '{[2026-01-01, 2035-01-01)}' from sla.calendar;"
    echo "select sla_ref.build();"
    grep "^select '" "$ex" | sed 's/sla\.\(business_add\|business_elapsed\|is_open\|next_open\|next_close\|open_periods\)(/sla_ref.\1(/'
} | psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f - > "$out"
grep -v '|t$' "$out" | grep -v '^$' || true
echo "checks: $(grep -c '|' "$out"), agreeing: $(grep -c '|t$' "$out")"
rm -f "$out"
dropdb "$db"
