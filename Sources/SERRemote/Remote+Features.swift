public import SERCore
public import SERStore

/// Feature tensors on the remote: uploaded with a queue submission (or `ser push --features`)
/// so that a worker trains from them without the clips' audio.
extension Remote {
    /// Uploads the tensors of a feature set (key ``ExchangeScope/featureSetKey(version:recipe:)``)
    /// that the remote lacks, with the dataset version and recipe when it lacks those. Every
    /// statement of about 8 MB commits on its own and every row is `ON CONFLICT DO NOTHING`, so
    /// an interrupted upload keeps what it sent and the next one sends only the rest.
    /// - Returns: the tensors uploaded (0 when the remote had them all).
    /// - Throws: ``RemoteError``; `StoreError` when the local database lacks the version.
    public func pushFeatures(_ key: String, from store: Store, cancellation: CancellationToken = CancellationToken()) async throws
        -> Int
    {
        let (version, recipe) = ExchangeScope.featureSetParts(key)
        let coverage = try store.featureCoverage(key)
        guard !coverage.cached.isEmpty else { return 0 }
        let present = try await remoteFeatureClips(key)
        guard !coverage.cached.subtracting(present).isEmpty else { return 0 }
        try await transaction {
            if try await holds(.datasetVersion, key: version) == false {
                try await insert(try store.exportTables(.datasetVersion, key: version))
            }
            if try await holds(.featureConfig, key: recipe) == false {
                try await insert(try store.exportTables(.featureConfig, key: recipe))
            }
        }
        guard var table = try store.exportTables(.featureSet, key: key).first else { return 0 }
        let clipColumn = table.columns.firstIndex(of: "clip_hash") ?? 1
        table.rows.removeAll { row in row[clipColumn].textValue.map(present.contains) ?? true }
        var sent = 0
        while sent < table.rows.count {
            if cancellation.isCancelled {
                throw RemoteError(.interrupted, remote: name, "feature upload stopped after \(sent) tensors; run it again to finish")
            }
            let chunk = Array(table.rows[sent..<Self.end(of: table.rows, from: sent)])
            try await transaction { try await insert([ExchangeTable(name: table.name, columns: table.columns, rows: chunk)]) }
            sent += chunk.count
        }
        return sent
    }

    /// Copies the tensors of a feature set that the local database lacks from the remote, in
    /// pages of about 8 MB, each one local transaction; the recipe first when it is missing
    /// here.
    /// - Returns: the tensors copied (0 when the remote has none the local database lacks).
    /// - Throws: ``RemoteError``; `StoreError` when a row cannot be written locally.
    public func fetchFeatures(_ key: String, into store: Store) async throws -> Int {
        let recipe = ExchangeScope.featureSetParts(key).recipe
        if try !store.holds(.featureConfig, key: recipe) {
            try store.importTables(try await fetch(.featureConfig, key: recipe))
        }
        let have = try store.featureCoverage(key).cached
        guard let spec = ExchangeSchema.tables(.featureSet).first else { return 0 }
        let clipColumn = spec.columns.firstIndex(of: "clip_hash") ?? 1
        let wanted = try await remoteFeatureClips(key).subtracting(have).sorted()
        var copied = 0
        var start = 0
        while start < wanted.count {
            // A page by clip hash, bounded by count (~30 KB each) so a page stays near 8 MB.
            let page = Array(wanted[start..<min(start + 256, wanted.count)])
            let rows = try await rows(
                RemoteTableFilter.select(spec) + " AND clip_hash = ANY($2::text[])",
                [.text(key), .text("{" + page.joined(separator: ",") + "}")])
            let fresh = rows.filter { row in row[clipColumn].textValue.map { !have.contains($0) } ?? false }
            do {
                try store.importTables([ExchangeTable(name: spec.name, columns: spec.columns, rows: fresh)])
            } catch {
                throw RemoteError(.local, remote: name, "feature tensors could not be written locally: \(error)")
            }
            copied += fresh.count
            start += page.count
        }
        return copied
    }

    /// The content hashes of the clips of a feature set the remote holds tensors for.
    func remoteFeatureClips(_ key: String) async throws -> Set<String> {
        let sql = "SELECT clip_hash FROM features WHERE " + RemoteTableFilter.condition(for: "features", scope: .featureSet)
        return Set(try await rows(sql, [.text(key)]).compactMap { $0.first?.textValue })
    }

    /// Where the statement that starts at `start` ends: at most ``maxBinds`` values and, past
    /// its first row, about ``maxStatementBytes`` of data.
    static func end(of rows: [[ExchangeValue]], from start: Int) -> Int {
        let perStatement = max(1, maxBinds / max(1, rows.first?.count ?? 1))
        var end = start
        var bytes = 0
        while end < rows.count && end - start < perStatement && (end == start || bytes < maxStatementBytes) {
            bytes += rows[end].reduce(0) { $0 + $1.byteCount }
            end += 1
        }
        return end
    }
}

extension ExchangeValue {
    /// Roughly what the value weighs in a statement: a blob's or text's bytes, 8 otherwise.
    var byteCount: Int {
        switch self {
        case .blob(let bytes): bytes.count
        case .text(let text): text.utf8.count
        default: 8
        }
    }
}
