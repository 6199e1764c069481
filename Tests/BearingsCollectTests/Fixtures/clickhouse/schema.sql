-- The tables the test server loads into chDB, shaped as the public ones Bearings asks.
--
-- github_events: GH Archive as ClickHouse serves it on play.clickhouse.com, the CREATE TABLE published with
-- the dataset at https://ghe.clickhouse.tech/ (ClickHouse's docs page
-- docs/en/getting-started/example-datasets/github-events.md in ClickHouse/ClickHouse links to it; the same
-- columns are in ClickHouse/ClickHouse tests/queries/0_stateless/02481_pk_analysis_with_enum_to_string.sql).
-- Every column of that statement is here, in its order and with its types, so a query that runs here
-- runs there.
CREATE TABLE github_events
(
    file_time DateTime,
    event_type Enum('CommitCommentEvent' = 1, 'CreateEvent' = 2, 'DeleteEvent' = 3, 'ForkEvent' = 4,
                    'GollumEvent' = 5, 'IssueCommentEvent' = 6, 'IssuesEvent' = 7, 'MemberEvent' = 8,
                    'PublicEvent' = 9, 'PullRequestEvent' = 10, 'PullRequestReviewCommentEvent' = 11,
                    'PullRequestReviewThreadEvent' = 12, 'PushEvent' = 13, 'ReleaseEvent' = 14,
                    'SponsorshipEvent' = 15, 'WatchEvent' = 16),
    actor_login LowCardinality(String),
    repo_name LowCardinality(String),
    created_at DateTime,
    updated_at DateTime,
    action Enum('none' = 0, 'created' = 1, 'added' = 2, 'edited' = 3, 'deleted' = 4, 'opened' = 5, 'closed' = 6,
                'reopened' = 7, 'assigned' = 8, 'unassigned' = 9, 'labeled' = 10, 'unlabeled' = 11,
                'review_requested' = 12, 'review_request_removed' = 13, 'synchronize' = 14, 'started' = 15,
                'published' = 16, 'update' = 17, 'create' = 18, 'fork' = 19, 'merged' = 20, 'resolved' = 21,
                'unresolved' = 22),
    comment_id UInt64,
    body String,
    path String,
    position Int32,
    line Int32,
    ref LowCardinality(String),
    ref_type Enum('none' = 0, 'branch' = 1, 'tag' = 2, 'repository' = 3, 'unknown' = 4),
    creator_user_login LowCardinality(String),
    number UInt32,
    title String,
    labels Array(LowCardinality(String)),
    state Enum('none' = 0, 'open' = 1, 'closed' = 2),
    locked UInt8,
    assignee LowCardinality(String),
    assignees Array(LowCardinality(String)),
    comments UInt32,
    author_association Enum('NONE' = 0, 'CONTRIBUTOR' = 1, 'OWNER' = 2, 'COLLABORATOR' = 3, 'MEMBER' = 4,
                            'MANNEQUIN' = 5),
    closed_at DateTime,
    merged_at DateTime,
    merge_commit_sha String,
    requested_reviewers Array(LowCardinality(String)),
    requested_teams Array(LowCardinality(String)),
    merged UInt8,
    mergeable UInt8,
    mergeable_state Enum('unknown' = 0, 'dirty' = 1, 'clean' = 2, 'unstable' = 3, 'draft' = 4, 'blocked' = 5),
    merged_by LowCardinality(String),
    review_comments UInt32,
    maintainer_can_modify UInt8,
    commits UInt32,
    additions UInt32,
    deletions UInt32,
    changed_files UInt32,
    commit_id String,
    original_commit_id String,
    member_login LowCardinality(String),
    release_tag_name String,
    release_name String,
    review_state Enum('none' = 0, 'approved' = 1, 'changes_requested' = 2, 'commented' = 3, 'dismissed' = 4,
                      'pending' = 5)
) ENGINE = MergeTree ORDER BY (event_type, repo_name, created_at);

-- pypi.pypi_downloads_per_day: ClickPy's daily downloads per project and version, as created in
-- ClickHouse/clickpy's ClickHouse.md (commit 0927e51a6d67306bbd893b34fcea810c26ba4bd8); ClickPy's public
-- instance serves it in the database `pypi` (the `pypi.` prefix in that repository's README and queries).
CREATE DATABASE pypi;
CREATE TABLE pypi.pypi_downloads_per_day
(
    `date` Date,
    `project` String,
    `version` String,
    `count` Int64
)
ENGINE = MergeTree
ORDER BY (project, version, date);
