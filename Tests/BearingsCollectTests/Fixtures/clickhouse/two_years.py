"""Two years of monthly activity, for the end-to-end test `init` -> `collect --history` -> `build`.

Loaded by `clickhouse_http.py --rows two_years.py`. Month k (k = 1 ... 24) is 2023-01 ... 2024-12; the
test runs with --date 2025-01-15, so January 2025 (month 25, also filled) is incomplete and never counted.
The rule, checkable by hand:

                          pytorch/pytorch     tensorflow/tensorflow   jax-ml/jax
    distinct contributors 10 + k              30 - k                  5
    stars                 3 * k               50 - k                  10
                          torch               tensorflow              jax
    PyPI downloads        1000000 * k         1000000 * (25 - k)      100000

Contributors add up to 45 every month, so pytorch's share of the headline is (10 + k) / 45: 11/45 in
January 2023, 20/45 (a tie with tensorflow) in October 2023, 21/45 (ahead) from November 2023, 34/45 in
December 2024.

What must not count, every month: each contributor pushes twice and every other one also opens a pull
request (duplicates); `dependabot[bot]` pushes and `pytorchbot[bot]` opens a pull request (bots); someone
only closes a pull request, someone only opens an issue; a contributor and a star of
pytorch/pytorch-lightning (a name that starts the same); a fork (not a star); downloads of torchvision and
tensorflow-gpu (other packages).

    python3 two_years.py

prints, counted from the rows below without SQL (`expected`), the CSV rows `collect --history` must write
for the metrics `bearings init` makes (contributors, stars, pypi-downloads) with the project ids
pytorch, tensorflow and jax.
"""
from collections import defaultdict

MONTHS = 24
REPOSITORIES = {"pytorch": "pytorch/pytorch", "tensorflow": "tensorflow/tensorflow", "jax": "jax-ml/jax"}
PACKAGES = {"pytorch": "torch", "tensorflow": "tensorflow", "jax": "jax"}


def month(k):
    """Month k (1 = 2023-01) as YYYY-MM."""
    return f"{2023 + (k - 1) // 12}-{(k - 1) % 12 + 1:02d}"


def last_day(k):
    text = month(k)
    if text.endswith("-02"):
        return 29 if int(text[:4]) % 4 == 0 else 28
    return 30 if text[5:] in ("04", "06", "09", "11") else 31


def contributors(project, k):
    return {"pytorch": 10 + k, "tensorflow": 30 - k, "jax": 5}[project]


def stars(project, k):
    return {"pytorch": 3 * k, "tensorflow": 50 - k, "jax": 10}[project]


def downloads(project, k):
    return {"pytorch": 1000000 * k, "tensorflow": 1000000 * (25 - k), "jax": 100000}[project]


def rows():
    events, pypi = [], []
    for k in range(1, MONTHS + 2):  # month 25 is incomplete on the test's date: never counted
        m, end = month(k), last_day(k)
        for project, repo in REPOSITORIES.items():
            for i in range(1, contributors(project, k) + 1):
                login = f"{project}-dev{i}"  # the same people come back month after month
                events.append(("PushEvent", login, repo, f"{m}-01 00:00:00", "none"))
                events.append(("PushEvent", login, repo, f"{m}-{end} 23:59:59", "none"))
                if i % 2 == 1:
                    events.append(("PullRequestEvent", login, repo, f"{m}-15 12:00:00", "opened"))
            events.append(("PushEvent", "dependabot[bot]", repo, f"{m}-02 00:00:00", "none"))
            events.append(("PullRequestEvent", "pytorchbot[bot]", repo, f"{m}-03 00:00:00", "opened"))
            events.append(("PullRequestEvent", f"{project}-maintainer", repo, f"{m}-04 00:00:00", "closed"))
            events.append(("IssuesEvent", f"{project}-reporter", repo, f"{m}-05 00:00:00", "opened"))
            events.append(("ForkEvent", f"{project}-forker", repo, f"{m}-06 00:00:00", "none"))
            for i in range(1, stars(project, k) + 1):
                day = min(i, end)
                events.append(("WatchEvent", f"{project}-fan{i}", repo, f"{m}-{day:02d} 08:00:00", "started"))
            pypi.append((f"{m}-01", PACKAGES[project], "1.0", downloads(project, k) // 2))
            pypi.append((f"{m}-{end}", PACKAGES[project], "2.0", downloads(project, k) - downloads(project, k) // 2))
        events.append(("PushEvent", "lightning-dev", "pytorch/pytorch-lightning", f"{m}-07 00:00:00", "none"))
        events.append(("WatchEvent", "lightning-fan", "pytorch/pytorch-lightning", f"{m}-07 00:00:00", "started"))
        pypi.append((f"{m}-10", "torchvision", "0.1", 777))
        pypi.append((f"{m}-10", "tensorflow-gpu", "2.0", 555))
    return events, pypi


GITHUB_EVENTS, PYPI_DOWNLOADS_PER_DAY = rows()


def expected(metric, first="2023-01", end="2025-01"):
    """The CSV rows of `metric` for the complete months in [first, end), counted from the rows above by
    plain Python: distinct non-bot logins that pushed or opened a pull request, WatchEvents, and the sum
    of a package's daily downloads."""
    counts = defaultdict(lambda: defaultdict(set if metric == "contributors" else int))
    names = REPOSITORIES if metric != "pypi-downloads" else PACKAGES
    project_of = {name: project for project, name in names.items()}
    if metric == "pypi-downloads":
        for date, package, _version, count in PYPI_DOWNLOADS_PER_DAY:
            if package in project_of:
                counts[date[:7]][project_of[package]] += count
    for event_type, login, repo, created, action in GITHUB_EVENTS:
        if repo not in project_of or metric == "pypi-downloads":
            continue
        if metric == "stars" and event_type == "WatchEvent":
            counts[created[:7]][project_of[repo]] += 1
        pushed_or_opened = event_type == "PushEvent" or (event_type == "PullRequestEvent" and action == "opened")
        if metric == "contributors" and pushed_or_opened and not login.endswith("[bot]"):
            counts[created[:7]][project_of[repo]].add(login)
    lines = []
    for m in sorted(counts):
        if first <= m < end:
            for project in sorted(counts[m]):
                value = counts[m][project]
                lines.append(f"{m}-01,{metric},{project},{len(value) if metric == 'contributors' else value},")
    return lines


if __name__ == "__main__":
    for metric in ("contributors", "stars", "pypi-downloads"):
        print("\n".join(expected(metric)))
