"""Cross-check sla.holidays() against workalendar and date-holidays.

For each region and year, the closed days sla.holidays(region, from, to)
returns (kind 'holiday') are compared with the holidays of the Debian
package python3-workalendar and of the npm package date-holidays.  Every
date on which sla and a library disagree must be listed in known.tsv with
the side that is right and its legal source (docs/holidays-crosscheck.md);
an unlisted disagreement fails the region's year.

Prints one line per region and year, "ok - ..." or "not ok - ...", with
how many dates agree, and exits 1 when any line is "not ok".  Needs the PG*
variables of a server where sla.holidays exists, and node_modules (see
README.md).
"""
import argparse
import csv
import datetime
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# The regions the extension ships (issue 16), by ISO 3166 code.
REGIONS = (
    ["DE"] + ["DE-" + s for s in "BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH".split()]
    + ["AT", "CH", "NL", "BE", "FR", "GB", "GB-ENG", "GB-WLS", "GB-SCT", "GB-NIR", "IE",
       "US", "CA", "CN", "JP", "IN", "AU", "BR", "TR", "SA"])

# workalendar classes where its registry has none under the ISO code.
WORKALENDAR_OVERRIDES = {
    "GB-ENG": "workalendar.europe.united_kingdom.UnitedKingdom",
    "GB-WLS": "workalendar.europe.united_kingdom.UnitedKingdom",
    "GB-SCT": "workalendar.europe.scotland.Scotland",
}


def sla_days(region, first, last):
    """{date: name} of the closed days sla.holidays() returns."""
    sql = ("SELECT day, name FROM sla.holidays(%s, %s, %s) "
           "WHERE kind = 'holiday' ORDER BY day")
    query = sql % tuple("'" + str(x).replace("'", "''") + "'" for x in
                        (region, "%d-01-01" % first, "%d-12-31" % last))
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                          "-c", query], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    days = {}
    for line in out.stdout.splitlines():
        day, name = line.split("\t", 1)
        days[datetime.date.fromisoformat(day)] = name
    return days


def workalendar_days(region, first, last):
    """{date: name} from workalendar, or None when it has no such calendar."""
    from workalendar.registry import registry
    cls = registry.get(region)
    if region in WORKALENDAR_OVERRIDES:
        module, name = WORKALENDAR_OVERRIDES[region].rsplit(".", 1)
        cls = getattr(__import__(module, fromlist=[name]), name)
    if cls is None:
        return None
    cal = cls()
    days = {}
    for year in range(first, last + 1):
        for day, name in cal.holidays(year):
            days.setdefault(day, name)
    return days


def date_holidays_days(region, first, last):
    """{date: name} from date-holidays (public holidays only)."""
    out = subprocess.run(["node", os.path.join(HERE, "date_holidays.js"), region, str(first),
                          str(last)], capture_output=True, text=True, cwd=HERE)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    days = {}
    for line in out.stdout.splitlines():
        h = json.loads(line)
        days.setdefault(datetime.date.fromisoformat(h["day"]), h["name"])
    return days


def load_known(path):
    """{(region, library, date): explanation} of the explained disagreements."""
    known = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader((l for l in f if not l.startswith("#")), delimiter="\t"):
            known[(row["region"], row["library"], datetime.date.fromisoformat(row["day"]))] = row
    return known


def compare(region, year, mine, theirs, library, known):
    """(summary, unexplained list) of one library for one region and year."""
    if theirs is None:
        return "%s has no calendar" % library, []
    a = {d for d in mine if d.year == year}
    b = {d for d in theirs if d.year == year}
    unexplained = []
    for d in sorted(a ^ b):
        if (region, library, d) not in known and (region, "both", d) not in known:
            unexplained.append("%s %s (%s)" % ("+" if d in a else "-", d,
                                               (mine if d in a else theirs)[d]))
    return ("%s agrees on %d of %d (%d explained)"
            % (library, len(a & b), len(a | b), len(a ^ b) - len(unexplained))), unexplained


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", default=",".join(REGIONS))
    parser.add_argument("--first", type=int, default=2000)
    parser.add_argument("--last", type=int, default=2030)
    parser.add_argument("--known", default=os.path.join(HERE, "known.tsv"))
    args = parser.parse_args()
    known = load_known(args.known)
    failed = False
    for region in args.regions.split(","):
        try:
            mine = sla_days(region, args.first, args.last)
        except RuntimeError as e:
            print("not ok - %s: sla.holidays failed: %s" % (region, e))
            failed = True
            continue
        wk = workalendar_days(region, args.first, args.last)
        dh = date_holidays_days(region, args.first, args.last)
        for year in range(args.first, args.last + 1):
            s1, u1 = compare(region, year, mine, wk, "workalendar", known)
            s2, u2 = compare(region, year, mine, dh, "date-holidays", known)
            line = "%s %d: sla has %d; %s; %s" % (region, year,
                                                 sum(1 for d in mine if d.year == year), s1, s2)
            if u1 or u2:
                failed = True
                print("not ok - %s; unexplained: %s" % (line, ", ".join(
                    ["workalendar " + u for u in u1] + ["date-holidays " + u for u in u2])))
            else:
                print("ok - " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
