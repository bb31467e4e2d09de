/// `ser gc --json` (docs/json/gc.schema.json): what emptying the trash freed.
struct GcReport: Encodable {
    /// Runs deleted, children included.
    var runs: Int
    /// Epoch rows deleted.
    var epochs: Int
    /// Bytes of checkpoint tensors deleted.
    var checkpointBytes: Int64
    /// How much smaller the file became (0 without `--vacuum`: SQLite reuses the pages).
    var fileBytes: Int64
    /// Whether the file was rebuilt (`--vacuum`).
    var vacuumed: Bool
}
