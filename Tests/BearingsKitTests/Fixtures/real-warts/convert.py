"""Makes data/series/bioconda-downloads.csv from raw/bioc_counts.tsv.

Each raw row (Package, Year, Month, Nb_of_downloads) becomes one series row dated on the
first day of its month. A month with no row stays absent: nothing is filled in, summed or
dropped. Rows are written sorted by date, then project id, so the output is deterministic.

    python3 convert.py
"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
METRIC = "bioconda-downloads"
PROJECTS = {"MAST": "mast", "monocle": "monocle", "scde": "scde", "BASiCS": "basics", "DEsingle": "desingle"}
MONTHS = {name: number for number, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}

rows = []
with open(os.path.join(here, "raw", "bioc_counts.tsv"), newline="", encoding="utf-8") as f:
    for record in csv.DictReader(f, delimiter="\t"):
        project = PROJECTS.get(record["Package"])
        if project is None:
            continue
        day = f"{int(record['Year']):04d}-{MONTHS[record['Month']]:02d}-01"
        rows.append((day, METRIC, project, int(record["Nb_of_downloads"])))

rows.sort(key=lambda row: (row[0], row[2]))
keys = [(row[0], row[2]) for row in rows]
assert len(keys) == len(set(keys)), "two raw rows for the same package and month"

os.makedirs(os.path.join(here, "data", "series"), exist_ok=True)
with open(os.path.join(here, "data", "series", f"{METRIC}.csv"), "w", newline="", encoding="utf-8") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["date", "metric", "project", "value"])
    writer.writerows(rows)
print(f"wrote {len(rows)} rows to data/series/{METRIC}.csv")
