public import SERCore
public import SERStore

/// `ser pull`: the remote's runs into the local database.
extension Remote {
    /// Copies every remote run the local database lacks (by UUID), parents first, with the
    /// dataset versions and feature recipes it lacks. Local runs are not touched; pulled runs
    /// get new local ids and their links (parent, selected trial, reproduced run) by UUID.
    /// Each run is one local transaction: an interrupted pull leaves whole runs, and pulling
    /// again finishes it.
    /// - Throws: ``RemoteError``; `StoreError` when a row cannot be written locally.
    public func pull(into store: Store, cancellation: CancellationToken = CancellationToken()) async throws -> PullReport {
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
        for run in Self.parentsFirst(missing) {
            if cancellation.isCancelled {
                throw RemoteError(.interrupted, remote: name, "pull stopped after \(report.pulled.count) runs; pull again to finish")
            }
            var tables: [ExchangeTable] = []
            if let hash = run.version, try !store.holds(.datasetVersion, key: hash) {
                tables += try await fetch(.datasetVersion, key: hash)
                report.datasetVersions.append(hash)
            }
            if let hash = run.recipe, try !store.holds(.featureConfig, key: hash) {
                tables += try await fetch(.featureConfig, key: hash)
            }
            let own = try await fetch(.run, key: run.uuid)
            tables += own
            runsTables += own.filter { $0.name == "runs" }
            do {
                try store.importTables(tables)
            } catch {
                throw RemoteError(.local, remote: name, "run \(run.uuid) could not be written locally: \(error)")
            }
            report.pulled.append(run.uuid)
        }
        if !runsTables.isEmpty { try store.importTables(runsTables) }
        return report
    }

    /// The tables of one scope for `key` (a dataset version's or recipe's hash, a run's
    /// UUID), as the remote holds them, ready for `Store.importTables`.
    public func fetch(_ scope: ExchangeScope, key: String) async throws -> [ExchangeTable] {
        var tables: [ExchangeTable] = []
        for spec in ExchangeSchema.tables(scope) {
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
