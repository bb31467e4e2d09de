import SERCore

/// The content address of a dataset version.
///
/// `hash = SHA-256( sorted lines "content_hash<TAB>label<LF>" )`, lowercase hex, over every
/// clip of the version (duplicated lines are kept). Two imports that see the same files with
/// the same labels get the same hash, whatever the order or the paths.
public enum DatasetVersionHash {
    /// Computes the version hash of `(contentHash, label)` pairs (any order).
    public static func compute<Pairs: Sequence>(_ pairs: Pairs) -> String
    where Pairs.Element == (contentHash: String, label: String) {
        let lines = pairs.map { "\($0.contentHash)\t\($0.label)\n" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var hasher = SHA256()
        for line in lines { hasher.update(Array(line.utf8)) }
        return hasher.hexDigest()
    }
}
