/// Workers and what `ser queue` shows.
extension Remote {
    /// Records a worker process (or its restart under the same name).
    public func registerWorker(name: String, host: String, pid: Int32, jobs: Int) async throws {
        try await execute(
            """
            INSERT INTO queue_workers (name, host, pid, jobs) VALUES ($1, $2, $3, $4)
            ON CONFLICT (name) DO UPDATE SET host = EXCLUDED.host, pid = EXCLUDED.pid, jobs = EXCLUDED.jobs,
                started_at = now(), heartbeat_at = now(), stopped_at = NULL
            """, [.text(name), .text(host), .integer(Int64(pid)), .integer(Int64(jobs))])
    }

    /// Records that the worker is alive.
    public func heartbeat(worker name: String) async throws {
        try await execute("UPDATE queue_workers SET heartbeat_at = now() WHERE name = $1", [.text(name)])
    }

    /// Records that the worker stopped of its own accord.
    public func stopWorker(name: String) async throws {
        try await execute("UPDATE queue_workers SET stopped_at = now(), heartbeat_at = now() WHERE name = $1", [.text(name)])
    }

    /// Whether no trial is queued or running (a worker told to stop when the queue is empty
    /// keeps waiting while a running trial may yet come back to the queue).
    public func queueIsDrained() async throws -> Bool {
        try await rows("SELECT 1 FROM queue_trials WHERE state IN ('queued', 'running') LIMIT 1").isEmpty
    }

    /// The queue's trials (in order), sweeps and workers (most recently alive first).
    public func queueStatus() async throws -> QueueStatus {
        let trials = try await rows(
            """
            SELECT id, uuid, group_uuid, name, state, attempts, worker,
                   CASE WHEN state = 'running' THEN extract(epoch FROM now() - heartbeat_at)::float8 END, error
            FROM queue_trials ORDER BY id
            """
        ).map { row in
            QueueStatus.Trial(
                id: row[0].integerValue ?? 0, uuid: row[1].textValue ?? "", sweep: row[2].textValue, name: row[3].textValue,
                state: row[4].textValue ?? "", attempts: Int(row[5].integerValue ?? 0), worker: row[6].textValue,
                heartbeatAge: row[7].realValue, error: row[8].textValue)
        }
        let sweeps = try await rows(
            """
            SELECT g.uuid, g.name, g.state, count(t.id), count(t.id) FILTER (WHERE t.state IN ('finished', 'failed'))
            FROM queue_groups g LEFT JOIN queue_trials t ON t.group_uuid = g.uuid
            GROUP BY g.uuid, g.name, g.state, g.created_at ORDER BY g.created_at
            """
        ).map { row in
            QueueStatus.Sweep(
                uuid: row[0].textValue ?? "", name: row[1].textValue, state: row[2].textValue ?? "", trials: Int(row[3].integerValue ?? 0),
                ended: Int(row[4].integerValue ?? 0))
        }
        let workers = try await rows(
            """
            SELECT name, host, pid, jobs, extract(epoch FROM now() - heartbeat_at)::float8, stopped_at IS NOT NULL, finished, failed
            FROM queue_workers ORDER BY heartbeat_at DESC
            """
        ).map { row in
            QueueStatus.Worker(
                name: row[0].textValue ?? "", host: row[1].textValue ?? "", pid: row[2].integerValue ?? 0,
                jobs: Int(row[3].integerValue ?? 0),
                heartbeatAge: row[4].realValue ?? 0, stopped: row[5].integerValue == 1, finished: Int(row[6].integerValue ?? 0),
                failed: Int(row[7].integerValue ?? 0))
        }
        return QueueStatus(trials: trials, sweeps: sweeps, workers: workers)
    }
}
