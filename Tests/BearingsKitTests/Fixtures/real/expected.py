"""Computes, from raw/ alone, the values AnalysisRealDataTests expects."""
import csv
import os
from collections import defaultdict
from datetime import date

here = os.path.dirname(os.path.abspath(__file__))

papers = defaultdict(dict)  # (conference) -> {date: (pytorch, tensorflow)}
with open(os.path.join(here, "raw/conference-papers.csv"), newline="") as f:
    for conference, month, pt, tf, _total in csv.reader(f):
        mm, yy = month.split("/")
        papers[conference.lower()][date(2000 + int(yy), int(mm), 1)] = (int(pt), int(tf))

pushers = defaultdict(lambda: defaultdict(int))  # topic -> {date: sum}
with open(os.path.join(here, "raw/innovation-graph-topics.csv"), newline="") as f:
    for row in csv.DictReader(f):
        if row["iso2_code"] == "EU":
            continue
        day = date(int(row["year"]), 3 * (int(row["quarter"]) - 1) + 1, 1)
        pushers[row["topic"]][day] += int(row["num_pushers"])


def crossovers(ours, theirs):
    result, last = [], 0
    for day in sorted(ours):
        if day not in theirs:
            continue
        sign = (ours[day] > theirs[day]) - (ours[day] < theirs[day])
        if sign == 0:
            continue
        if last and sign != last:
            result.append((day.isoformat(), sign > 0))
        last = sign
    return result


def change(series):
    days = sorted(series)
    latest = days[-1]
    year_ago = [d for d in days if (latest - d).days >= 365]
    return (latest.isoformat(), series[latest], series[days[-2]] if len(days) > 1 else None,
            (year_ago[-1].isoformat(), series[year_ago[-1]]) if year_ago else None)


for conference in ["neurips", "iclr"]:
    data = papers[conference]
    pt = {d: v[0] for d, v in data.items()}
    tf = {d: v[1] for d, v in data.items()}
    # One entry per date; a total of 0 leaves the share unknown.
    shares = [(d.isoformat(), f"{pt[d] / (pt[d] + tf[d]):.6f}" if pt[d] + tf[d] > 0 else "unknown") for d in sorted(data)]
    print(f"papers-{conference} shares:", shares)
    print(f"papers-{conference} crossovers:", crossovers(pt, tf))
    print(f"papers-{conference} pytorch change:", change(pt))

pt = pushers["pytorch"]
totals = {d: sum(pushers[t].get(d, 0) for t in pushers if d in pushers[t]) for d in pt}
print("github-pushers pytorch shares:", [(d.isoformat(), f"{pt[d] / totals[d]:.6f}") for d in sorted(pt)])
for other in ["tensorflow", "jax", "keras"]:
    print(f"github-pushers crossovers vs {other}:", crossovers(pt, pushers[other]))
print("github-pushers pytorch change:", change(pt))
print("github-pushers tensorflow change:", change(pushers["tensorflow"]))
