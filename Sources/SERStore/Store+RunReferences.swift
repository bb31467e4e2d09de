import GRDB

/// Resolving what the user typed for a run (``RunReference``) to a run id.
extension Store {
    /// The id of the run `text` names.
    ///
    /// - Throws: ``StoreError`` `.invalidArgument` saying what matched nothing, or listing the
    ///   candidates (id and name) when a name prefix matches several runs.
    public func resolveRun(_ text: String) throws -> Int64 {
        let reference = RunReference(text)
        return try read { db in
            switch reference {
            case .id(let id):
                guard try Int.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ? AND deleted_at IS NULL", arguments: [id]) != nil else {
                    if try Int.fetchOne(db, sql: "SELECT 1 FROM runs WHERE id = ?", arguments: [id]) != nil {
                        throw StoreError(.invalidArgument, path: path, "run \(id) is in the trash (ser restore \(id) brings it back)")
                    }
                    throw StoreError(.invalidArgument, path: path, "no run \(id) (runs are named by \(RunReference.forms))")
                }
                return id
            case .last(let back):
                guard
                    let id = try Int64.fetchOne(
                        db, sql: "SELECT id FROM runs WHERE parent_id IS NULL AND deleted_at IS NULL ORDER BY id DESC LIMIT 1 OFFSET ?",
                        arguments: [back])
                else {
                    let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM runs WHERE parent_id IS NULL AND deleted_at IS NULL") ?? 0
                    guard count > 0 else { throw StoreError(.invalidArgument, path: path, "'\(text)': there are no runs yet") }
                    throw StoreError(
                        .invalidArgument, path: path,
                        "'\(text)': there \(count == 1 ? "is 1 top-level run" : "are \(count) top-level runs"), so nothing is \(back) before the last"
                    )
                }
                return id
            case .tag(let tag):
                guard
                    let id = try Int64.fetchOne(
                        db,
                        sql:
                            "SELECT t.run_id FROM run_tags t JOIN runs r ON r.id = t.run_id WHERE t.tag = ? AND r.deleted_at IS NULL ORDER BY t.run_id DESC LIMIT 1",
                        arguments: [tag])
                else {
                    throw StoreError(.invalidArgument, path: path, "no run is tagged '\(tag)'")
                }
                return id
            case .name(let name):
                if let id = try Int64.fetchOne(
                    db, sql: "SELECT id FROM runs WHERE name = ? AND deleted_at IS NULL ORDER BY id DESC LIMIT 1", arguments: [name])
                {
                    return id
                }
                let candidates = try Row.fetchAll(
                    db, sql: "SELECT id, name FROM runs WHERE substr(name, 1, ?) = ? AND deleted_at IS NULL ORDER BY id LIMIT 11",
                    arguments: [name.count, name])
                switch candidates.count {
                case 0:
                    throw StoreError(
                        .invalidArgument, path: path,
                        "no run is named '\(name)' or has a name starting with it (runs are named by \(RunReference.forms))")
                case 1:
                    return candidates[0]["id"]
                default:
                    let list = candidates.prefix(10).map { "\($0["id"] as Int64) (\($0["name"] as String? ?? ""))" }
                    throw StoreError(
                        .invalidArgument, path: path,
                        "'\(name)' is ambiguous: it starts the names of runs \(list.joined(separator: ", "))\(candidates.count > 10 ? ", …" : ""); give more of the name or the id"
                    )
                }
            }
        }
    }

    /// Run ids and names for shell completion, newest first (at most `limit`).
    public func runCompletions(limit: Int = 200) throws -> [String] {
        try read { db in
            var out: [String] = []
            for row in try Row.fetchAll(
                db, sql: "SELECT id, name FROM runs WHERE deleted_at IS NULL ORDER BY id DESC LIMIT ?", arguments: [limit])
            {
                out.append(String(row["id"] as Int64))
                if let name: String = row["name"], !name.isEmpty, !name.contains(" ") { out.append(name) }
            }
            let tags = try String.fetchAll(db, sql: "SELECT DISTINCT tag FROM run_tags ORDER BY tag LIMIT ?", arguments: [limit])
            return ["last", "HEAD"] + out + tags.map { "@" + $0 }
        }
    }
}
