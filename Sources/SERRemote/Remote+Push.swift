public import SERCore
public import SERStore

/// `ser push`: local runs up to the remote.
extension Remote {
    /// The most bound values one `INSERT` carries (PostgreSQL allows 65 535).
    static let maxBinds = 30_000
    /// The most bytes of blobs one `INSERT` carries (feature tensors are ~30 KB each).
    static let maxStatementBytes = 8 << 20

    /// Uploads finished and failed runs with everything they recorded and the dataset version
    /// and feature recipe they used. Each run is one remote transaction, so an interrupted push
    /// leaves whole runs or nothing; every row is `INSERT … ON CONFLICT DO NOTHING` keyed by
    /// UUIDs and content hashes, so pushing again (or two people pushing) duplicates nothing.
    /// - Parameters:
    ///   - runIDs: local runs (with their descendants), or nil for every run not in the trash.
    ///   - features: also upload the feature tensors of the pushed runs' dataset versions
    ///     under their recipes (``pushFeatures(_:from:cancellation:)``).
    ///   - cancellation: checked between runs.
    /// - Throws: ``RemoteError``; `StoreError` from the local database. Runs committed before
    ///   the error stay on the remote.
    public func push(
        from store: Store, runIDs: [Int64]?, features: Bool = false, cancellation: CancellationToken = CancellationToken(),
        hooks: PushHooks = PushHooks()
    ) async throws -> PushReport {
        var report = PushReport()
        var notPushed = Set<Int64>()
        for candidate in try store.pushCandidates(runIDs) {
            if cancellation.isCancelled {
                throw RemoteError(.interrupted, remote: name, "push stopped after \(report.pushed.count) runs; push again to finish")
            }
            if let parent = candidate.parentID, notPushed.contains(parent) {
                notPushed.insert(candidate.id)
                report.skipped.append(.init(uuid: candidate.uuid, runID: candidate.id, reason: "its parent run \(parent) is not pushed"))
                continue
            }
            guard candidate.status == .finished || candidate.status == .failed else {
                notPushed.insert(candidate.id)
                report.skipped.append(.init(uuid: candidate.uuid, runID: candidate.id, reason: "it is \(candidate.status.rawValue)"))
                continue
            }
            if try await holds(.run, key: candidate.uuid) {
                report.alreadyThere.append(candidate.uuid)
                continue
            }
            try await transaction {
                try await insertRun(candidate, from: store)
                try hooks.beforeCommit?(candidate.uuid)
            }
            report.pushed.append(candidate.uuid)
            try hooks.afterRun?(candidate.uuid)
        }
        if features {
            let remoteRuns = Set(report.pushed + report.alreadyThere)
            var sets: [String] = []
            for candidate in try store.pushCandidates(runIDs) where remoteRuns.contains(candidate.uuid) {
                guard let version = candidate.datasetVersionHash, let recipe = candidate.featureConfigHash else { continue }
                let key = ExchangeScope.featureSetKey(version: version, recipe: recipe)
                if !sets.contains(key) { sets.append(key) }
            }
            for key in sets { report.tensors += try await pushFeatures(key, from: store, cancellation: cancellation) }
        }
        return report
    }

    /// Inserts one run's tables, with its dataset version and feature recipe when the remote
    /// lacks them; `parentUUID` replaces the run's parent (a queued trial's sweep, which the
    /// worker's database does not hold). Call inside a transaction.
    func insertRun(_ candidate: PushCandidate, from store: Store, parentUUID: String? = nil) async throws {
        if let hash = candidate.datasetVersionHash, try await holds(.datasetVersion, key: hash) == false {
            try await insert(try store.exportTables(.datasetVersion, key: hash))
        }
        if let hash = candidate.featureConfigHash, try await holds(.featureConfig, key: hash) == false {
            try await insert(try store.exportTables(.featureConfig, key: hash))
        }
        var tables = try store.exportTables(.run, key: candidate.uuid)
        if let parentUUID, let runs = tables.firstIndex(where: { $0.name == "runs" }),
            let column = tables[runs].columns.firstIndex(of: "parent_uuid")
        {
            for row in tables[runs].rows.indices { tables[runs].rows[row][column] = .text(parentUUID) }
        }
        try await insert(tables)
    }

    /// Whether the remote holds the run, dataset version or feature recipe named by `key`; for
    /// a feature set, a tensor for every clip of the version.
    public func holds(_ scope: ExchangeScope, key: String) async throws -> Bool {
        let sql: String
        switch scope {
        case .datasetVersion: sql = "SELECT 1 FROM dataset_versions WHERE hash = $1"
        case .featureConfig: sql = "SELECT 1 FROM feature_configs WHERE hash = $1"
        case .featureSet:
            sql = """
                SELECT 1 WHERE (SELECT count(*) FROM features WHERE \(RemoteTableFilter.condition(for: "features", scope: .featureSet)))
                             >= (SELECT clip_count FROM dataset_versions WHERE hash = substr($1, 1, 64))
                """
        case .run: sql = "SELECT 1 FROM runs WHERE uuid = $1"
        }
        return try await rows(sql, [.text(key)]).isEmpty == false
    }

    /// Inserts every row of `tables`, in order, skipping rows whose key exists.
    func insert(_ tables: [ExchangeTable]) async throws {
        for table in tables where !table.rows.isEmpty {
            let columns = table.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            var start = 0
            while start < table.rows.count {
                let end = Self.end(of: table.rows, from: start)
                let chunk = table.rows[start..<end]
                var values: [ExchangeValue] = []
                values.reserveCapacity(chunk.count * table.columns.count)
                var tuples: [String] = []
                for row in chunk {
                    let first = values.count
                    values.append(contentsOf: row)
                    tuples.append("(" + row.indices.map { "$\(first + $0 + 1)" }.joined(separator: ", ") + ")")
                }
                try await execute(
                    "INSERT INTO \"\(table.name)\" (\(columns)) VALUES \(tuples.joined(separator: ", ")) ON CONFLICT DO NOTHING",
                    values)
                start += chunk.count
            }
        }
    }
}
