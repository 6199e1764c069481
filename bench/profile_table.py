#!/usr/bin/env python3
"""Turns profiler output into the profile tables of docs/performance.md.

    python3 bench/profile_table.py callgrind INCLUSIVE.txt SELF.txt INPUT_FILES [TOP]
    python3 bench/profile_table.py perf CHILDREN.txt SELF.txt INPUT_FILES [TOP]

callgrind: `callgrind_annotate --inclusive=yes|no` output for one run of `bearings build`.
perf: `perf report --stdio -g none --sort symbol --children|--no-children` output for one run
sampled with `perf record -e cpu-clock -g`.
Prints the top TOP (default 10) entries of each as Markdown tables, with Swift names demangled
by `swift demangle --simplified` (when swift is on PATH). Standard library only.
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


PERF_LINE = re.compile(r"^\s*([\d.]+)%(?:\s+([\d.]+)%)?\s+\[(.)\]\s+(.*?)\s*$")


def parse_perf(path):
    samples, rows = None, []
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith("# Samples:"):
                samples = line.split(":", 1)[1].split()[0]
                continue
            m = PERF_LINE.match(line)
            if not m:
                continue
            share = float(m.group(1))
            what = re.sub(r"(\s+-)+\s*$", "", m.group(4)).rstrip()
            space = "kernel" if m.group(3) == "k" else ""
            rows.append((None, share, what, space))
    return samples, rows


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


def own(rows):
    """Bearings' own functions (mangled names of its modules), without closures and thunks."""
    picked = [r for r in rows if r[2].startswith(("$s11BearingsKit", "$s8bearings", "$s13BearingsServe"))]
    names = demangle([r[2] for r in picked])
    return [r for r, n in zip(picked, names)
            if not n.startswith(("closure", "partial apply", "thunk", "reabstraction", "implicit closure"))]


def table(rows, top, title, counted=True):
    rows = rows[:top]
    names = demangle([r[2] for r in rows])
    if counted:
        out = [title, "", "| # | instructions | share | function | object |", "|---:|---:|---:|---|---|"]
    else:
        out = [title, "", "| # | share of samples | function |", "|---:|---:|---|"]
    for i, ((count, share, _, obj), name) in enumerate(zip(rows, names), 1):
        if counted:
            out.append("| %d | %s | %.1f%% | `%s` | %s |" % (i, "{:,}".format(count), share, cell(name), obj))
        else:
            out.append("| %d | %.1f%% | `%s`%s |" % (i, share, cell(name), " (kernel)" if obj else ""))
    return out


def main():
    mode, inclusive, self_cost, inputs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    top = int(sys.argv[5]) if len(sys.argv) > 5 else 10
    files = "{:,}".format(inputs)
    if mode == "perf":
        samples, inc_rows = parse_perf(inclusive)
        _, self_rows = parse_perf(self_cost)
        out = ["#### Profile: `bearings build` on %s input files (perf, CPU-clock samples)" % files, ""]
        out.append("The unmeasured warm-up run, sampled by `perf record -e cpu-clock -F 99 -g` (%s samples, "
                   "all threads; call chains from frame pointers). Time spent waiting (disk, locks) is not "
                   "sampled. This machine has no hardware counters for perf (`perf stat -e instructions` "
                   "is not supported), so this is a timer-based profile." % (samples or "?"))
        out.append("")
        out += table(inc_rows, top, "Top %d, inclusive (the function and everything it calls):" % top, counted=False)
        out.append("")
        out += table(own(inc_rows), top, "Top %d inclusive among Bearings' own functions (closures and thunks "
                     "left out):" % top, counted=False)
        out.append("")
        out += table(self_rows, top, "Top %d, self (the function's own samples):" % top, counted=False)
    else:
        total, inc_rows = parse(inclusive)
        _, self_rows = parse(self_cost)
        out = ["#### Profile: `bearings build` on %s input files (callgrind)" % files, ""]
        if total:
            out.append("%s instructions in all. Callgrind counts instructions executed (all threads "
                       "together), not time: waiting on the disk and on other threads does not show." % "{:,}".format(total))
            out.append("")
        out += table(inc_rows, top, "Top %d, inclusive (the function and everything it calls):" % top)
        out.append("")
        out += table(own(inc_rows), top, "Top %d inclusive among Bearings' own functions (closures and thunks "
                     "left out):" % top)
        out.append("")
        out += table(self_rows, top, "Top %d, self (the function's own instructions):" % top)
    print("\n".join(out))


if __name__ == "__main__":
    main()
