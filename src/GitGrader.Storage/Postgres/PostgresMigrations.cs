using GitGrader.Storage.Sql;

namespace GitGrader.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, in order: the same tables as SQLite's, with <c>bigint</c> identities and
/// <c>timestamptz</c>. Append new steps; never edit an applied one.
/// </summary>
internal static class PostgresMigrations
{
    public const string SchemaVersionTable =
        """
        CREATE TABLE IF NOT EXISTS schema_version (
            version    integer PRIMARY KEY,
            name       text NOT NULL,
            applied_at timestamptz NOT NULL
        );
        """;

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "deliveries, submissions, jobs, results, test_results, pull_request_comments, summaries",
            """
            CREATE TABLE deliveries (
                id          text PRIMARY KEY,
                event       text NOT NULL,
                received_at timestamptz NOT NULL
            );

            CREATE TABLE submissions (
                id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                assignment      text NOT NULL,
                student         text NOT NULL,
                repository      text NOT NULL,
                installation_id bigint NOT NULL,
                branch          text NULL,
                sha             text NOT NULL,
                received_at     timestamptz NOT NULL,
                UNIQUE (repository, sha, assignment)
            );
            CREATE INDEX ix_submissions_assignment_student ON submissions (assignment, student);
            CREATE INDEX ix_submissions_branch ON submissions (repository, branch, assignment);

            CREATE TABLE jobs (
                id                          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                kind                        text NOT NULL CHECK (kind IN ('grade', 'report')),
                submission_id               bigint NOT NULL REFERENCES submissions (id),
                status                      text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
                attempts                    integer NOT NULL DEFAULT 0,
                lease_owner                 text NULL,
                lease_expires_at            timestamptz NULL,
                not_before                  timestamptz NOT NULL,
                check_run_id                bigint NULL,
                superseded_by_submission_id bigint NULL REFERENCES submissions (id),
                last_error                  text NULL,
                created_at                  timestamptz NOT NULL,
                updated_at                  timestamptz NOT NULL
            );
            CREATE INDEX ix_jobs_open ON jobs (id) WHERE status IN ('queued', 'running');
            CREATE INDEX ix_jobs_submission ON jobs (submission_id);

            CREATE TABLE results (
                job_id        bigint PRIMARY KEY REFERENCES jobs (id),
                submission_id bigint NOT NULL REFERENCES submissions (id),
                score         double precision NOT NULL,
                max_score     double precision NOT NULL,
                graded_at     timestamptz NOT NULL,
                report_json   text NOT NULL
            );
            CREATE INDEX ix_results_submission ON results (submission_id, graded_at);

            CREATE TABLE test_results (
                job_id    bigint NOT NULL REFERENCES results (job_id) ON DELETE CASCADE,
                ordinal   integer NOT NULL,
                name      text NOT NULL,
                status    text NOT NULL,
                score     double precision NOT NULL,
                max_score double precision NOT NULL,
                PRIMARY KEY (job_id, ordinal)
            );

            CREATE TABLE pull_request_comments (
                repository   text NOT NULL,
                pull_request integer NOT NULL,
                comment_id   bigint NOT NULL,
                PRIMARY KEY (repository, pull_request)
            );

            CREATE TABLE summaries (
                assignment        text PRIMARY KEY,
                issue_number      integer NULL,
                version           bigint NOT NULL DEFAULT 0,
                published_version bigint NOT NULL DEFAULT 0,
                published_at      timestamptz NULL,
                lease_owner       text NULL,
                lease_expires_at  timestamptz NULL
            );
            """),
        new(2, "feedback_uses, feedback_counters (daily limits on hidden-test feedback)",
            """
            CREATE TABLE feedback_uses (
                submission_id bigint PRIMARY KEY REFERENCES submissions (id),
                assignment    text NOT NULL,
                student       text NOT NULL,
                window_key    text NOT NULL,
                job_id        bigint NOT NULL,
                used_at       timestamptz NOT NULL
            );
            CREATE INDEX ix_feedback_uses_student ON feedback_uses (assignment, student, window_key);

            CREATE TABLE feedback_counters (
                assignment text NOT NULL,
                student    text NOT NULL,
                window_key text NOT NULL,
                used       integer NOT NULL,
                PRIMARY KEY (assignment, student, window_key)
            );
            """),
        new(3, "check run and pull request comment reservations (one of each across processes)",
            """
            ALTER TABLE jobs ADD COLUMN check_run_holder text NULL;
            ALTER TABLE jobs ADD COLUMN check_run_held_until timestamptz NULL;

            CREATE TABLE pull_request_comment_holds (
                repository   text NOT NULL,
                pull_request integer NOT NULL,
                holder       text NOT NULL,
                held_until   timestamptz NOT NULL,
                PRIMARY KEY (repository, pull_request)
            );
            """),
        new(4, "redeliveries (deliveries GitHub could not make, asked again), submissions.recovered",
            """
            ALTER TABLE submissions ADD COLUMN recovered integer NOT NULL DEFAULT 0;

            CREATE TABLE redeliveries (
                guid        text PRIMARY KEY,
                event       text NOT NULL,
                original_at timestamptz NOT NULL,
                asked_at    timestamptz NOT NULL,
                asks        integer NOT NULL
            );
            """),
        new(5, "jobs.failures (failed tries that were GitGrader's own, apart from outages)",
            """
            ALTER TABLE jobs ADD COLUMN failures integer NOT NULL DEFAULT 0;
            """),
        new(6, "jobs.lane (0: live pushes, 1: regrades, claimed after every due live job)",
            """
            ALTER TABLE jobs ADD COLUMN lane integer NOT NULL DEFAULT 0;
            """),
        new(7, "provisioning: each student's repository of an assignment, step by step, and the access the cut-off applied",
            """
            CREATE TABLE provisioning (
                assignment          text NOT NULL,
                student_key         text NOT NULL,
                student             text NOT NULL,
                repository          text NOT NULL,
                repository_id       bigint NULL,
                html_url            text NULL,
                create_requested_at timestamptz NULL,
                starter_sha         text NULL,
                collaborator        integer NOT NULL DEFAULT 0,
                feedback_branch     integer NOT NULL DEFAULT 0,
                pull_request        integer NULL,
                branch_protected    integer NOT NULL DEFAULT 0,
                completed_at        timestamptz NULL,
                last_error          text NULL,
                holder              text NULL,
                held_until          timestamptz NULL,
                access              text NULL,
                access_deadline     timestamptz NULL,
                access_holder       text NULL,
                access_held_until   timestamptz NULL,
                updated_at          timestamptz NOT NULL,
                PRIMARY KEY (assignment, student_key)
            );
            """),
        new(8, "roster_claims (roster entries linked to GitHub accounts through invitation links)",
            """
            CREATE TABLE roster_claims (
                identifier text PRIMARY KEY,
                login      text NOT NULL,
                github_id  bigint NOT NULL,
                claimed_at timestamptz NOT NULL
            );
            CREATE UNIQUE INDEX ux_roster_claims_login ON roster_claims (lower(login));
            """),
    ];
}
