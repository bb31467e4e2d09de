import GRDB

extension Store {
    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`; returns the problems
    /// found (empty when the database is consistent).
    public func integrityProblems() throws -> [String] {
        try read { db in
            var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0] ?? "?"
                let rowID: Int64 = row[1] ?? -1
                let parent: String = row[2] ?? "?"
                problems.append("foreign key: \(table) row \(rowID) points to a missing \(parent) row")
            }
            return problems
        }
    }
}
