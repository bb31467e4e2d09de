import Foundation
public import SERStore

/// The work queue: `ser sweep --queue` puts trials on it, `ser worker` claims them with
/// `SELECT … FOR UPDATE SKIP LOCKED`, heartbeats, and records each run with the trial's
/// state in one transaction.
///
/// A claim is the pair (worker, attempt): heartbeats and results of a claim that was taken
/// over (its worker stopped heartbeating and another claimed the trial) change nothing, and
/// since the run's UUID is the trial's, the remote holds each trial's run once.
extension Remote {
    /// Puts a plan's trials (and their sweep) on the queue in one transaction, with the
    /// dataset version's clip metadata when the remote lacks it.
    /// - Throws: ``RemoteError``; `StoreError` when `store` lacks the dataset version.
    public func enqueue(_ submission: QueueSubmission, from store: Store) async throws {
        try await transaction {
            if try await holds(.datasetVersion, key: submission.datasetVersionHash) == false {
                try await insert(try store.exportTables(.datasetVersion, key: submission.datasetVersionHash))
            }
            if let group = submission.group {
                try await execute(
                    """
                    INSERT INTO queue_groups (uuid, kind, name, config, hyperparameters, split, seed, tags, dataset_version_hash,
                                              feature_config_hash, command_line)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                    """,
                    [
                        .text(group.uuid), .text(group.parent.kind.rawValue), group.parent.name.map(ExchangeValue.text) ?? .null,
                        .text(group.parent.config), .text(try Self.json(group.parent.hyperparameters)), .text(group.parent.split),
                        .integer(group.parent.seed), .text(try Self.json(group.parent.tags)), .text(submission.datasetVersionHash),
                        .text(group.parent.featureConfigHash), .text(submission.commandLine),
                    ])
            }
            for (position, trial) in submission.trials.enumerated() {
                try await execute(
                    """
                    INSERT INTO queue_trials (uuid, group_uuid, position, name, kind, settings, dataset_version_hash,
                                              feature_config_hash, tags, note, command_line, max_attempts)
                    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                    """,
                    [
                        .text(trial.uuid), submission.group.map { .text($0.uuid) } ?? .null, .integer(Int64(position)),
                        trial.run.name.map(ExchangeValue.text) ?? .null, .text(trial.run.kind.rawValue), .text(trial.run.settings),
                        .text(submission.datasetVersionHash), .text(trial.run.featureConfigHash), .text(try Self.json(trial.run.tags)),
                        trial.run.note.map(ExchangeValue.text) ?? .null, .text(submission.commandLine),
                        .integer(Int64(submission.maxAttempts)),
                    ])
            }
        }
    }

    /// Claims the oldest queued trial, or a running one whose worker has not heartbeaten for
    /// `staleAfter` seconds; a stale trial that has used all its attempts is marked failed
    /// instead and the next one is tried.
    /// - Returns: the claimed trial, or nil when nothing is claimable.
    public func claim(worker: String, staleAfter: Double) async throws -> QueuedTrial? {
        try await transaction { () async throws -> QueuedTrial? in
            while true {
                guard
                    let row = try await rows(
                        """
                        SELECT id, uuid, group_uuid, name, kind, settings, dataset_version_hash, feature_config_hash, tags, note,
                               command_line, attempts, max_attempts, worker
                        FROM queue_trials
                        WHERE state = 'queued' OR (state = 'running' AND heartbeat_at < now() - make_interval(secs => $1))
                        ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED
                        """, [.real(staleAfter)]
                    ).first
                else { return nil }
                let id = row[0].integerValue ?? 0
                let attempts = Int(row[11].integerValue ?? 0)
                if attempts >= Int(row[12].integerValue ?? 1) {
                    try await execute(
                        """
                        UPDATE queue_trials SET state = 'failed', finished_at = now(), heartbeat_at = NULL,
                               error = 'its worker stopped heartbeating on all ' || attempts || ' attempts (last: ' || coalesce(worker, '?') || ')'
                        WHERE id = $1
                        """, [.integer(id)])
                    continue
                }
                try await execute(
                    """
                    UPDATE queue_trials SET state = 'running', worker = $2, attempts = attempts + 1, heartbeat_at = now(),
                           started_at = coalesce(started_at, now()), error = NULL
                    WHERE id = $1
                    """, [.integer(id), .text(worker)])
                let tags = (try? JSONDecoder().decode([String].self, from: Data((row[8].textValue ?? "[]").utf8))) ?? []
                let run = QueuedRunSpec(
                    name: row[3].textValue, kind: RunKind(rawValue: row[4].textValue ?? "") ?? .train, settings: row[5].textValue ?? "{}",
                    featureConfigHash: row[7].textValue ?? "", tags: tags, note: row[9].textValue)
                return QueuedTrial(
                    id: id, uuid: row[1].textValue ?? "", groupUUID: row[2].textValue, run: run, datasetVersionHash: row[6].textValue ?? "",
                    commandLine: row[10].textValue ?? "", attempt: attempts + 1, worker: worker)
            }
        }
    }

    /// Records that the claim is alive.
    /// - Returns: false when the claim was taken over or the trial ended (stop training it).
    public func heartbeat(_ trial: QueuedTrial) async throws -> Bool {
        try await rows(
            "UPDATE queue_trials SET heartbeat_at = now() WHERE \(Self.ownClaim) RETURNING id", Self.claimValues(trial)
        ).isEmpty == false
    }

    /// Records the trial's run (local run `runID`, with its folds) and ends the trial in one
    /// transaction: `finished` when the run finished, else `failed` with `failure` (or the
    /// run's status).
    /// - Returns: false, writing nothing, when the claim was taken over.
    public func finish(_ trial: QueuedTrial, run runID: Int64, from store: Store, failure: String? = nil) async throws -> Bool {
        let candidates = try store.pushCandidates([runID])
        guard let root = candidates.first(where: { $0.id == runID }) else { return false }
        return try await transaction { () async throws -> Bool in
            guard try await rows("SELECT id FROM queue_trials WHERE \(Self.ownClaim) FOR UPDATE", Self.claimValues(trial)).isEmpty == false
            else {
                return false
            }
            for candidate in candidates where try await holds(.run, key: candidate.uuid) == false {
                try await insertRun(
                    candidate, from: store, parentUUID: candidate.id == runID && trial.run.kind == .trial ? trial.groupUUID : nil)
            }
            let error = root.status == .finished ? nil : failure ?? "the run ended \(root.status.rawValue)"
            try await end(trial, error: error)
            return true
        }
    }

    /// Marks the trial failed with `error` (bad settings, data the worker cannot use): it is
    /// not claimed again.
    /// - Returns: false when the claim was taken over.
    @discardableResult
    public func fail(_ trial: QueuedTrial, error: String) async throws -> Bool {
        try await transaction { () async throws -> Bool in
            guard try await rows("SELECT id FROM queue_trials WHERE \(Self.ownClaim) FOR UPDATE", Self.claimValues(trial)).isEmpty == false
            else {
                return false
            }
            try await end(trial, error: error)
            return true
        }
    }

    /// Puts the trial back on the queue (its worker was stopped), not counting this attempt.
    public func release(_ trial: QueuedTrial) async throws {
        try await execute(
            "UPDATE queue_trials SET state = 'queued', worker = NULL, heartbeat_at = NULL, attempts = attempts - 1 WHERE \(Self.ownClaim)",
            Self.claimValues(trial))
    }

    /// Ends a claimed trial and counts it for its worker.
    private func end(_ trial: QueuedTrial, error: String?) async throws {
        try await execute(
            "UPDATE queue_trials SET state = $2, error = $3, finished_at = now(), heartbeat_at = NULL WHERE id = $1",
            [.integer(trial.id), .text(error == nil ? "finished" : "failed"), error.map(ExchangeValue.text) ?? .null])
        try await execute(
            "UPDATE queue_workers SET \(error == nil ? "finished = finished + 1" : "failed = failed + 1") WHERE name = $1",
            [.text(trial.worker)])
    }

    /// `WHERE` of the rows a claim still holds: $1 id, $2 worker, $3 attempt.
    static let ownClaim = "id = $1 AND worker = $2 AND attempts = $3 AND state = 'running'"

    static func claimValues(_ trial: QueuedTrial) -> [ExchangeValue] {
        [.integer(trial.id), .text(trial.worker), .integer(Int64(trial.attempt))]
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}

extension ExchangeValue {
    /// The integer, when this is one.
    var integerValue: Int64? {
        if case .integer(let value) = self { return value }
        return nil
    }

    /// The number, when this is one.
    var realValue: Double? {
        switch self {
        case .real(let value): value
        case .integer(let value): Double(value)
        default: nil
        }
    }
}
