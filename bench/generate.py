#!/usr/bin/env python3
"""Generates the benchmark corpus: a Bearings data folder and the equivalent Hugo site.

    python3 bench/generate.py --files 10000 --out /tmp/bearings-bench/corpus-10000

writes

    OUT/data/     a Bearings data folder: project.md (20 projects), principles.md (8),
                  metrics/*.md (10), FILES/2 snapshots and FILES/2 decisions
    OUT/hugo/     the same snapshot and decision bodies as Hugo content, with TOML front
                  matter, minimal layouts and a config.toml that builds pages only

FILES counts the snapshots and decisions (the content pages Hugo also gets); the data folder
holds 12 more files (project.md, principles.md, 10 metrics).

Two shapes of data (--shape): `smooth` (the default, the developers' benchmark): a snapshot a
day, values on a per-project trend with a little noise, about 10% of the cells empty, decisions
watching 1-3 metrics; `noisy` (issue #29's corpus kept aside): a snapshot a week, every cell a
uniform random value (no trend, so the projects' order changes all the time), decisions watching
one metric each. The Markdown around the tables is made the same way in both. Output is deterministic: the same
arguments give byte-identical files (a fixed seed, no clock, no hash-order iteration).
Standard library only. OUT must not exist or be empty, unless --force is given.
"""

import argparse
import datetime
import os
import random
import shutil
import sys

LAST_DAY = datetime.date(2025, 12, 31)

PROJECT = ("lodestar", "Lodestar")
COMPETITORS = [
    ("astrolabe", "Astrolabe"), ("beacon", "Beacon"), ("compass", "Compass"),
    ("dipole", "Dipole"), ("ephemeris", "Ephemeris"), ("fathom", "Fathom"),
    ("gyro", "Gyro"), ("heading", "Heading"), ("isobar", "Isobar"),
    ("jib", "Jib"), ("keel", "Keel"), ("loran", "LORAN"),
    ("meridian", "Meridian"), ("nadir", "Nadir"), ("octant", "Octant"),
    ("portolan", "Portolan"), ("quadrant", "Quadrant"), ("rhumb", "Rhumb"),
    ("sextant", "Sextant"),
]
PROJECTS = [PROJECT] + COMPETITORS  # 20 columns

# id, name, kind, unit, lag, scale, higher_is_better, base value, yearly growth
METRICS = [
    ("dependents", "Packages that depend on the project", "usage", "packages", "3 months", "log", True, 400, 1.6),
    ("downloads", "Monthly downloads from the package registry", "usage", "downloads", "0", "log", True, 90000, 1.8),
    ("papers", "Papers whose code uses the project", "usage", "papers", "6 months", "linear", True, 30, 1.4),
    ("import-share", "Share of sampled repositories that import the project", "usage", "%", "1 month", "linear", True, 4, 1.1),
    ("stars", "GitHub stars", "vanity", "stars", "0", "log", True, 2500, 1.5),
    ("contributors", "People with a merged change in the quarter", "community", "people", "0", "linear", True, 25, 1.2),
    ("forum-posts", "Questions asked on the forum", "community", "posts", "2 weeks", "linear", True, 120, 1.3),
    ("new-contributors", "First-time contributors in the quarter", "community", "people", "0", "linear", True, 6, 1.15),
    ("issue-response-days", "Median days to a first answer on an issue", "quality", "days", "0", "linear", False, 9, 0.9),
    ("test-coverage", "Line coverage of the test suite", "quality", "%", "0", "linear", True, 55, 1.02),
]

PRINCIPLES = [
    ("Users first", "Start from the person using the library and what makes their work easier."),
    ("Small core", "Keep the core small; everything that can live outside it does."),
    ("Measure use", "Count what people build with the project, not how many look at it."),
    ("Stable interfaces", "A published interface changes only with a deprecation period and a migration path."),
    ("Fast feedback", "Every change is tested in minutes, on every supported platform."),
    ("Open governance", "Decisions are made in public, written down, and open to anyone affected."),
    ("Documentation is the product", "A feature without documentation is not finished."),
    ("Welcome newcomers", "The first contribution is the hardest; make it easy and answer quickly."),
]

STATUSES = ["accepted"] * 14 + ["proposed"] * 3 + ["rejected"] * 2 + ["deprecated"]
KINDS = ["scope", "risk", "integration", "community", "other"]

WORDS = (
    "the project release users library registry package interface change test build review "
    "maintainers contributors documentation forum issue question answer plan scope risk bet "
    "metric measure count month quarter year growth share competitor platform module plugin "
    "parser renderer compiler runtime cache memory latency throughput support migration "
    "deprecation version branch patch feedback survey download dependency ecosystem tutorial "
    "example guide team sponsor budget roadmap milestone decision principle trade-off cost "
    "benefit evidence signal noise trend baseline target adoption retention churn onboarding "
    "newcomer mentor triage label backlog security audit license policy governance vote"
).split()
VERBS = (
    "grew shrank doubled stalled recovered moved settled improved slipped rose fell held "
    "suggests shows confirms contradicts explains hides measures tracks follows"
).split()
LANGS = ["swift", "python", "sh", "json", "c"]


def slug(text):
    out, dash = [], False
    for ch in text.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


PRINCIPLE_IDS = [slug(name) for name, _ in PRINCIPLES]
METRIC_IDS = [m[0] for m in METRICS]


class Writer:
    def __init__(self, rng):
        self.rng = rng

    def words(self, n):
        r = self.rng
        return " ".join(r.choice(WORDS) for _ in range(n))

    def sentence(self):
        r = self.rng
        parts = [self.words(r.randint(3, 7)), r.choice(VERBS), self.words(r.randint(3, 8))]
        s = " ".join(parts)
        roll = r.random()
        if roll < 0.15:
            s += " with *" + self.words(2) + "*"
        elif roll < 0.25:
            s += " and **" + self.words(2) + "**"
        elif roll < 0.35:
            s += ", see `" + r.choice(WORDS) + "." + r.choice(WORDS) + "()`"
        elif roll < 0.40:
            s += " ~~" + self.words(2) + "~~"
        return s[0].upper() + s[1:] + "."

    def paragraph(self, sentences):
        lines, line = [], ""
        for s in (self.sentence() for _ in range(sentences)):
            for word in s.split(" "):
                if line and len(line) + 1 + len(word) > 78:
                    lines.append(line)
                    line = word
                else:
                    line = word if not line else line + " " + word
        if line:
            lines.append(line)
        return "\n".join(lines)

    def link(self, n):
        r = self.rng
        return "[%s](https://example.org/%s/%d)" % (self.words(r.randint(2, 4)), r.choice(WORDS), n)

    def bullet_list(self, items, tasks=False):
        r = self.rng
        out = []
        for _ in range(items):
            box = ("[x] " if r.random() < 0.5 else "[ ] ") if tasks else ""
            out.append("- " + box + self.sentence())
        return "\n".join(out)

    def code_block(self):
        r = self.rng
        lang = r.choice(LANGS)
        lines = ["%s = %s(%d)" % (r.choice(WORDS).replace("-", "_"), r.choice(WORDS).replace("-", "_"),
                                  r.randint(1, 999)) for _ in range(r.randint(2, 4))]
        return "```" + lang + "\n" + "\n".join(lines) + "\n```"

    def fill(self, blocks, target):
        """Adds paragraphs until the text reaches about `target` bytes."""
        while sum(len(b) + 2 for b in blocks) < target:
            blocks.append(self.paragraph(self.rng.randint(2, 4)))
        return blocks


def metric_value(metric_index, project_index, day_index, days_total, rng):
    """A plausible value for one cell: a per-project trend with noise."""
    _, _, kind, unit, _, _, _, base, growth = METRICS[metric_index]
    years = (days_total - day_index) / 365.0  # day_index 0 is the newest day
    weight = 1.0 + ((project_index * 7919 + metric_index * 104729) % 97) / 40.0
    if project_index == 0:
        weight *= 1.3
    if unit == "%":
        weight = 1.0 + (weight - 1.0) / 5.0
    value = base * weight * (growth ** (-years)) * (0.93 + 0.14 * rng.random())
    if unit == "%":
        return "%.1f%%" % min(value, 99.9)
    if value >= 1_000_000:
        return "%.1fM" % (value / 1_000_000)
    n = int(round(value))
    if n >= 10000 and rng.random() < 0.5:
        return "%.1fk" % (n / 1000)
    if n >= 1000:
        return "{:,}".format(n)
    return str(n)


def noisy_value(metric_index, rng):
    """A uniform random value for one cell of the noisy shape: no trend, no missing cells."""
    _, _, _, unit, _, _, _, base, _ = METRICS[metric_index]
    if unit == "%":
        return "%.1f%%" % rng.uniform(0.1, 99.9)
    return str(int(rng.uniform(1, 2 * base)))


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def toml_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def toml_list(items):
    return "[" + ", ".join(toml_string(i) for i in items) + "]"


def generate(files, out, seed, shape="smooth"):
    rng = random.Random(seed)
    w = Writer(rng)
    data = os.path.join(out, "data")
    hugo = os.path.join(out, "hugo")
    for d in ("metrics", "decisions", "snapshots"):
        os.makedirs(os.path.join(data, d))
    for d in ("content/snapshots", "content/decisions", "layouts/_default"):
        os.makedirs(os.path.join(hugo, d))

    snapshots = files // 2
    decisions = files - snapshots
    if decisions > 99999:
        sys.exit("error: at most 99,999 decisions (Bearings numbers ids of up to five digits)")

    # project.md
    competitors = "\n".join("  %s: %s" % c for c in COMPETITORS)
    write(os.path.join(data, "project.md"),
          "---\nname: %s\nid: %s\ntagline: A generated project for the Bearings benchmark\n"
          "url: https://example.org/lodestar\nheadline: dependents\ncompetitors:\n%s\n---\n%s\n\n%s\n"
          % (PROJECT[1], PROJECT[0], competitors, w.paragraph(4), w.paragraph(3)))

    # principles.md
    parts = [w.paragraph(2)]
    for name, statement in PRINCIPLES:
        parts.append("## %s\n\n%s\n\n%s" % (name, statement, w.paragraph(2)))
    write(os.path.join(data, "principles.md"), "\n\n".join(parts) + "\n")

    # metrics
    for (mid, name, kind, unit, lag, scale, hib, _, _) in METRICS:
        write(os.path.join(data, "metrics", mid + ".md"),
              '---\nname: %s\nkind: %s\nunit: "%s"\nlag: "%s"\nhigher_is_better: %s\nscale: %s\n'
              "source: https://example.org/metrics/%s\n---\n%s\n\n## Caveats\n\n%s\n"
              % (name, kind, unit, lag, "true" if hib else "false", scale, mid,
                 w.paragraph(3), w.bullet_list(3)))

    # snapshots: one a day (a week in the noisy shape), newest on LAST_DAY; k = 0 is the newest
    noisy = shape == "noisy"
    step = 7 if noisy else 1
    header = "| metric | " + " | ".join(p[0] for p in PROJECTS) + " |"
    rule = "| --- | " + " | ".join("---:" for _ in PROJECTS) + " |"
    for k in range(snapshots):
        day = LAST_DAY - datetime.timedelta(days=k * step)
        name = "%s-%d" % (day.isoformat(), k)
        title = "Snapshot of %s" % day.strftime("%d %B %Y")
        rows = []
        for mi, mid in enumerate(METRIC_IDS):
            cells = []
            for pi in range(len(PROJECTS)):
                if noisy:
                    cells.append(noisy_value(mi, rng))
                    continue
                roll = rng.random()
                if roll < 0.08:
                    cells.append("")
                elif roll < 0.10:
                    cells.append(rng.choice(["-", "n/a", "?"]))
                else:
                    cells.append(metric_value(mi, pi, k, snapshots, rng))
            rows.append("| %s | %s |" % (mid, " | ".join(cells)))
        notes = [w.paragraph(3), w.bullet_list(rng.randint(3, 5)),
                 w.paragraph(2) + " Source: " + w.link(k) + "."]
        if rng.random() < 0.5:
            notes.append(w.code_block())
        w.fill(notes, 1500)
        body = "# %s\n\n%s\n%s\n%s\n\n%s\n" % (title, header, rule, "\n".join(rows), "\n\n".join(notes))
        write(os.path.join(data, "snapshots", name + ".md"),
              "---\ndate: %s\nsource: https://example.org/snapshots/%d\n---\n%s" % (day.isoformat(), k, body))
        write(os.path.join(hugo, "content", "snapshots", name + ".md"),
              "+++\ntitle = %s\ndate = %s\nsource = \"https://example.org/snapshots/%d\"\n+++\n%s"
              % (toml_string(title), toml_string(day.isoformat()), k, body))

    # decisions: numbered 00001.. in date order over the snapshots' range
    first_day = LAST_DAY - datetime.timedelta(days=max(snapshots - 1, 0) * step)
    span = (LAST_DAY - first_day).days
    ids = []
    for i in range(decisions):
        title = w.words(rng.randint(3, 6)).capitalize()
        ids.append("%05d-%s" % (i + 1, slug(title)[:40].strip("-")))
    titles = {}
    for i, did in enumerate(ids):
        titles[did] = did.split("-", 1)[1].replace("-", " ").capitalize()
    for i, did in enumerate(ids):
        day = first_day + datetime.timedelta(days=(span * i) // max(decisions - 1, 1))
        title = titles[did]
        superseded = i + 1 < decisions and rng.random() < 0.06
        status = "superseded" if superseded else rng.choice(STATUSES)
        kind = rng.choice(KINDS)
        principles = rng.sample(PRINCIPLE_IDS, rng.randint(1, 3))
        watch = rng.sample(METRIC_IDS, 1 if noisy else rng.randint(1, 3))
        review = day + datetime.timedelta(days=rng.randint(180, 1100))
        fm = ["status: %s" % status, "date: %s" % day.isoformat(), "kind: %s" % kind,
              "principles: [%s]" % ", ".join(principles), "watch: [%s]" % ", ".join(watch),
              "review: %s" % review.isoformat()]
        successor = None
        if superseded:
            successor = ids[rng.randint(i + 1, min(i + 40, decisions - 1))]
            fm.append("superseded_by: %s" % successor)
        sections = [
            "## Context\n\n" + "\n\n".join([w.paragraph(3), w.paragraph(2)]),
            "## Decision\n\n" + w.paragraph(3) + " See " + w.link(i) + ".",
            "## Consequences\n\n" + w.bullet_list(rng.randint(3, 5), tasks=rng.random() < 0.3),
        ]
        if rng.random() < 0.4:
            sections.append(w.code_block())
        if successor:
            sections.append("Superseded by decision %s." % successor[:5])
        w.fill(sections, 2000)
        body = "# %s\n\n%s\n" % (title, "\n\n".join(sections))
        write(os.path.join(data, "decisions", did + ".md"), "---\n%s\n---\n%s" % ("\n".join(fm), body))
        hfm = ["title = %s" % toml_string(title), "date = %s" % toml_string(day.isoformat()),
               "status = %s" % toml_string(status), "kind = %s" % toml_string(kind),
               "principles = %s" % toml_list(principles), "watch = %s" % toml_list(watch),
               "review = %s" % toml_string(review.isoformat())]
        if successor:
            hfm.append("superseded_by = %s" % toml_string(successor))
        write(os.path.join(hugo, "content", "decisions", did + ".md"), "+++\n%s\n+++\n%s" % ("\n".join(hfm), body))

    # the Hugo site around the content: pages only, no theme
    write(os.path.join(hugo, "config.toml"),
          'baseURL = "https://example.org/"\nlanguageCode = "en"\ntitle = "Lodestar"\n'
          'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n'
          "buildFuture = true\nbuildExpired = true\nenableGitInfo = false\n"
          "[markup.goldmark.renderer]\nunsafe = false\n")
    write(os.path.join(hugo, "layouts", "_default", "single.html"),
          '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
          "<body>\n<nav><a href=\"{{ .Site.Home.RelPermalink }}\">{{ .Site.Title }}</a></nav>\n"
          "<main>\n<p>{{ .Date.Format \"2006-01-02\" }}</p>\n{{ .Content }}\n</main>\n</body>\n</html>\n")
    write(os.path.join(hugo, "layouts", "_default", "list.html"),
          '<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>{{ .Title }}</title></head>\n'
          "<body>\n<main>\n<h1>{{ .Title }}</h1>\n<ul>\n"
          "{{ range .Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a> {{ .Date.Format \"2006-01-02\" }}</li>\n"
          "{{ end }}</ul>\n</main>\n</body>\n</html>\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, default=10000,
                        help="snapshots + decisions (half each); default 10000")
    parser.add_argument("--out", required=True, help="folder to write data/ and hugo/ into")
    parser.add_argument("--seed", type=int, default=20251231, help="random seed; default 20251231")
    parser.add_argument("--shape", choices=["smooth", "noisy"], default="smooth",
                        help="smooth: a snapshot a day, trends (default); noisy: a snapshot a week, "
                             "uniform random values, one watched metric per decision")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    args = parser.parse_args()
    if args.files < 2:
        parser.error("--files must be at least 2")
    if os.path.exists(args.out) and os.listdir(args.out):
        if not args.force:
            parser.error("%s exists and is not empty (use --force to replace it)" % args.out)
        shutil.rmtree(args.out)
    generate(args.files, args.out, args.seed, args.shape)


if __name__ == "__main__":
    main()
