"""Makes data/series/bioconda-downloads.csv from ../real-warts/raw/bioc_counts.tsv, with SCDE
no longer reported after December 2019.

The rows are those of real-warts/convert.py (one row per package and month, dated on the
month's first day, the count as published), but every SCDE row from January 2020 on is left
out: the case of a competitor whose source stops reporting it while the others go on. Nothing
else is changed, filled in or dropped. Rows are sorted by date, then project id.

    python3 make.py
"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
RAW = os.path.join(here, "..", "real-warts", "raw", "bioc_counts.tsv")
METRIC = "bioconda-downloads"
PROJECTS = {"MAST": "mast", "monocle": "monocle", "scde": "scde", "BASiCS": "basics", "DEsingle": "desingle"}
MONTHS = {name: number for number, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}
STOPPED, LAST = "scde", "2019-12-01"

rows = []
with open(RAW, newline="", encoding="utf-8") as f:
    for record in csv.DictReader(f, delimiter="\t"):
        project = PROJECTS.get(record["Package"])
        if project is None:
            continue
        day = f"{int(record['Year']):04d}-{MONTHS[record['Month']]:02d}-01"
        if project == STOPPED and day > LAST:
            continue
        rows.append((day, METRIC, project, int(record["Nb_of_downloads"])))

rows.sort(key=lambda row: (row[0], row[2]))
with open(os.path.join(here, "data", "series", f"{METRIC}.csv"), "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["date", "metric", "project", "value"])
    writer.writerows(rows)
print(f"wrote {len(rows)} rows to data/series/{METRIC}.csv")
