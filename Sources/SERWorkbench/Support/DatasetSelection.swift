public import SERStore

/// Resolves `--dataset NAME[@VERSION]`; with no name, the only dataset in the database.
public enum DatasetSelection {
    /// - Throws: ``StoreError`` naming what is missing or ambiguous.
    public static func resolve(_ spec: String?, in store: Store) throws -> (DatasetRecord, DatasetVersionRecord) {
        if let spec, !spec.isEmpty {
            let parts = spec.split(separator: "@", maxSplits: 1).map(String.init)
            return try DatasetStore.resolveVersion(dataset: parts[0], version: parts.count > 1 ? parts[1] : nil, in: store)
        }
        let names = try store.read { db in try DatasetStore.datasets(db).map(\.name) }
        guard names.count == 1, let only = names.first else {
            throw StoreError(
                .invalidArgument, path: store.path,
                names.isEmpty
                    ? "the database has no dataset yet; import one with `ser import PATH`"
                    : "--dataset is needed: the database has \(names.count) datasets (\(names.joined(separator: ", ")))")
        }
        return try DatasetStore.resolveVersion(dataset: only, in: store)
    }
}
