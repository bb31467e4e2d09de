import SERCore
import SERStore

/// A run in the trash as `ser runs --deleted --json` prints it
/// (docs/json/runs-deleted.schema.json).
struct TrashedRunListing: Encodable {
    var id: Int64
    @Nullable var name: String?
    var kind: String
    /// When `ser rm` moved it, ISO-8601 UTC.
    var deletedAt: String
    /// Its folds or trials, trashed with it.
    var children: Int

    init(_ run: Store.TrashedRun) {
        id = run.id
        name = run.name
        kind = run.kind
        deletedAt = run.deletedAt
        children = run.children
    }
}
