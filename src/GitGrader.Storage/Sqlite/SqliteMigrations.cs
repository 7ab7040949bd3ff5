using GitGrader.Storage.Sql;

namespace GitGrader.Storage.Sqlite;

/// <summary>
/// The SQLite schema, in order. Times are fixed-width ISO 8601 UTC text (see <see cref="StoreTime"/>),
/// so text comparison and ORDER BY follow time. Append new steps; never edit an applied one.
/// </summary>
internal static class SqliteMigrations
{
    public const string SchemaVersionTable =
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    INTEGER PRIMARY KEY,
            name       TEXT NOT NULL,
            applied_at TEXT NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "deliveries, submissions, jobs, results, test_results, pull_request_comments, summaries",
            """
            CREATE TABLE deliveries (
                id          TEXT PRIMARY KEY,
                event       TEXT NOT NULL,
                received_at TEXT NOT NULL
            );

            CREATE TABLE submissions (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                assignment      TEXT NOT NULL,
                student         TEXT NOT NULL,
                repository      TEXT NOT NULL,
                installation_id INTEGER NOT NULL,
                branch          TEXT NULL,
                sha             TEXT NOT NULL,
                received_at     TEXT NOT NULL,
                UNIQUE (repository, sha, assignment)
            );
            CREATE INDEX ix_submissions_assignment_student ON submissions (assignment, student);
            CREATE INDEX ix_submissions_branch ON submissions (repository, branch, assignment);

            CREATE TABLE jobs (
                id                          INTEGER PRIMARY KEY AUTOINCREMENT,
                kind                        TEXT NOT NULL CHECK (kind IN ('grade', 'report')),
                submission_id               INTEGER NOT NULL REFERENCES submissions (id),
                status                      TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
                attempts                    INTEGER NOT NULL DEFAULT 0,
                lease_owner                 TEXT NULL,
                lease_expires_at            TEXT NULL,
                not_before                  TEXT NOT NULL,
                check_run_id                INTEGER NULL,
                superseded_by_submission_id INTEGER NULL REFERENCES submissions (id),
                last_error                  TEXT NULL,
                created_at                  TEXT NOT NULL,
                updated_at                  TEXT NOT NULL
            );
            CREATE INDEX ix_jobs_open ON jobs (id) WHERE status IN ('queued', 'running');
            CREATE INDEX ix_jobs_submission ON jobs (submission_id);

            CREATE TABLE results (
                job_id        INTEGER PRIMARY KEY REFERENCES jobs (id),
                submission_id INTEGER NOT NULL REFERENCES submissions (id),
                score         REAL NOT NULL,
                max_score     REAL NOT NULL,
                graded_at     TEXT NOT NULL,
                report_json   TEXT NOT NULL
            );
            CREATE INDEX ix_results_submission ON results (submission_id, graded_at);

            CREATE TABLE test_results (
                job_id    INTEGER NOT NULL REFERENCES results (job_id) ON DELETE CASCADE,
                ordinal   INTEGER NOT NULL,
                name      TEXT NOT NULL,
                status    TEXT NOT NULL,
                score     REAL NOT NULL,
                max_score REAL NOT NULL,
                PRIMARY KEY (job_id, ordinal)
            );

            CREATE TABLE pull_request_comments (
                repository   TEXT NOT NULL,
                pull_request INTEGER NOT NULL,
                comment_id   INTEGER NOT NULL,
                PRIMARY KEY (repository, pull_request)
            );

            CREATE TABLE summaries (
                assignment        TEXT PRIMARY KEY,
                issue_number      INTEGER NULL,
                version           INTEGER NOT NULL DEFAULT 0,
                published_version INTEGER NOT NULL DEFAULT 0,
                published_at      TEXT NULL,
                lease_owner       TEXT NULL,
                lease_expires_at  TEXT NULL
            );
            """),
        new(2, "feedback_uses, feedback_counters (daily limits on hidden-test feedback)",
            """
            CREATE TABLE feedback_uses (
                submission_id INTEGER PRIMARY KEY REFERENCES submissions (id),
                assignment    TEXT NOT NULL,
                student       TEXT NOT NULL,
                window_key    TEXT NOT NULL,
                job_id        INTEGER NOT NULL,
                used_at       TEXT NOT NULL
            );
            CREATE INDEX ix_feedback_uses_student ON feedback_uses (assignment, student, window_key);

            CREATE TABLE feedback_counters (
                assignment TEXT NOT NULL,
                student    TEXT NOT NULL,
                window_key TEXT NOT NULL,
                used       INTEGER NOT NULL,
                PRIMARY KEY (assignment, student, window_key)
            );
            """),
        new(3, "check run and pull request comment reservations (one of each across processes)",
            """
            ALTER TABLE jobs ADD COLUMN check_run_holder TEXT NULL;
            ALTER TABLE jobs ADD COLUMN check_run_held_until TEXT NULL;

            CREATE TABLE pull_request_comment_holds (
                repository   TEXT NOT NULL,
                pull_request INTEGER NOT NULL,
                holder       TEXT NOT NULL,
                held_until   TEXT NOT NULL,
                PRIMARY KEY (repository, pull_request)
            );
            """),
        new(4, "redeliveries (deliveries GitHub could not make, asked again), submissions.recovered",
            """
            ALTER TABLE submissions ADD COLUMN recovered INTEGER NOT NULL DEFAULT 0;

            CREATE TABLE redeliveries (
                guid        TEXT PRIMARY KEY,
                event       TEXT NOT NULL,
                original_at TEXT NOT NULL,
                asked_at    TEXT NOT NULL,
                asks        INTEGER NOT NULL
            );
            """),
        new(5, "jobs.failures (failed tries that were GitGrader's own, apart from outages)",
            """
            ALTER TABLE jobs ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;
            """),
        new(6, "jobs.lane (0: live pushes, 1: regrades, claimed after every due live job)",
            """
            ALTER TABLE jobs ADD COLUMN lane INTEGER NOT NULL DEFAULT 0;
            """),
        new(7, "provisioning: each student's repository of an assignment, step by step, and the access the cut-off applied",
            """
            CREATE TABLE provisioning (
                assignment          TEXT NOT NULL,
                student_key         TEXT NOT NULL,
                student             TEXT NOT NULL,
                repository          TEXT NOT NULL,
                repository_id       INTEGER NULL,
                html_url            TEXT NULL,
                create_requested_at TEXT NULL,
                starter_sha         TEXT NULL,
                collaborator        INTEGER NOT NULL DEFAULT 0,
                feedback_branch     INTEGER NOT NULL DEFAULT 0,
                pull_request        INTEGER NULL,
                branch_protected    INTEGER NOT NULL DEFAULT 0,
                completed_at        TEXT NULL,
                last_error          TEXT NULL,
                holder              TEXT NULL,
                held_until          TEXT NULL,
                access              TEXT NULL,
                access_deadline     TEXT NULL,
                access_holder       TEXT NULL,
                access_held_until   TEXT NULL,
                updated_at          TEXT NOT NULL,
                PRIMARY KEY (assignment, student_key)
            );
            """),
        new(8, "roster_claims (roster entries linked to GitHub accounts through invitation links)",
            """
            CREATE TABLE roster_claims (
                identifier TEXT PRIMARY KEY,
                login      TEXT NOT NULL,
                github_id  INTEGER NOT NULL,
                claimed_at TEXT NOT NULL
            );
            CREATE UNIQUE INDEX ux_roster_claims_login ON roster_claims (lower(login));
            """),
    ];
}
