import Foundation
public import SERStore

/// Sweeps on the queue: once every trial of one has ended, one worker records its parent run.
extension Remote {
    /// Claims a sweep whose trials have all ended and whose parent is not recorded yet, hands
    /// it to `record` with the tables its parent run needs (the dataset version, the recipe if
    /// the remote has it, and every trial's run), and writes the parent's tables `record`
    /// returns and the sweep's end in the same transaction. The sweep's row stays locked
    /// meanwhile, so no two workers record one parent; a worker that dies while recording
    /// leaves the sweep open for the next.
    /// - Returns: the parent's UUID, or nil when no sweep was ready.
    public func recordReadySweep(
        _ record: @Sendable (QueueGroup, _ dependencies: [ExchangeTable], _ trials: [ExchangeTable]) throws -> [ExchangeTable]
    ) async throws -> String? {
        try await transaction { () async throws -> String? in
            guard
                let row = try await rows(
                    """
                    SELECT g.uuid, g.kind, g.name, g.config, g.hyperparameters, g.split, g.seed, g.tags, g.dataset_version_hash,
                           g.feature_config_hash, g.command_line
                    FROM queue_groups g
                    WHERE g.state = 'open' AND NOT EXISTS (
                        SELECT 1 FROM queue_trials t WHERE t.group_uuid = g.uuid AND t.state IN ('queued', 'running'))
                    ORDER BY g.created_at LIMIT 1 FOR UPDATE SKIP LOCKED
                    """
                ).first
            else { return nil }
            let uuid = row[0].textValue ?? ""
            var trials: [(uuid: String, recorded: Bool)] = []
            var trialTables: [ExchangeTable] = []
            for trial in try await rows("SELECT uuid FROM queue_trials WHERE group_uuid = $1 ORDER BY position", [.text(uuid)]) {
                guard let trialUUID = trial[0].textValue else { continue }
                let recorded = try await holds(.run, key: trialUUID)
                trials.append((trialUUID, recorded))
                guard recorded else { continue }
                // With its folds: a `--seeds` member may be a k-fold run.
                let folds = try await rows("SELECT uuid FROM runs WHERE parent_uuid = $1 ORDER BY created_at, uuid", [.text(trialUUID)])
                trialTables += try await fetchRuns([trialUUID] + folds.compactMap { $0.first?.textValue })
            }
            let versionHash = row[8].textValue ?? ""
            let recipeHash = row[9].textValue ?? ""
            var dependencies = try await fetch(.datasetVersion, key: versionHash)
            // The sweep's recipe (when a trial used it) and every recipe its trials used.
            var recipes = [recipeHash]
            for table in trialTables where table.name == "runs" {
                guard let column = table.columns.firstIndex(of: "feature_config_hash") else { continue }
                recipes += table.rows.compactMap { $0[column].textValue }
            }
            var seen = Set<String>()
            for hash in recipes where seen.insert(hash).inserted {
                if try await holds(.featureConfig, key: hash) { dependencies += try await fetch(.featureConfig, key: hash) }
            }
            let decoder = JSONDecoder()
            let parent = QueuedParentSpec(
                kind: QueueGroupKind(rawValue: row[1].textValue ?? "") ?? .sweep, name: row[2].textValue, config: row[3].textValue ?? "{}",
                hyperparameters: (try? decoder.decode([String: String].self, from: Data((row[4].textValue ?? "{}").utf8))) ?? [:],
                split: row[5].textValue ?? "", seed: row[6].integerValue ?? 0,
                tags: (try? decoder.decode([String].self, from: Data((row[7].textValue ?? "[]").utf8))) ?? [], featureConfigHash: recipeHash
            )
            let group = QueueGroup(
                uuid: uuid, parent: parent, datasetVersionHash: versionHash, commandLine: row[10].textValue ?? "", trials: trials)
            try await insert(try record(group, dependencies, trialTables))
            try await execute("UPDATE queue_groups SET state = 'finished', finished_at = now() WHERE uuid = $1", [.text(uuid)])
            return uuid
        }
    }
}
