import SERCore

/// `ser note --json` (docs/json/note.schema.json): the run's note afterwards.
struct NoteReport: Encodable {
    var run: Int64
    /// `null` once cleared (an empty note).
    @Nullable var note: String?
}
