"""The rows the test server loads, written so each month's count can be checked by hand.

Read by clickhouse_http.py (to insert them) and by expected.py (which counts them without SQL).
The tests run with --date 2025-04-15: April 2025 is incomplete and must never be counted.
"""

# GH Archive github_events: (event_type, actor_login, repo_name, created_at, action); the other
# columns take their defaults.
GITHUB_EVENTS = [
    # pytorch/pytorch stars: Dec 1, Jan 3 (both ends of the month), Feb none, Mar 2, Apr 1 (incomplete).
    ("WatchEvent", "s1", "pytorch/pytorch", "2024-12-31 23:59:59", "started"),
    ("WatchEvent", "s2", "pytorch/pytorch", "2025-01-01 00:00:00", "started"),
    ("WatchEvent", "s3", "pytorch/pytorch", "2025-01-15 12:00:00", "started"),
    ("WatchEvent", "s4", "pytorch/pytorch", "2025-01-31 23:59:59", "started"),
    ("WatchEvent", "s5", "pytorch/pytorch", "2025-03-10 08:00:00", "started"),
    ("WatchEvent", "s6", "pytorch/pytorch", "2025-03-20 08:00:00", "started"),
    ("WatchEvent", "s7", "pytorch/pytorch", "2025-04-01 00:00:00", "started"),
    # Another repository whose name starts the same: never counted for pytorch/pytorch.
    ("WatchEvent", "s8", "pytorch/pytorch-lightning", "2025-01-10 00:00:00", "started"),
    # pytorch/pytorch forks: Jan 1, Feb none, Mar 2.
    ("ForkEvent", "f1", "pytorch/pytorch", "2025-01-05 00:00:00", "none"),
    ("ForkEvent", "f2", "pytorch/pytorch", "2025-03-05 00:00:00", "none"),
    ("ForkEvent", "f3", "pytorch/pytorch", "2025-03-06 00:00:00", "none"),
    # pytorch/pytorch issues opened: Feb 2 (a close and a reopen are not openings), Mar 1, Apr 1.
    ("IssuesEvent", "i1", "pytorch/pytorch", "2025-02-01 00:00:00", "opened"),
    ("IssuesEvent", "i2", "pytorch/pytorch", "2025-02-02 00:00:00", "opened"),
    ("IssuesEvent", "i1", "pytorch/pytorch", "2025-02-03 00:00:00", "closed"),
    ("IssuesEvent", "i1", "pytorch/pytorch", "2025-02-04 00:00:00", "reopened"),
    ("IssuesEvent", "i3", "pytorch/pytorch", "2025-03-01 00:00:00", "opened"),
    ("IssuesEvent", "i4", "pytorch/pytorch", "2025-04-02 00:00:00", "opened"),
    # pytorch/pytorch contributors. January: alice (two pushes), bob, carol (a pull request opened) = 3;
    # dave only closed one, erin only opened an issue, the two [bot] logins are left out, and alice's push
    # to another repository is not this one's.
    ("PushEvent", "alice", "pytorch/pytorch", "2025-01-02 00:00:00", "none"),
    ("PushEvent", "alice", "pytorch/pytorch", "2025-01-03 00:00:00", "none"),
    ("PushEvent", "bob", "pytorch/pytorch", "2025-01-04 00:00:00", "none"),
    ("PullRequestEvent", "carol", "pytorch/pytorch", "2025-01-05 00:00:00", "opened"),
    ("PullRequestEvent", "dave", "pytorch/pytorch", "2025-01-06 00:00:00", "closed"),
    ("PushEvent", "dependabot[bot]", "pytorch/pytorch", "2025-01-07 00:00:00", "none"),
    ("PullRequestEvent", "renovate[bot]", "pytorch/pytorch", "2025-01-08 00:00:00", "opened"),
    ("IssuesEvent", "erin", "pytorch/pytorch", "2025-01-09 00:00:00", "opened"),
    ("PushEvent", "alice", "pytorch/vision", "2025-01-10 00:00:00", "none"),
    # February: alice opens a pull request and pushes = 1.
    ("PullRequestEvent", "alice", "pytorch/pytorch", "2025-02-05 00:00:00", "opened"),
    ("PushEvent", "alice", "pytorch/pytorch", "2025-02-06 00:00:00", "none"),
    # March: renovate-bot (a bot, but its login does not end in [bot], so it counts) and bob = 2.
    ("PullRequestEvent", "renovate-bot", "pytorch/pytorch", "2025-03-07 00:00:00", "opened"),
    ("PushEvent", "bob", "pytorch/pytorch", "2025-03-08 00:00:00", "none"),
    # April is incomplete.
    ("PushEvent", "frank", "pytorch/pytorch", "2025-04-03 00:00:00", "none"),
    # tensorflow/tensorflow stars: Feb 2.
    ("WatchEvent", "t1", "tensorflow/tensorflow", "2025-02-14 00:00:00", "started"),
    ("WatchEvent", "t2", "tensorflow/tensorflow", "2025-02-15 00:00:00", "started"),
    # May 2025, for the run with --date 2025-06-01 that adds April and May: 1 star.
    ("WatchEvent", "s9", "pytorch/pytorch", "2025-05-05 00:00:00", "started"),
    # A name with quotes, a backslash and a slash, and one that reads like SQL: only bound as parameters
    # can they be asked for.
    ("WatchEvent", "q1", "it's/\"quoted\"\\back", "2025-01-02 00:00:00", "started"),
    ("WatchEvent", "q2", "it's/\"quoted\"\\back", "2025-01-03 00:00:00", "started"),
    ("WatchEvent", "q3", "x' OR '1'='1", "2025-01-04 00:00:00", "started"),
]

# ClickPy pypi.pypi_downloads_per_day: (date, project, version, count). Project names as ClickPy keeps
# them: normalized (PEP 503). Counts beyond 2^32 check 64-bit reading.
PYPI_DOWNLOADS_PER_DAY = [
    ("2025-01-05", "torch", "2.5.0", 4000000000),
    ("2025-01-20", "torch", "2.5.1", 5),
    ("2025-02-10", "torch", "2.5.1", 5000000000),
    ("2025-02-11", "torch", "2.6.0", 7),
    ("2025-03-01", "torch", "2.6.0", 4500000000),
    ("2025-03-31", "torch", "2.6.0", 1),
    ("2025-04-01", "torch", "2.6.0", 100),
    ("2025-01-05", "torchvision", "0.20.0", 1000),
    ("2025-03-03", "zope-interface", "7.2", 4),
]
