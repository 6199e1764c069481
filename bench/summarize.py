#!/usr/bin/env python3
"""Turns one bench/run results folder into the Markdown section of docs/performance.md.

    python3 bench/summarize.py RESULTS_DIR

RESULTS_DIR holds what bench/run wrote:
  meta.tsv     key<TAB>value lines: commit, dirty, date, nproc, cpu, memory, versions, loads, sizes
  runs.tsv     tool<TAB>size<TAB>input_files<TAB>run<TAB>wall_s<TAB>user_s<TAB>sys_s<TAB>max_rss_kib<TAB>status
               (status: ok, or why the watchdog killed the run)
               (tool: bearings, before, hugo or floor; TOOL@noisy on the noisy shape)
  serve.tsv, serve-noisy.tsv    optional: run<TAB>rebuild_s, or one line "todo<TAB>reason"
  profile-perf.md, profile-perf-noisy.md, profile-callgrind.md   optional: profile tables, included as they are
Prints the section between the markers <!-- bench:begin --> and <!-- bench:end -->, markers
included, so bench/run --update-doc can replace it in the doc. Standard library only.
"""

import math
import os
import statistics
import sys

TOOLS = [
    ("bearings", "`bearings build`"),
    ("before", "`bearings build`, the build given as --before"),
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


def verdict(measured, limit, unit_fmt):
    if measured <= limit:
        return "met (%s to spare)" % unit_fmt(limit - measured)
    return "**missed** by %s: %.1f× the limit" % (unit_fmt(measured - limit), measured / limit)


def shape_tables(stats, killed, results, suffix, size, shape, serve_file, before):
    """The full-build table and the targets of one shape of corpus."""
    out = []
    bearings = stats.get(("bearings" + suffix, size))
    hugo = stats.get(("hugo" + suffix, size))
    floor = stats.get(("floor" + suffix, size))
    inputs = bearings["inputs"] if bearings else size
    out.append("#### Full build, %s input files, %s shape" % (group_int(inputs), shape))
    out.append("")
    out.append("| tool | median wall s | peak MiB | ratio to Hugo | ratio to floor | median CPU s | output MiB | runs (wall min–max s) |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---|")
    for key, label in TOOLS:
        if key == "before" and not before:
            continue
        e = stats.get((key + suffix, size))
        if not e:
            k = killed.get((key + suffix, size))
            if k:
                out.append("| %s | did not finish: %s (%s s, %.0f MiB) | | | | | | |" % (label, k[1], fmt_s(k[2]), k[3]))
            else:
                out.append("| %s | not measured | | | | | | |" % label)
            continue
        to_hugo = fmt_ratio(e["wall_med"] / hugo["wall_med"]) if hugo else "–"
        to_floor = fmt_ratio(e["wall_med"] / floor["wall_med"]) if floor else "–"
        out.append("| %s | %s | %.0f | %s | %s | %s | %.0f | %d (%s–%s) |" % (
            label, fmt_s(e["wall_med"]), e["rss_med"], to_hugo, to_floor, fmt_s(e["cpu_med"]), e["out_med"], e["n"],
            fmt_s(e["wall_min"]), fmt_s(e["wall_max"])))
    serve = read_tsv(os.path.join(results, serve_file))
    serve_med = None
    if serve and serve[0][0] == "todo":
        out.append("| `bearings serve`: rebuild after one edited snapshot | **TODO**: %s | | | | | | |" % serve[0][1])
    elif serve:
        times = [float(r[1]) for r in serve]
        serve_med = statistics.median(times)
        share = " (%.1f%% of a full build)" % (100 * serve_med / bearings["wall_med"]) if bearings else ""
        out.append("| `bearings serve`: rebuild after one edited snapshot%s | %s | | | | | | %d (%s–%s) |" % (
            share, fmt_s(serve_med), len(times), fmt_s(min(times)), fmt_s(max(times))))
    else:
        out.append("| `bearings serve`: rebuild after one edited snapshot | **TODO**: not measured | | | | | | |")
    out.append("")
    out.append("Wall time and peak memory are medians over the runs of `/usr/bin/time -f '%e %U %S %M'`; "
               "peak is the maximum resident set size. CPU is user + system time (Hugo uses both cores, the "
               "floor one). Output is the size of what the tool wrote (`du -sm`). Every run writes into a "
               "fresh, empty output folder; one unmeasured warm-up run of each tool comes first."
               + (" \"before\" is `%s`." % before if before else ""))
    out.append("")

    # targets
    out.append("#### Targets, %s shape" % shape)
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

    return out


def main():
    results = sys.argv[1]
    meta = {row[0]: row[1] if len(row) > 1 else "" for row in read_tsv(os.path.join(results, "meta.tsv"))}
    runs = read_tsv(os.path.join(results, "runs.tsv"))
    stats = {}  # (tool, size) -> dict, for sizes with at least one finished run
    killed = {}  # (tool, size) -> (inputs, reason, wall, MiB) of a run the watchdog stopped
    for row in runs:
        tool, size, inputs, _run, wall, user, sys_s, rss = row[:8]
        reason = row[8] if len(row) > 8 else "ok"
        out_mib = int(row[9]) if len(row) > 9 else 0
        if reason != "ok":
            killed[(tool, int(size))] = (int(inputs), reason, float(wall), int(rss) / 1024.0)
            continue
        entry = stats.setdefault((tool, int(size)), {"inputs": int(inputs), "wall": [], "cpu": [], "rss": [], "out": []})
        entry["out"].append(out_mib)
        entry["wall"].append(float(wall))
        entry["cpu"].append(float(user) + float(sys_s))
        entry["rss"].append(int(rss) / 1024.0)
    for entry in stats.values():
        entry["n"] = len(entry["wall"])
        entry["wall_med"] = statistics.median(entry["wall"])
        entry["cpu_med"] = statistics.median(entry["cpu"])
        entry["rss_med"] = statistics.median(entry["rss"])
        entry["out_med"] = statistics.median(entry["out"])
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
    samples = [float(row[1]) for row in read_tsv(os.path.join(results, "load.tsv")) if len(row) > 1]
    if samples:
        out.append("| load average (1 min) during the runs | median %.1f, %.1f–%.1f (%d samples, every 10 s) |" % (
            statistics.median(samples), min(samples), max(samples), len(samples)))
    if meta.get("out"):
        out.append("| sites written to | `%s` |" % meta["out"])
    out.append("")
    try:
        busiest = max(float(meta.get("load_start", "0")), float(meta.get("load_end", "0")))
        cores = float(meta.get("nproc", "1"))
    except ValueError:
        busiest, cores = 0.0, 1.0
    if busiest > 0.5:
        out.append("> The 1-minute load average was %s at the start and %s at the end, on %d cores; it counts "
                   "what ran just before the benchmark and, at the end, the benchmark's own last runs, so it "
                   "overstates other work. Runs were interleaved (Bearings, Hugo, floor, on each shape in turn, "
                   "round after round), so any disturbance fell on all of them alike." % (meta.get("load_start", "?"), meta.get("load_end", "?"),
                                                            int(cores)))
        out.append("")

    shapes = [("", main_size, "smooth", "serve.tsv")]
    noisy_size = int(meta.get("noisy_size", "0"))
    if noisy_size > 0:
        shapes.append(("@noisy", noisy_size, "noisy", "serve-noisy.tsv"))
    for suffix, size, shape, serve_file in shapes:
        out += shape_tables(stats, killed, results, suffix, size, shape, serve_file, meta.get("before"))

    # growth
    sizes = sorted({size for (tool, size) in list(stats) + list(killed) if tool == "bearings"})
    if sizes:
        out.append("#### Growth: `bearings build`")
        out.append("")
        out.append("| input files | runs | median wall s | median CPU s | peak MiB | output MiB | ms wall per input file | wall vs smallest | files vs smallest |")
        out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        finished = [size for size in sizes if ("bearings", size) in stats]
        base = stats[("bearings", finished[0])] if finished else None
        for size in sizes:
            e = stats.get(("bearings", size))
            if not e or not base:
                k = killed[("bearings", size)]
                out.append("| %s | 1 | > %s (%s) | – | > %.0f | – | > %.2f | > %s | %s |" % (
                    group_int(k[0]), fmt_s(k[2]), k[1], k[3], 1000.0 * k[2] / k[0],
                    fmt_ratio(k[2] / base["wall_med"]) if base else "–",
                    fmt_ratio(k[0] / base["inputs"]) if base else "–"))
                continue
            out.append("| %s | %d | %s | %s | %.0f | %.0f | %.2f | %s | %s |" % (
                group_int(e["inputs"]), e["n"], fmt_s(e["wall_med"]), fmt_s(e["cpu_med"]), e["rss_med"], e["out_med"],
                1000.0 * e["wall_med"] / e["inputs"], fmt_ratio(e["wall_med"] / base["wall_med"]),
                fmt_ratio(e["inputs"] / base["inputs"])))
        if len(finished) >= 2:
            a, b = stats[("bearings", finished[0])], stats[("bearings", finished[-1])]
            if a["wall_med"] > 0 and a["cpu_med"] > 0 and a["rss_med"] > 0 and b["inputs"] != a["inputs"]:
                def exponent(key):
                    return math.log(b[key] / a[key]) / math.log(b["inputs"] / a["inputs"])
                out.append("")
                out.append("Between %s and %s input files, wall time grows as about files^%.2f, CPU time as "
                           "files^%.2f and peak memory as files^%.2f (1.00 is linear)." % (
                               group_int(a["inputs"]), group_int(b["inputs"]), exponent("wall_med"),
                               exponent("cpu_med"), exponent("rss_med")))
        out.append("")

    for name in ("profile-perf.md", "profile-perf-noisy.md", "profile-callgrind.md"):
        profile = os.path.join(results, name)
        if os.path.exists(profile):
            with open(profile, encoding="utf-8") as f:
                out.append(f.read().rstrip("\n"))
            out.append("")
    out.append("<!-- bench:end -->")
    print("\n".join(out))


if __name__ == "__main__":
    main()
