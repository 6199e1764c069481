"""Prints what Bearings must say about MAST's share of the real-stops data, computed from
../real-warts/raw/bioc_counts.tsv alone (it reads neither data/ nor make.py), following SPEC §1
"Share": a project belongs to the category from its first value on; where a member has no
value in a month, the share is unknown. SCDE's rows after December 2019 are left out, as
make.py leaves them out.

    python3 expected.py
"""
import csv
import os

here = os.path.dirname(os.path.abspath(__file__))
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
NAMES = {"MAST": "MAST", "monocle": "Monocle", "scde": "SCDE", "BASiCS": "BASiCS", "DEsingle": "DEsingle"}
ORDER = ["MAST", "monocle", "scde", "BASiCS", "DEsingle"]
values = {}
with open(os.path.join(here, "..", "real-warts", "raw", "bioc_counts.tsv"), encoding="utf-8") as f:
    for r in csv.DictReader(f, delimiter="\t"):
        if r["Package"] not in NAMES:
            continue
        month = (int(r["Year"]), MONTHS.index(r["Month"]) + 1)
        if r["Package"] == "scde" and month > (2019, 12):
            continue
        values[(r["Package"], month)] = int(r["Nb_of_downloads"])
months = sorted({m for _, m in values})
first = {p: min(m for q, m in values if q == p) for p in ORDER}
label = lambda m: f"{MONTHS[m[1] - 1]} {m[0]}"
shares = []
for m in months:
    members = [p for p in ORDER if first[p] <= m]
    missing = [p for p in members if (p, m) not in values]
    known = "MAST" in members and not missing
    share = values[("MAST", m)] / sum(values[(p, m)] for p in members) if known else None
    shares.append((m, share, members, missing))
print("dates", len(months), "from", label(months[0]), "to", label(months[-1]))
for m, share, members, missing in shares:
    measured = ", ".join(NAMES[p] for p in members if p not in missing)
    gone = "; not measured: " + ", ".join(NAMES[p] for p in missing) if missing else ""
    print(label(m), f"{share * 100:.1f}%" if share is not None else "unknown", measured + gone)
run = len(shares)
while run > 0 and shares[run - 1][1] is None:
    run -= 1
print("unknown since", label(shares[run][0]), "; last known", f"{shares[run - 1][1] * 100:.1f}%", label(shares[run - 1][0]))
print("joins:", "; ".join(f"{NAMES[p]} in {label(first[p])}" for p in sorted(ORDER, key=lambda p: first[p])[1:]))
