"""Cross-check sla.holidays() against workalendar and date-holidays.

For each region and year, the closed days sla.holidays(region, from, to)
returns (kind 'holiday') are compared with the holidays of the Debian
package python3-workalendar and of the npm package date-holidays.  Every
date on which sla and a library disagree must be listed in known.tsv with
the side that is right and its legal source (docs/holidays-crosscheck.md);
an unlisted disagreement fails the region's year.

Prints one line per region and year, "ok - <region> <year>: N of M dates
agree ..." or "not ok - ...", and exits 1 when any line is "not ok".  A
year a library does not cover (workalendar's China knows 2018-2023 only)
is left out of its count.  Needs the PG* variables of a server where
sla.holidays exists, and node_modules (see README.md).

A line of known.tsv explains a disagreement by its day: a date
(2024-08-15), a month and day of every year (*-08-15), or the name of the
holiday on the side that lists it (name:Ambedkar Jayanti), optionally
limited to the years first_year to last_year.
"""
import argparse
import csv
import datetime
import json
import os
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))

# The shipped regions are read from sla.holiday_region (WHERE shipped).

# workalendar classes where its registry has none under the ISO code.
WORKALENDAR_OVERRIDES = {
    "GB-ENG": "workalendar.europe.united_kingdom.UnitedKingdom",
    "GB-WLS": "workalendar.europe.united_kingdom.UnitedKingdom",
    "GB-SCT": "workalendar.europe.scotland.Scotland",
}


def psql(query):
    """Rows of a query, as lists of strings."""
    out = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-F", "\t", "-v", "ON_ERROR_STOP=1",
                          "-c", query], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return [line.split("\t") for line in out.stdout.splitlines()]


def shipped_regions():
    """The codes of the shipped regions."""
    return [r[0] for r in psql("SELECT code FROM sla.holiday_region WHERE shipped ORDER BY code")]


def sla_days(region, first, last):
    """{date: name} of the closed days sla.holidays() returns."""
    sql = ("SELECT day, name FROM sla.holidays(%s, %s, %s) "
           "WHERE kind = 'holiday' ORDER BY day")
    query = sql % tuple("'" + str(x).replace("'", "''") + "'" for x in
                        (region, "%d-01-01" % first, "%d-12-31" % last))
    days = {}
    for day, name in psql(query):
        days[datetime.date.fromisoformat(day)] = name
    return days


def workalendar_days(region, first, last):
    """({date: name}, years covered) from workalendar, or None without a calendar."""
    from workalendar.registry import registry
    cls = registry.get(region)
    if region in WORKALENDAR_OVERRIDES:
        module, name = WORKALENDAR_OVERRIDES[region].rsplit(".", 1)
        cls = getattr(__import__(module, fromlist=[name]), name)
    if cls is None:
        return None
    cal = cls()
    days = {}
    covered = set()
    for year in range(first, last + 1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                holidays = cal.holidays(year)
        except Exception:       # CalendarError: a year it has no data for
            continue
        covered.add(year)
        for day, name in holidays:
            days.setdefault(day, name)
    return days, covered


def date_holidays_days(region, first, last):
    """({date: name}, years) from date-holidays (public holidays only)."""
    out = subprocess.run(["node", os.path.join(HERE, "date_holidays.js"), region, str(first),
                          str(last)], capture_output=True, text=True, cwd=HERE)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    days = {}
    for line in out.stdout.splitlines():
        h = json.loads(line)
        days.setdefault(datetime.date.fromisoformat(h["day"]), h["name"])
    return days, set(range(first, last + 1))


def load_known(path):
    """The explained disagreements: rows of known.tsv."""
    with open(path, newline="", encoding="utf-8") as f:
        return [row for row in csv.DictReader((l for l in f if not l.startswith("#")),
                                              delimiter="\t")]


def explained(known, region, library, day, name):
    """Does a row of known.tsv explain this date (listed as name on one side)?"""
    for row in known:
        if row["region"] != region or row["library"] not in (library, "both"):
            continue
        if row.get("first_year") and day.year < int(row["first_year"]):
            continue
        if row.get("last_year") and day.year > int(row["last_year"]):
            continue
        key = row["day"]
        if (key == day.isoformat() or (key.startswith("*-") and key[1:] == day.isoformat()[4:])
                or (key.startswith("name:") and key[5:] == name)):
            return True
    return False


def compare(region, year, mine, theirs, library, known):
    """(agree, total, explained, unexplained list) of a library for a year, or None."""
    if theirs is None or year not in theirs[1]:
        return None
    theirs = theirs[0]
    a = {d for d in mine if d.year == year}
    b = {d for d in theirs if d.year == year}
    unexplained = []
    for d in sorted(a ^ b):
        name = (mine if d in a else theirs)[d]
        if not explained(known, region, library, d, name):
            unexplained.append("%s %s %s (%s)" % (library, "+" if d in a else "-", d, name))
    return len(a & b), len(a | b), len(a ^ b) - len(unexplained), unexplained


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--regions", help="comma-separated codes (default: every shipped region)")
    parser.add_argument("--first", type=int, default=2000)
    parser.add_argument("--last", type=int, default=2040)
    parser.add_argument("--known", default=os.path.join(HERE, "known.tsv"))
    args = parser.parse_args()
    known = load_known(args.known)
    failed = False
    regions = args.regions.split(",") if args.regions else shipped_regions()
    if not regions:
        print("not ok - no shipped regions to check")
        return 1
    for region in regions:
        try:
            mine = sla_days(region, args.first, args.last)
        except RuntimeError as e:
            print("not ok - %s: sla.holidays failed: %s" % (region, e))
            failed = True
            continue
        libraries = (("workalendar", workalendar_days(region, args.first, args.last)),
                     ("date-holidays", date_holidays_days(region, args.first, args.last)))
        for year in range(args.first, args.last + 1):
            agree = total = nexplained = 0
            unexplained = []
            seen = []
            for library, theirs in libraries:
                r = compare(region, year, mine, theirs, library, known)
                if r is None:
                    continue
                seen.append(library)
                agree += r[0]
                total += r[1]
                nexplained += r[2]
                unexplained += r[3]
            if not seen:
                print("ok - %s %d: no library covers it (sla has %d dates) # skip"
                      % (region, year, sum(1 for d in mine if d.year == year)))
                continue
            line = ("%s %d: %d of %d dates agree (%s; %d explained)"
                    % (region, year, agree, total, ", ".join(seen), nexplained))
            if total == 0 or unexplained:
                failed = True
                print("not ok - %s; unexplained: %s" % (line, ", ".join(unexplained) or "no dates"))
            else:
                print("ok - " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
