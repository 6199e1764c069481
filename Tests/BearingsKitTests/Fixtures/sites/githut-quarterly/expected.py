#!/usr/bin/env python3
"""Independent of Bearings: where each quarter of data/series/pull-requests.csv must be drawn,
and the numbers the decision's bet is judged on. Run: python3 expected.py

A value stands for its quarter, so it is drawn where that quarter starts, whatever day of the
quarter it is dated (here always the last). On a chart whose first and last points are at x0
and x1, quarter i is at x0 + (start_i - start_0) / (start_last - start_0) * (x1 - x0).
"""
import csv
import datetime
import pathlib

here = pathlib.Path(__file__).parent
rows = list(csv.DictReader(open(here / "data/series/pull-requests.csv")))
epoch = datetime.date(1970, 1, 1)


def quarter(date):
    d = datetime.date.fromisoformat(date)
    return d.year, (d.month - 1) // 3 + 1


quarters = sorted({quarter(r["date"]) for r in rows})
starts = [(datetime.date(y, 3 * (q - 1) + 1, 1) - epoch).days for y, q in quarters]
print("quarter  start-day  fraction")
for (y, q), start in zip(quarters, starts):
    print(f"{y} Q{q}  {start}  {(start - starts[0]) / (starts[-1] - starts[0]):.6f}")

by_quarter = {}
for r in rows:
    by_quarter.setdefault(quarter(r["date"]), {})[r["project"]] = int(r["value"])
last = by_quarter[quarters[-1]]
total = sum(last.values())
print(f"2023 Q4: rust {last['rust']}, dart {last['dart']}, total {total}, share {last['rust'] / total:.6f}")
# The decision page charts Rust, Dart (named by the bet), then the nearest by the newest value.
others = sorted((abs(v - last["rust"]), p) for p, v in last.items() if p not in ("rust", "dart"))
print("nearest:", [p for _, p in others[:3]])
