#!/usr/bin/env python3
"""Turns callgrind_annotate output into the profile tables of docs/performance.md.

    python3 bench/profile_table.py INCLUSIVE.txt SELF.txt INPUT_FILES [TOP]

INCLUSIVE.txt and SELF.txt are `callgrind_annotate --inclusive=yes|no` output for one run of
`bearings build`. Prints the top TOP (default 10) entries of each as Markdown tables, with Swift
names demangled by `swift demangle --simplified` (when swift is on PATH). Standard library only.
"""

import os
import re
import shutil
import subprocess
import sys

LINE = re.compile(r"^\s*([\d,]+)\s+\(\s*([\d.]+)%\)\s+(.*?)\s*$")


def parse(path):
    total, rows = None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            m = LINE.match(line)
            if not m:
                continue
            count, share, what = int(m.group(1).replace(",", "")), float(m.group(2)), m.group(3)
            if what.startswith("PROGRAM TOTALS"):
                total = count
                continue
            obj = ""
            om = re.search(r"\s\[([^\]]+)\]$", what)
            if om:
                obj = os.path.basename(om.group(1))
                what = what[: om.start()]
            _, _, function = what.partition(":") if not what.startswith("0x") else ("", "", what)
            rows.append((count, share, function or what, obj))
    return total, rows


def demangle(names):
    swift = shutil.which("swift")
    if not swift or not names:
        return names
    result = subprocess.run([swift, "demangle", "--simplified"], input="\n".join(names) + "\n",
                            capture_output=True, text=True)
    lines = result.stdout.split("\n")
    if result.returncode != 0 or len(lines) < len(names):
        return names
    return lines[: len(names)]


def cell(text, limit=160):
    text = text.replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def table(rows, top, title):
    rows = rows[:top]
    names = demangle([r[2] for r in rows])
    out = [title, "", "| # | instructions | share | function | object |", "|---:|---:|---:|---|---|"]
    for i, ((count, share, _, obj), name) in enumerate(zip(rows, names), 1):
        out.append("| %d | %s | %.1f%% | `%s` | %s |" % (i, "{:,}".format(count), share, cell(name), obj))
    return out


def main():
    inclusive, self_cost, inputs = sys.argv[1], sys.argv[2], int(sys.argv[3])
    top = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    total, inc_rows = parse(inclusive)
    _, self_rows = parse(self_cost)
    out = ["#### Profile: `bearings build` on %s input files (callgrind)" % "{:,}".format(inputs), ""]
    if total:
        out.append("%s instructions in all. Callgrind counts instructions executed (all threads "
                   "together), not time: waiting on the disk and on other threads does not show." % "{:,}".format(total))
        out.append("")
    out += table(inc_rows, top, "Top %d, inclusive (the function and everything it calls):" % top)
    out.append("")
    out += table(self_rows, top, "Top %d, self (the function's own instructions):" % top)
    print("\n".join(out))


if __name__ == "__main__":
    main()
