#!/usr/bin/env python3
"""Independent check of the example report's expectation verdicts (issue #16).

Reads only the two raw source files:
  data/sources/conference-papers/data.csv
  data/sources/innovation-graph/ml-framework-topics.csv
maps them to metric values the way data/sources/convert.py does (re-implemented
here in a few lines, not imported), and judges the expectations hard-coded in
EXPECTATIONS below (a mirror of the `expect:` blocks proposed for
data/decisions/*.md) by the rules of issue #16, read literally:

  withdrawn  the decision was superseded (at its successor's date), rejected or
             deprecated before `by`
  too early  `by` is after the reference date (the newest date in the data), or
             the value judged on is not settled: its date + the metric's lag is
             after the reference date
  no data    no value in the period of `by` (the metric's cadence period: the
             calendar year for conference counts, the quarter for GitHub), or
             the share is unknown there (a member of the category -- a project
             is one from its first value on -- has no value in that period)
  met/missed the condition on this project's newest value at or before `by`

Checks run in that order. Python 3.8+, standard library only. Usage:
  python3 verdicts.py                      the proposed expectations
  python3 verdicts.py --probes             hypothetical ones that exercise edge cases
  python3 verdicts.py --probes --reference 2022-08-01   judge as of another day
  python3 verdicts.py --check site/data/site.json       exit 1 unless the site's verdicts agree
Output: verdicts.expected.txt beside this file is its output at the time of writing.
"""

import csv
import datetime as dt
import io
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCES = os.path.dirname(HERE)
PAPERS_CSV = os.path.join(SOURCES, "conference-papers", "data.csv")
TOPICS_CSV = os.path.join(SOURCES, "innovation-graph", "ml-framework-topics.csv")

PROJECT = "pytorch"

# --- Decisions: the front-matter fields the rules need (data/decisions/*.md) ----------------
DECISIONS = {
    "0002-serve-ml-researchers-only": dict(
        status="superseded", date="2017-01-19", review="2018-05-01",
        superseded_by="0004-widen-scope-after-winning-research"),
    "0003-bet-on-a-wide-flexible-api": dict(
        status="accepted", date="2017-01-19", review="2020-01-19"),
    "0004-widen-scope-after-winning-research": dict(
        status="accepted", date="2018-05-02", review="2021-05-02"),
    # used only by --probes
    "0005-do-not-answer-speed-benchmarks": dict(
        status="accepted", date="2017-01-19", review="2022-01-19"),
    "0006-measure-use-not-stars": dict(
        status="accepted", date="2017-01-19", review="2027-01-19"),
    "0008-welcome-the-chainer-community": dict(
        status="accepted", date="2019-12-05", review="2022-12-05"),
}

# --- Expectations: mirror of the proposed `expect:` blocks ---------------------------------
# (decision, {metric, exactly one condition key, optional by})
EXPECTATIONS = [
    ("0002-serve-ml-researchers-only",
     {"metric": "papers-iclr", "passes": "tensorflow"}),
    ("0003-bet-on-a-wide-flexible-api",
     {"metric": "papers-neurips", "share": ">= 50%", "by": "2019-12-31"}),
    ("0004-widen-scope-after-winning-research",
     {"metric": "github-pushers-us", "passes": "tensorflow"}),
]

# Hypothetical expectations, NOT proposed for the report: each exercises one edge case of
# the rules (python3 verdicts.py --probes). They are not in verdicts.expected.txt.
PROBES = [
    ("0003-bet-on-a-wide-flexible-api",   # default by (review 2020-01-19) in a year with no NeurIPS yet
     {"metric": "papers-neurips", "share": ">= 50%"}),
    ("0002-serve-ml-researchers-only",    # by after the successor's date
     {"metric": "papers-neurips", "share": ">= 50%", "by": "2018-12-31"}),
    ("0003-bet-on-a-wide-flexible-api",   # tie at ICLR 2019, 86 vs 86: share >= 50% met ...
     {"metric": "papers-iclr", "share": ">= 50%", "by": "2019-12-31"}),
    ("0003-bet-on-a-wide-flexible-api",   # ... and passes (strictly above) missed
     {"metric": "papers-iclr", "passes": "tensorflow", "by": "2019-12-31"}),
    ("0005-do-not-answer-speed-benchmarks",  # change from a base of 0 (NeurIPS 2016)
     {"metric": "papers-neurips", "change": ">= +0%", "by": "2020-12-31"}),
    ("0005-do-not-answer-speed-benchmarks",  # change with no base (first ICML row is 06/17)
     {"metric": "papers-icml", "change": ">= +0%", "by": "2020-12-31"}),
    ("0008-welcome-the-chainer-community",   # change with no base (GitHub starts 2020 Q1)
     {"metric": "github-pushers", "change": "> 0%"}),
    ("0006-measure-use-not-stars",           # by after the reference date
     {"metric": "github-pushers", "rank": "<= 1"}),
    ("0006-measure-use-not-stars",           # rank among the 4 measured, JAX a member from 2023
     {"metric": "github-pushers", "rank": "<= 1", "by": "2025-07-01"}),
    ("0006-measure-use-not-stars",           # share over 4 members at the reference date
     {"metric": "github-pushers-us", "share": ">= 50%", "by": "2025-07-01"}),
    ("0006-measure-use-not-stars",           # value grammar
     {"metric": "github-pushers", "value": ">= 2.5k", "by": "2025-07-01"}),
    ("0005-do-not-answer-speed-benchmarks",  # with --reference 2022-08-01: ICLR 2022 (May)
     {"metric": "papers-iclr", "share": ">= 50%", "by": "2022-06-30"}),  # settles 2022-11-01
]

# --- Metrics: lag and cadence (data/metrics/*.md; cadence as issue #16 states it) ----------
CONFERENCES = {  # data.csv label -> metric id (convert.py CONFERENCES)
    "ACL": "papers-acl", "CVPR": "papers-cvpr", "ECCV": "papers-eccv",
    "EMNLP": "papers-emnlp", "ICCV": "papers-iccv", "ICLR": "papers-iclr",
    "ICML": "papers-icml", "NAACL": "papers-naacl", "NeurIPS": "papers-neurips",
}
LAG_MONTHS = {m: 6 for m in CONFERENCES.values()}
LAG_MONTHS.update({"github-pushers": 0, "github-pushers-us": 0})
CADENCE = {m: "year" for m in CONFERENCES.values()}
CADENCE.update({"github-pushers": "quarter", "github-pushers-us": "quarter"})


def day(text):
    return dt.date.fromisoformat(text)


def read_text(path):
    with open(path, "rb") as handle:
        data = handle.read()
    return data.decode("utf-8-sig")


def load_values():
    """{metric: {project: {date: value}}}, as convert.py would produce it."""
    values = {}

    def put(metric, project, date, value):
        series = values.setdefault(metric, {}).setdefault(project, {})
        series[date] = series.get(date, 0) + value

    # data.csv: no header; conference, MM/YY, pytorch-only, tensorflow-only, total.
    # One metric per conference, dated on the first day of the row's month.
    for line in read_text(PAPERS_CSV).splitlines():
        if not line.strip():
            continue
        conference, when, pytorch, tensorflow, _total = (f.strip() for f in line.split(","))
        month, year = when.split("/")
        date = dt.date(2000 + int(year), int(month), 1)
        put(CONFERENCES[conference], "pytorch", date, int(pytorch))
        put(CONFERENCES[conference], "tensorflow", date, int(tensorflow))

    # topics extract: topic = project; quarter dated on its first day;
    # github-pushers = sum over every economy but the EU aggregate; -us = the US row.
    for row in csv.DictReader(io.StringIO(read_text(TOPICS_CSV), newline="")):
        date = dt.date(int(row["year"]), 3 * (int(row["quarter"]) - 1) + 1, 1)
        value = int(row["num_pushers"])
        if row["iso2_code"] != "EU":
            put("github-pushers", row["topic"], date, value)
        if row["iso2_code"] == "US":
            put("github-pushers-us", row["topic"], date, value)
    return values


def add_months(date, months):
    month0 = date.month - 1 + months
    year, month = date.year + month0 // 12, month0 % 12 + 1
    for d in (date.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue


def period(metric, date):
    if CADENCE[metric] == "year":
        return (date.year,)
    return (date.year, (date.month - 1) // 3 + 1)


def period_label(metric, p):
    return f"{p[0]}" if len(p) == 1 else f"{p[0]} Q{p[1]}"


def settled(metric, date, reference):
    return add_months(date, LAG_MONTHS[metric]) <= reference


def newest_at_or_before(series, when):
    dates = [d for d in series if d <= when]
    return max(dates) if dates else None


def value_in_period(metric, series, p, by):
    """A project's newest value in period p, at or before `by` (None if none)."""
    dates = [d for d in series if period(metric, d) == p and d <= by]
    return (max(dates), series[max(dates)]) if dates else None


def parse_number(text):
    """Value grammar: sign, digits with , _ or space separators, decimals, k/M/B/% suffix."""
    m = re.fullmatch(r"\s*([+-]?)([\d,_ ]*\d(?:\.\d+)?)\s*([kMB%]?)\s*", text)
    if not m:
        raise ValueError(f"not a value: {text!r}")
    number = float(m.group(2).replace(",", "").replace("_", "").replace(" ", ""))
    number *= {"": 1, "k": 1e3, "M": 1e6, "B": 1e9, "%": 0.01}[m.group(3)]
    return -number if m.group(1) == "-" else number


def parse_condition(text):
    m = re.fullmatch(r"\s*(>=|<=|>|<)\s*(.+)", text)
    if not m:
        raise ValueError(f"not a condition: {text!r}")
    return m.group(1), parse_number(m.group(2))


def holds(op, left, right):
    return {">=": left >= right, ">": left > right, "<=": left <= right, "<": left < right}[op]


def reference_date(values):
    return max(d for projects in values.values() for series in projects.values() for d in series)


def judge(decision_id, expectation, values, reference):
    """(by, what was judged, date of the value judged on, verdict)."""
    decision = DECISIONS[decision_id]
    metric = expectation["metric"]
    by = day(expectation["by"]) if "by" in expectation else day(decision["review"])
    kinds = [k for k in ("share", "value", "rank", "passes", "change") if k in expectation]
    assert len(kinds) == 1, f"{decision_id}: exactly one condition expected, found {kinds}"
    kind = kinds[0]
    projects = values[metric]
    series = projects[PROJECT]

    # withdrawn: superseded at the successor's date; rejected/deprecated carry no date of
    # their own, so the decision's date is used (an edge case, see the report).
    if decision["status"] == "superseded":
        ended = day(DECISIONS[decision["superseded_by"]]["date"])
        if ended < by:
            return by, f"superseded by {decision['superseded_by']} on {ended}", None, "withdrawn"
    elif decision["status"] in ("rejected", "deprecated"):
        if day(decision["date"]) < by:
            return by, f"{decision['status']} (dated {decision['date']})", None, "withdrawn"

    if by > reference:
        return by, "-", None, "too early"

    date = newest_at_or_before(series, by)
    p = period(metric, by)
    if date is None or period(metric, date) != p:
        note = f"no {PROJECT} value in {period_label(metric, p)}"
        if date is not None:
            note += f" (newest before: {series[date]} on {date})"
        return by, note, None, "no data"
    ours = series[date]

    if not settled(metric, date, reference):
        return by, f"{ours} (settles {add_months(date, LAG_MONTHS[metric])})", date, "too early"

    op_kind = expectation[kind]
    if kind == "passes":
        other = value_in_period(metric, projects.get(op_kind, {}), p, by)
        if other is None:
            return by, f"{PROJECT} {ours} vs {op_kind}: none in {period_label(metric, p)}", date, "no data"
        if not settled(metric, other[0], reference):
            return by, f"{PROJECT} {ours} vs {op_kind} {other[1]} (not settled)", date, "too early"
        return by, f"{PROJECT} {ours} vs {op_kind} {other[1]}", date, ("met" if ours > other[1] else "missed")

    if kind == "share":
        op, target = parse_condition(op_kind)
        members = {name: s for name, s in projects.items()
                   if min(period(metric, d) for d in s) <= p}  # in the category from its first value on
        parts = {name: value_in_period(metric, s, p, by) for name, s in members.items()}
        missing = sorted(name for name, v in parts.items() if v is None)
        if missing:
            return by, f"share unknown: {', '.join(missing)} not measured in {period_label(metric, p)}", date, "no data"
        total = sum(v[1] for v in parts.values())
        if total == 0:
            return by, "share undefined: every member is 0", date, "no data"
        share = ours / total
        terms = " + ".join(f"{parts[n][1]} {n}" for n in sorted(parts))
        return by, f"{share:.4f} = {ours} / ({terms})", date, ("met" if holds(op, share, target) else "missed")

    if kind == "value":
        op, target = parse_condition(op_kind)
        return by, f"{ours}", date, ("met" if holds(op, ours, target) else "missed")

    if kind == "rank":
        op, target = parse_condition(op_kind)
        measured = {n: value_in_period(metric, s, p, by) for n, s in projects.items()}
        measured = {n: v[1] for n, v in measured.items() if v is not None}
        rank = 1 + sum(1 for n, v in measured.items() if n != PROJECT and v > ours)
        return by, f"rank {rank} of {len(measured)} ({ours})", date, ("met" if holds(op, rank, target) else "missed")

    if kind == "change":
        op, target = parse_condition(op_kind)
        base_date = newest_at_or_before(series, day(decision["date"]))
        if base_date is None:
            return by, f"no {PROJECT} value on or before the decision date {decision['date']}", date, "no data"
        base = series[base_date]
        if base == 0:
            return by, f"change undefined: base is 0 on {base_date}", date, "no data"
        change = (ours - base) / base
        return by, f"{change:+.1%} ({base} on {base_date} -> {ours})", date, ("met" if holds(op, change, target) else "missed")

    raise AssertionError(kind)


def check(site_json, values, reference):
    """Compares the verdicts with a built site's data/site.json: the same expectations (decision,
    metric, condition, by) and the same verdict for each. Returns the number of differences."""
    import json
    with open(site_json, encoding="utf-8") as handle:
        bets = json.load(handle)["analysis"]["bets"]
    expected = []
    for decision_id, expectation in EXPECTATIONS:
        kind = next(k for k in ("share", "value", "rank", "passes", "change") if k in expectation)
        by, _, _, verdict = judge(decision_id, expectation, values, reference)
        expected.append((decision_id, expectation["metric"], f"{kind} {expectation[kind]}", str(by),
                         verdict.replace(" ", "-")))
    found = [(b["decision"], b["metric"], b["condition"], b["by"], b["verdict"]) for b in bets]
    differences = 0
    for line in sorted(set(expected) ^ set(found)):
        differences += 1
        side = "only here" if line in expected else f"only in {site_json}"
        print(f"verdicts.py: {side}: {line}", file=sys.stderr)
    if not differences:
        print(f"verdicts.py: the {len(expected)} verdicts in {site_json} agree")
    return differences


def main(argv):
    values = load_values()
    if "--check" in argv:
        return 1 if check(argv[argv.index("--check") + 1], values, reference_date(values)) else 0
    reference = reference_date(values)
    note = "newest date in the raw files"
    if "--reference" in argv:  # override, to try the settledness rule (like SOURCE_DATE_EPOCH)
        reference = day(argv[argv.index("--reference") + 1])
        note = "given with --reference"
    print(f"reference date: {reference} ({note})")
    for decision_id, expectation in (PROBES if "--probes" in argv else EXPECTATIONS):
        kind = next(k for k in ("share", "value", "rank", "passes", "change") if k in expectation)
        by, judged_on, date, verdict = judge(decision_id, expectation, values, reference)
        by_note = "" if "by" in expectation else " (review date)"
        print()
        print(f"decision:  {decision_id}")
        print(f"metric:    {expectation['metric']}")
        print(f"condition: {kind}: {expectation[kind]}")
        print(f"by:        {by}{by_note}")
        print(f"value:     {judged_on}")
        print(f"date:      {date if date else '-'}")
        print(f"verdict:   {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
