/// Rows of one table as they travel between databases: local ids replaced by run UUIDs and
/// content hashes (`run_uuid`, `clip_hash`, `dataset_version_hash`, …), see ``ExchangeSchema``.
public struct ExchangeTable: Sendable, Hashable {
    /// The table's name on both sides (`epochs`, `runs`, …).
    public let name: String
    /// Column names, in the order of each row's values.
    public let columns: [String]
    /// `[rows][columns.count]`.
    public var rows: [[ExchangeValue]]

    public init(name: String, columns: [String], rows: [[ExchangeValue]]) {
        self.name = name
        self.columns = columns
        self.rows = rows
    }
}
