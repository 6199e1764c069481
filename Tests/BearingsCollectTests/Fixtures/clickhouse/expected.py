"""Counts the rows of rows.py per month without SQL: the values the tests expect.

    python3 expected.py

prints, for each source and name, the complete months before 2025-04 with their counts.
"""
from collections import defaultdict

from rows import GITHUB_EVENTS, PYPI_DOWNLOADS_PER_DAY

END = "2025-04"  # --date 2025-04-15: months before April are complete


def month(timestamp):
    return timestamp[:7]


def github(repo, keep, distinct=False):
    counts = defaultdict(set if distinct else int)
    for event_type, actor, name, created, action in GITHUB_EVENTS:
        if name != repo or month(created) >= END or not keep(event_type, actor, action):
            continue
        if distinct:
            counts[month(created)].add(actor)
        else:
            counts[month(created)] += 1
    return {m: (len(v) if distinct else v) for m, v in sorted(counts.items())}


def contributor(event_type, actor, action):
    pushed_or_opened = event_type == "PushEvent" or (event_type == "PullRequestEvent" and action == "opened")
    return pushed_or_opened and not actor.endswith("[bot]")


def clickpy(project):
    counts = defaultdict(int)
    for date, name, _version, count in PYPI_DOWNLOADS_PER_DAY:
        if name == project and month(date) < END:
            counts[month(date)] += count
    return dict(sorted(counts.items()))


print("gharchive-stars pytorch/pytorch", github("pytorch/pytorch", lambda t, a, x: t == "WatchEvent"))
print("gharchive-stars tensorflow/tensorflow", github("tensorflow/tensorflow", lambda t, a, x: t == "WatchEvent"))
print("gharchive-forks pytorch/pytorch", github("pytorch/pytorch", lambda t, a, x: t == "ForkEvent"))
print(
    "gharchive-issues pytorch/pytorch",
    github("pytorch/pytorch", lambda t, a, x: t == "IssuesEvent" and x == "opened"),
)
print("gharchive-contributors pytorch/pytorch", github("pytorch/pytorch", contributor, distinct=True))
print("gharchive-stars it's/\"quoted\"\\back", github("it's/\"quoted\"\\back", lambda t, a, x: t == "WatchEvent"))
print("clickpy-downloads torch", clickpy("torch"))
print("clickpy-downloads zope-interface", clickpy("zope-interface"))
