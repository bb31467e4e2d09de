/// `ser rm --json` (docs/json/rm.schema.json).
struct TrashReport: Encodable {
    /// The runs named, in the order given (duplicates once).
    var runs: [Int64]
    /// Runs moved to the trash, their folds and trials included.
    var moved: Int
}
