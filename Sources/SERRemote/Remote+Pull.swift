public import SERCore
public import SERStore

/// `ser pull`: the remote's runs into the local database.
extension Remote {
    /// Copies every remote run the local database lacks (by UUID), parents first, with the
    /// dataset versions and feature recipes it lacks. Local runs are not touched; pulled runs
    /// get new local ids and their links (parent, selected trial, reproduced run) by UUID.
    /// Runs come in batches of up to ``pullBatch`` (one query per table for the batch), each
    /// batch one local transaction: an interrupted pull leaves whole runs, and pulling again
    /// finishes it. With `features`, the feature tensors of every remote run's dataset
    /// version under its recipe come along (``fetchFeatures(_:into:)``).
    /// - Throws: ``RemoteError``; `StoreError` when a row cannot be written locally.
    /// `skipping` names run tables left out (a read-only view leaves out `checkpoint_tensors`).
    public func pull(
        into store: Store, features: Bool = false, skipping: Set<String> = [], cancellation: CancellationToken = CancellationToken()
    ) async throws -> PullReport {
        var report = PullReport()
        let local = try store.runUUIDs()
        let remoteRuns = try await rows(
            "SELECT uuid, parent_uuid, dataset_version_hash, feature_config_hash FROM runs ORDER BY created_at, uuid")
        var missing: [RemoteRunRef] = []
        for row in remoteRuns {
            guard case .text(let uuid) = row[0] else { continue }
            if local.contains(uuid) {
                report.alreadyHere += 1
            } else {
                missing.append(RemoteRunRef(uuid: uuid, parent: row[1].textValue, version: row[2].textValue, recipe: row[3].textValue))
            }
        }
        var runsTables: [ExchangeTable] = []
        let ordered = Self.parentsFirst(missing)
        var start = 0
        while start < ordered.count {
            if cancellation.isCancelled {
                throw RemoteError(.interrupted, remote: name, "pull stopped after \(report.pulled.count) runs; pull again to finish")
            }
            let batch = Array(ordered[start..<min(start + Self.pullBatch, ordered.count)])
            var tables: [ExchangeTable] = []
            var fetched = Set<String>()
            for run in batch {
                if let hash = run.version, !fetched.contains(hash), try !store.holds(.datasetVersion, key: hash) {
                    tables += try await fetch(.datasetVersion, key: hash)
                    report.datasetVersions.append(hash)
                    fetched.insert(hash)
                }
                if let hash = run.recipe, !fetched.contains(hash), try !store.holds(.featureConfig, key: hash) {
                    tables += try await fetch(.featureConfig, key: hash)
                    fetched.insert(hash)
                }
            }
            let own = try await fetchRuns(batch.map(\.uuid), skipping: skipping)
            tables += own
            runsTables += own.filter { $0.name == "runs" }
            do {
                try store.importTables(tables)
            } catch {
                throw RemoteError(
                    .local, remote: name, "runs \(batch[0].uuid) … (\(batch.count)) could not be written locally: \(error)")
            }
            report.pulled += batch.map(\.uuid)
            start += batch.count
        }
        if !runsTables.isEmpty { try store.importTables(runsTables) }
        if features {
            var sets: [String] = []
            for row in remoteRuns {
                guard let version = row[2].textValue, let recipe = row[3].textValue else { continue }
                let key = ExchangeScope.featureSetKey(version: version, recipe: recipe)
                if !sets.contains(key) { sets.append(key) }
            }
            for key in sets where try !store.holds(.featureSet, key: key) {
                if cancellation.isCancelled {
                    throw RemoteError(.interrupted, remote: name, "pull stopped while copying feature tensors; pull again to finish")
                }
                report.tensors += try await fetchFeatures(key, into: store)
            }
        }
        return report
    }

    /// Runs fetched and written together by `pull`.
    static let pullBatch = 100

    /// The run tables of several runs (UUIDs in `uuids`, parents before children), one query
    /// per table; the `runs` rows in the order of `uuids`, so parents are written first.
    func fetchRuns(_ uuids: [String], skipping: Set<String> = []) async throws -> [ExchangeTable] {
        let list = ExchangeValue.text("{" + uuids.joined(separator: ",") + "}")
        let position = Dictionary(uuids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var tables: [ExchangeTable] = []
        for spec in ExchangeSchema.tables(.run) where !skipping.contains(spec.name) {
            let key = spec.name == "runs" ? "uuid" : "run_uuid"
            let columns = spec.columns.map { "\"\($0)\"" }.joined(separator: ", ")
            var rows = try await rows("SELECT \(columns) FROM \"\(spec.name)\" WHERE \(key) = ANY($1::text[])", [list])
            if spec.name == "runs" { rows.sort { (position[$0[0].textValue ?? ""] ?? 0) < (position[$1[0].textValue ?? ""] ?? 0) } }
            tables.append(ExchangeTable(name: spec.name, columns: spec.columns, rows: rows))
        }
        return tables
    }

    /// The tables of one scope for `key` (a dataset version's or recipe's hash, a run's
    /// UUID), as the remote holds them, ready for `Store.importTables`; tables named in
    /// `skipping` are left out.
    public func fetch(_ scope: ExchangeScope, key: String, skipping: Set<String> = []) async throws -> [ExchangeTable] {
        var tables: [ExchangeTable] = []
        for spec in ExchangeSchema.tables(scope) where !skipping.contains(spec.name) {
            tables.append(
                ExchangeTable(name: spec.name, columns: spec.columns, rows: try await rows(RemoteTableFilter.select(spec), [.text(key)])))
        }
        return tables
    }

    /// `runs` ordered so that a parent comes before its children; runs whose parent is not
    /// among them keep their order.
    static func parentsFirst(_ runs: [RemoteRunRef]) -> [RemoteRunRef] {
        let among = Set(runs.map(\.uuid))
        var placed = Set<String>()
        var ordered: [RemoteRunRef] = []
        var waiting = runs
        while !waiting.isEmpty {
            let ready = waiting.filter { run in run.parent.map { !among.contains($0) || placed.contains($0) } ?? true }
            // A cycle cannot come from ser; place the rest as they are rather than loop.
            let next = ready.isEmpty ? waiting : ready
            ordered += next
            placed.formUnion(next.map(\.uuid))
            waiting.removeAll { placed.contains($0.uuid) }
        }
        return ordered
    }
}

extension ExchangeValue {
    /// The text, when this is text.
    var textValue: String? {
        if case .text(let value) = self { return value }
        return nil
    }
}
