#!/usr/bin/env python3
"""raw/gh-pull-request-extract.json -> data/series/pull-requests.csv.

Each GitHut row (language, year, quarter, count) becomes one value dated the LAST day of its
quarter, as many published quarterly series date them: 2022 Q1 is 2022-03-31. Bearings must
still draw it at the tick "2022 Q1", where the table names it.
"""
import calendar
import json
import pathlib

here = pathlib.Path(__file__).parent
ids = {"Rust": "rust", "Go": "go", "Kotlin": "kotlin", "Swift": "swift", "Scala": "scala",
       "Dart": "dart", "Haskell": "haskell", "Elixir": "elixir"}
rows = json.loads((here / "raw/gh-pull-request-extract.json").read_text())
lines = ["date,metric,project,value"]
for row in sorted(rows, key=lambda r: (int(r["year"]), int(r["quarter"]), ids[r["name"]])):
    year, quarter = int(row["year"]), int(row["quarter"])
    month = 3 * quarter
    day = calendar.monthrange(year, month)[1]
    lines.append(f"{year}-{month:02d}-{day:02d},pull-requests,{ids[row['name']]},{int(row['count'])}")
(here / "data/series/pull-requests.csv").write_text("\n".join(lines) + "\n")
