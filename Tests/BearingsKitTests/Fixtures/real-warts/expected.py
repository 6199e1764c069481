"""Computes, from raw/ alone, what Bearings must report for the real-warts fixture.

It reads raw/bioc_counts.tsv only (not data/, not convert.py), applies the contract rules of
issue #15 literally, prints the numbers as JSON on stdout and a short human summary of the
warts on stderr:

    python3 expected.py > expected.json

Rules (one metric, bioconda-downloads; "ours" is MAST):
- cadence: most common spacing in days between consecutive distinct dates (all projects
  pooled); ties go to the smaller spacing; 1 day, 7 week, 28-31 month, 89-92 quarter,
  365-366 year. A period is the calendar month containing a date.
- gaps: per project, the periods between its first and last value that have no value.
- latest: newest value; stale_since is its date when its period is older than the metric's
  newest period, else null.
- since_previous / over_year: against the value in the period one month / twelve months
  before the latest value's period, null when that period has no value.
- shares: for ours, on every distinct date any project is measured; members are the
  projects whose first value is on or before the date; null when ours is not a member or
  any member has no value in that period (never a share over the members that are left),
  or when the members' sum is 0.
- crossovers (issue #30): ours against each other project over the periods where both have
  a value; a change of sign from the order standing (the last counted non-zero sign) is a
  crossover only when the next such period has the same sign (the passer stays ahead two
  periods) or there is no next one; a tie (equal, non-zero values) keeps the order and does
  not confirm a pass; 0 against 0 is no tie.
"""
import csv
import json
import os
import sys
from collections import Counter, defaultdict
from datetime import date

here = os.path.dirname(os.path.abspath(__file__))
OURS = "mast"
IDS = {"MAST": "mast", "monocle": "monocle", "scde": "scde", "BASiCS": "basics", "DEsingle": "desingle"}
MONTH_NUMBER = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "May": 5, "Jun": 6,
                "Jul": 7, "Aug": 8, "Sep": 9, "Oct": 10, "Nov": 11, "Dec": 12}

# project -> {date: value}
series = defaultdict(dict)
with open(os.path.join(here, "raw", "bioc_counts.tsv"), newline="", encoding="utf-8") as f:
    reader = csv.reader(f, delimiter="\t")
    header = next(reader)
    assert header == ["Package", "Year", "Month", "Nb_of_downloads"], header
    for package, year, month, downloads in reader:
        if package not in IDS:
            continue
        day = date(int(year), MONTH_NUMBER[month], 1)
        assert day not in series[IDS[package]], (package, day)
        series[IDS[package]][day] = int(downloads)
projects = sorted(series)


def period(day):
    return (day.year, day.month)


def shift(p, months):
    index = p[0] * 12 + (p[1] - 1) + months
    return (index // 12, index % 12 + 1)


def first_day(p):
    return date(p[0], p[1], 1)


by_period = {p: {period(d): (d, v) for d, v in values.items()} for p, values in series.items()}
all_dates = sorted({d for values in series.values() for d in values})
reference_date = all_dates[-1]  # the newest date in the whole data folder (one metric only)

# cadence
spacings = Counter((b - a).days for a, b in zip(all_dates, all_dates[1:]))
top = max(spacings.values())
spacing = min(s for s, n in spacings.items() if n == top)
cadence = ("day" if spacing == 1 else "week" if spacing == 7 else "month" if 28 <= spacing <= 31
           else "quarter" if 89 <= spacing <= 92 else "year" if 365 <= spacing <= 366 else None)
assert cadence == "month"

newest_period = max(period(d) for d in all_dates)

gaps, latest, since_previous, over_year = {}, {}, {}, {}
for p in projects:
    periods = sorted(by_period[p])
    missing, q = [], periods[0]
    while q < periods[-1]:
        if q not in by_period[p]:
            missing.append(first_day(q).isoformat())
        q = shift(q, 1)
    gaps[p] = missing

    last_day = max(series[p])
    last_value = series[p][last_day]
    latest[p] = {"date": last_day.isoformat(), "value": last_value,
                 "stale_since": last_day.isoformat() if period(last_day) < newest_period else None}

    def against(months):
        base = by_period[p].get(shift(period(last_day), -months))
        if base is None:
            return None
        base_day, base_value = base
        relative = None if base_value == 0 else round((last_value - base_value) / abs(base_value), 6)
        return {"base_date": base_day.isoformat(), "base_value": base_value,
                "change": last_value - base_value, "relative": relative}

    since_previous[p] = against(1)
    over_year[p] = against(12)

first_date = {p: min(series[p]) for p in projects}
shares = []
for d in all_dates:
    members = [p for p in projects if first_date[p] <= d]
    share = None
    if OURS in members and all(period(d) in by_period[p] for p in members):
        total = sum(by_period[p][period(d)][1] for p in members)
        if total != 0:
            share = round(by_period[OURS][period(d)][1] / total, 6)
    shares.append({"date": d.isoformat(), "share": share})

crossovers = []
for other in projects:
    if other == OURS:
        continue
    both = sorted(set(by_period[OURS]) & set(by_period[other]))
    signs = []
    for q in both:
        ours_value, their_value = by_period[OURS][q][1], by_period[other][q][1]
        signs.append((ours_value > their_value) - (ours_value < their_value))
    standing = 0
    for i, q in enumerate(both):
        sign = signs[i]
        if sign == 0 or sign == standing:
            continue
        if standing == 0:
            standing = sign
            continue
        lasts = i + 1 == len(both) or signs[i + 1] == sign
        if not lasts:
            continue  # ahead for one period only: noise, the old order stands
        standing = sign
        passer, passed = (OURS, other) if sign > 0 else (other, OURS)
        crossovers.append({"date": by_period[OURS][q][0].isoformat(), "passer": passer, "passed": passed})
crossovers.sort(key=lambda c: (c["date"], c["passed"] if c["passer"] == OURS else c["passer"]))

result = {
    "metric": "bioconda-downloads",
    "ours": OURS,
    "reference_date": reference_date.isoformat(),
    "cadence": cadence,
    "gaps": gaps,
    "latest": latest,
    "since_previous": since_previous,
    "over_year": over_year,
    "shares": shares,
    "crossovers": crossovers,
}
print(json.dumps(result, indent=1, sort_keys=True))

# A short summary of the warts, for a human reader (stderr, so stdout stays JSON).
out = sys.stderr
print(f"cadence {cadence} (spacings in days: {dict(sorted(spacings.items()))}); "
      f"reference date {reference_date}", file=out)
for p in projects:
    print(f"{p:9} {min(series[p])} .. {max(series[p])}  {len(series[p])} values  "
          f"missing: {', '.join(gaps[p]) or 'none'}", file=out)
unmeasured = [first_day(q).isoformat() for q in
              (shift(period(all_dates[0]), i) for i in range(
                  (newest_period[0] - all_dates[0].year) * 12 + newest_period[1] - all_dates[0].month + 1))
              if first_day(q) not in all_dates]
print(f"months in range where no project is measured: {', '.join(unmeasured) or 'none'}", file=out)
print(f"stale projects: {', '.join(p for p in projects if latest[p]['stale_since']) or 'none'}", file=out)
unknown = [s["date"] for s in shares if s["share"] is None]
before_ours = [d for d in unknown if date.fromisoformat(d) < first_date[OURS]]
print(f"share unknown on {len(unknown)} of {len(shares)} dates: {len(before_ours)} before {OURS}'s first "
      f"value ({first_date[OURS]}), and {', '.join(d for d in unknown if d not in before_ours)} "
      f"(a member without a value)", file=out)
print(f"crossovers: {len(crossovers)}", file=out)
