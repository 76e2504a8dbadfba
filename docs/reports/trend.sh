#!/bin/bash
# Draws docs/reports/compliance-trend.png: resolution compliance by priority and
# month on the demo data of docs/reports.md.  Loads that page's first three sql
# blocks (the data and sla.track) into a new database of the cluster the PG*
# variables point at, reads sla.compliance_monthly as of the end of June 2026,
# and plots it with gnuplot (Debian gnuplot-nox).  E.g.:
#     pg_virtualenv docs/reports/trend.sh
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
doc=$here/../reports.md
out=${1:-$here/compliance-trend.png}
db=sla_reports_trend
work=$(mktemp -d)
trap 'rm -rf "$work"; dropdb --if-exists "$db" > /dev/null 2>&1 || true' EXIT

dropdb --if-exists "$db" > /dev/null 2>&1 || true
createdb -T template0 -E UTF8 --locale C "$db"
awk '/^```sql$/ { n++; inside = 1; next } /^```/ { inside = 0 } inside && n <= 3' "$doc" |
	psql -X -q -v ON_ERROR_STOP=1 -d "$db" > /dev/null
# month, then one column per priority (the demo's P1 to P4)
psql -X -q -At -F ' ' -v ON_ERROR_STOP=1 -d "$db" > "$work/wide" <<'SQL'
SET sla.now = '2026-07-01 00:00+02';
SELECT 'month P1 P2 P3 P4';
SELECT month, string_agg(coalesce(c::text, 'NaN'), ' ' ORDER BY priority)
FROM (SELECT month, priority, round(100 * sum(met) / nullif(sum(met) + sum(breached), 0), 1) AS c
      FROM sla.compliance_monthly WHERE kind = 'resolution' AND priority IN ('P1', 'P2', 'P3', 'P4')
      GROUP BY month, priority) AS t
GROUP BY month ORDER BY month;
SQL
cols=$(head -1 "$work/wide" | wc -w)
gnuplot <<GNUPLOT
set terminal pngcairo size 900,500 font "sans,11"
set output "$out"
set title "Resolution compliance by priority (tickets opened per month, as of 2026-07-01)"
set xdata time
set timefmt "%Y-%m"
set format x "%b %Y"
set xtics "2026-01", 2678400
set yrange [0:100]
set ylabel "compliance (%)"
set grid ytics
set key outside right top title "priority"
set style data linespoints
plot for [c=2:$cols] "$work/wide" using 1:c title columnheader(c) linewidth 2 pointtype 7
GNUPLOT
echo "wrote $out"
