import GRDB

/// Reading back what a run recorded.
extension Store {
    /// A run's identity and live state (from `run_summary`: a running run without heartbeat
    /// is `dead`).
    public struct RunHeader: Sendable, Equatable {
        public var id: Int64
        public var name: String?
        public var kind: RunKind
        public var parentID: Int64?
        public var status: RunStatus
        /// `runs.config`: the resolved settings as JSON text.
        public var config: String
    }

    /// The run with `id`, or `nil`.
    public func runHeader(_ id: Int64) throws -> RunHeader? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.id, s.name, s.kind, s.parent_id, s.status, r.config
                        FROM run_summary s JOIN runs r ON r.id = s.id WHERE s.id = ?
                        """, arguments: [id])
            else { return nil }
            return RunHeader(
                id: row["id"], name: row["name"], kind: row["kind"], parentID: row["parent_id"], status: row["status"],
                config: row["config"])
        }
    }

    /// A run's final metrics on `subset`: name → (value, standard deviation for parents).
    public func runMetrics(_ id: Int64, subset: String) throws -> [String: (value: Double, std: Double?)] {
        try read { db in
            var out: [String: (value: Double, std: Double?)] = [:]
            for row in try Row.fetchAll(
                db, sql: "SELECT name, value, std FROM run_metrics WHERE run_id = ? AND subset = ?", arguments: [id, subset])
            {
                out[row["name"]] = (row["value"], row["std"])
            }
            return out
        }
    }
}
