#!/usr/bin/env python3
"""Turns one bench/run results folder into the Markdown section of docs/performance.md.

    python3 bench/summarize.py RESULTS_DIR

RESULTS_DIR holds what bench/run wrote:
  meta.tsv     key<TAB>value lines: commit, dirty, date, nproc, cpu, memory, versions, loads, sizes
  runs.tsv     tool<TAB>size<TAB>input_files<TAB>run<TAB>wall_s<TAB>user_s<TAB>sys_s<TAB>max_rss_kib
  serve.tsv    optional: run<TAB>rebuild_s, or one line "todo<TAB>reason"
  profile.md   optional: the profile's table, included as it is
Prints the section between the markers <!-- bench:begin --> and <!-- bench:end -->, markers
included, so bench/run --update-doc can replace it in the doc. Standard library only.
"""

import os
import statistics
import sys

TOOLS = [
    ("bearings", "`bearings build`"),
    ("hugo", "Hugo (`hugo --quiet`)"),
    ("floor", "floor (`bench/floor.c`, libcmark-gfm, 1 thread)"),
]

TARGET_HUGO = 0.5
TARGET_FLOOR = 1.5
TARGET_MIB = 150.0
TARGET_SERVE = 0.10


def read_tsv(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def fmt_s(x):
    return "%.2f" % x if x < 100 else "%.0f" % x


def fmt_ratio(x):
    return "%.2f×" % x


def group_int(n):
    return "{:,}".format(n)


def verdict(measured, limit, unit_fmt, lower_is_better=True):
    if measured <= limit:
        return "met (%s under)" % unit_fmt(limit - measured)
    return "**missed** by %s (%.0f%% over the limit)" % (unit_fmt(measured - limit), 100.0 * (measured / limit - 1))


def main():
    results = sys.argv[1]
    meta = {row[0]: row[1] if len(row) > 1 else "" for row in read_tsv(os.path.join(results, "meta.tsv"))}
    runs = read_tsv(os.path.join(results, "runs.tsv"))
    stats = {}  # (tool, size) -> dict
    for tool, size, inputs, _run, wall, user, sys_s, rss in runs:
        entry = stats.setdefault((tool, int(size)), {"inputs": int(inputs), "wall": [], "cpu": [], "rss": []})
        entry["wall"].append(float(wall))
        entry["cpu"].append(float(user) + float(sys_s))
        entry["rss"].append(int(rss) / 1024.0)
    for entry in stats.values():
        entry["n"] = len(entry["wall"])
        entry["wall_med"] = statistics.median(entry["wall"])
        entry["cpu_med"] = statistics.median(entry["cpu"])
        entry["rss_med"] = statistics.median(entry["rss"])
        entry["wall_min"] = min(entry["wall"])
        entry["wall_max"] = max(entry["wall"])

    main_size = int(meta.get("main_size", "10000"))
    out = ["<!-- bench:begin -->"]
    if meta.get("source") == "worktree":
        dirty = (" (the working tree, with uncommitted changes)" if meta.get("dirty") == "yes"
                 else " (the working tree, no uncommitted changes)")
    else:
        dirty = " (the committed tree, built from `git archive`)"
    out.append("Measured %s on commit `%s`%s, with `%s`." % (meta.get("date", "?"), meta.get("commit", "?"),
                                                            dirty, meta.get("command", "bench/run")))
    out.append("")
    out.append("| machine | |")
    out.append("|---|---|")
    out.append("| CPU | %s, %s cores (`nproc`) |" % (meta.get("cpu", "?"), meta.get("nproc", "?")))
    out.append("| memory | %s |" % meta.get("memory", "?"))
    out.append("| system | %s |" % meta.get("system", "?"))
    out.append("| Swift | %s |" % meta.get("swift", "?"))
    out.append("| Hugo | %s |" % meta.get("hugo", "?"))
    out.append("| libcmark-gfm | %s |" % meta.get("cmark", "?"))
    out.append("| load average (1 min) | %s at the start, %s at the end |" % (meta.get("load_start", "?"),
                                                                              meta.get("load_end", "?")))
    out.append("")
    try:
        busiest = max(float(meta.get("load_start", "0")), float(meta.get("load_end", "0")))
        cores = float(meta.get("nproc", "1"))
    except ValueError:
        busiest, cores = 0.0, 1.0
    if busiest > 0.5:
        out.append("> **Measured while other work ran on the machine** (load average up to %.1f on %d cores, "
                   "not counting the benchmark itself). Absolute times are inflated and noisy; the ratios "
                   "are fairer, since the runs were interleaved (Bearings, Hugo, floor, Bearings, …) "
                   "and so shared the disturbance." % (busiest, int(cores)))
        out.append("")

    # main table
    bearings = stats.get(("bearings", main_size))
    hugo = stats.get(("hugo", main_size))
    floor = stats.get(("floor", main_size))
    inputs = bearings["inputs"] if bearings else main_size
    out.append("#### Full build, %s input files" % group_int(inputs))
    out.append("")
    out.append("| tool | median wall s | peak MiB | ratio to Hugo | ratio to floor | median CPU s | runs (wall min–max s) |")
    out.append("|---|---:|---:|---:|---:|---:|---|")
    for key, label in TOOLS:
        e = stats.get((key, main_size))
        if not e:
            out.append("| %s | not measured | | | | | |" % label)
            continue
        to_hugo = fmt_ratio(e["wall_med"] / hugo["wall_med"]) if hugo else "–"
        to_floor = fmt_ratio(e["wall_med"] / floor["wall_med"]) if floor else "–"
        out.append("| %s | %s | %.0f | %s | %s | %s | %d (%s–%s) |" % (
            label, fmt_s(e["wall_med"]), e["rss_med"], to_hugo, to_floor, fmt_s(e["cpu_med"]), e["n"],
            fmt_s(e["wall_min"]), fmt_s(e["wall_max"])))
    serve = read_tsv(os.path.join(results, "serve.tsv"))
    serve_med = None
    if serve and serve[0][0] == "todo":
        out.append("| `bearings serve`: rebuild after one edited snapshot | **TODO**: %s | | | | | |" % serve[0][1])
    elif serve:
        times = [float(r[1]) for r in serve]
        serve_med = statistics.median(times)
        share = " (%.1f%% of a full build)" % (100 * serve_med / bearings["wall_med"]) if bearings else ""
        out.append("| `bearings serve`: rebuild after one edited snapshot%s | %s | | | | | %d (%s–%s) |" % (
            share, fmt_s(serve_med), len(times), fmt_s(min(times)), fmt_s(max(times))))
    else:
        out.append("| `bearings serve`: rebuild after one edited snapshot | **TODO**: not measured | | | | | |")
    out.append("")
    out.append("Wall time and peak memory are medians over the runs of `/usr/bin/time -f '%e %U %S %M'`; "
               "peak is the maximum resident set size. CPU is user + system time. Every run writes into a "
               "fresh, empty output folder; one unmeasured warm-up run of each tool comes first.")
    out.append("")

    # targets
    out.append("#### Targets")
    out.append("")
    out.append("| target | limit | measured | verdict |")
    out.append("|---|---|---|---|")
    if bearings and hugo:
        limit = TARGET_HUGO * hugo["wall_med"]
        out.append("| full build vs Hugo | ≤ %.2f × Hugo = %s s | %s s = %s Hugo | %s |" % (
            TARGET_HUGO, fmt_s(limit), fmt_s(bearings["wall_med"]), fmt_ratio(bearings["wall_med"] / hugo["wall_med"]),
            verdict(bearings["wall_med"], limit, lambda d: "%s s" % fmt_s(d))))
    if bearings and floor:
        limit = TARGET_FLOOR * floor["wall_med"]
        out.append("| full build vs floor | ≤ %.1f × floor = %s s | %s s = %s floor | %s |" % (
            TARGET_FLOOR, fmt_s(limit), fmt_s(bearings["wall_med"]), fmt_ratio(bearings["wall_med"] / floor["wall_med"]),
            verdict(bearings["wall_med"], limit, lambda d: "%s s" % fmt_s(d))))
    if bearings:
        out.append("| peak memory | ≤ %.0f MiB | %.0f MiB | %s |" % (
            TARGET_MIB, bearings["rss_med"], verdict(bearings["rss_med"], TARGET_MIB, lambda d: "%.0f MiB" % d)))
    if serve_med is not None and bearings:
        limit = TARGET_SERVE * bearings["wall_med"]
        out.append("| serve rebuild after one edit | ≤ 10%% of a full build = %s s | %s s | %s |" % (
            fmt_s(limit), fmt_s(serve_med), verdict(serve_med, limit, lambda d: "%s s" % fmt_s(d))))
    else:
        out.append("| serve rebuild after one edit | ≤ 10% of a full build | – | **TODO**: `bearings serve` not measured yet |")
    out.append("")

    # growth
    sizes = sorted({size for (tool, size) in stats if tool == "bearings"})
    if sizes:
        out.append("#### Growth: `bearings build`")
        out.append("")
        out.append("| input files | runs | median wall s | peak MiB | ms per input file | wall vs smallest | files vs smallest |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|")
        base = stats[("bearings", sizes[0])]
        for size in sizes:
            e = stats[("bearings", size)]
            out.append("| %s | %d | %s | %.0f | %.2f | %s | %s |" % (
                group_int(e["inputs"]), e["n"], fmt_s(e["wall_med"]), e["rss_med"],
                1000.0 * e["wall_med"] / e["inputs"], fmt_ratio(e["wall_med"] / base["wall_med"]),
                fmt_ratio(e["inputs"] / base["inputs"])))
        if len(sizes) >= 2:
            import math
            a, b = stats[("bearings", sizes[0])], stats[("bearings", sizes[-1])]
            if a["wall_med"] > 0 and b["inputs"] != a["inputs"]:
                k = math.log(b["wall_med"] / a["wall_med"]) / math.log(b["inputs"] / a["inputs"])
                out.append("")
                out.append("Wall time grows as about (input files)^%.2f between %s and %s files "
                           "(1.00 would be linear)." % (k, group_int(a["inputs"]), group_int(b["inputs"])))
        out.append("")

    profile = os.path.join(results, "profile.md")
    if os.path.exists(profile):
        with open(profile, encoding="utf-8") as f:
            out.append(f.read().rstrip("\n"))
        out.append("")
    out.append("<!-- bench:end -->")
    print("\n".join(out))


if __name__ == "__main__":
    main()
