/// `ser restore --json` (docs/json/restore.schema.json).
struct RestoreReport: Encodable {
    /// The run brought back (with the children trashed with it).
    var run: Int64
}
