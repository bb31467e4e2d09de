import GRDB

/// Tells a fresh or half-created `ser` database from another program's SQLite database,
/// through a read-only connection that cannot change the file.
enum ForeignDatabaseProbe {
    /// - Throws: ``StoreError`` `.notASerDatabase` if the file holds tables but no
    ///   `schema_migrations`.
    static func check(_ path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(Store.busyTimeout)
        let names: [String]
        do {
            let queue = try DatabaseQueue(path: path, configuration: config)
            names = try queue.read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            }
            try queue.close()
        } catch let error as DatabaseError {
            throw StoreError(.notADatabase, path: path, "cannot be read as a SQLite database: \(error.message ?? "\(error)")")
        }
        if !names.isEmpty && !names.contains("schema_migrations") {
            let shown = names.prefix(5).joined(separator: ", ")
            throw StoreError(
                .notASerDatabase, path: path,
                "is a SQLite database of another program (tables: \(shown)\(names.count > 5 ? ", …" : "")), not a ser database; it was not modified"
            )
        }
    }
}
