import SERCore
import SERReports
import SERWorkbench
import SERStore
import SERCore

/// A dataset with its versions, as `ser datasets` shows it.
struct DatasetListing: Codable, Sendable {
    /// One version with its contents.
    struct Version: Codable, Sendable {
        var id: Int64
        var hash: String
        var clipCount: Int
        var createdAt: String
        @Nullable var note: String?
        var labels: [String: Int]
        var speakers: Int
        var seconds: Double
        var latest: Bool
    }

    var name: String
    var layout: String
    var rootPath: String
    var createdAt: String
    /// Clip rows stored for the dataset (all versions, plus clips of an unfinished import).
    var storedClips: Int
    var versions: [Version]
    /// Files the imports could not use, with the reasons.
    var rejected: [ImportSummary.Rejection]

    /// Reads every dataset (or the one named) in one snapshot.
    static func read(_ store: Store, name: String?) throws -> [DatasetListing] {
        try store.read { db in
            var out: [DatasetListing] = []
            for dataset in try DatasetStore.datasets(db) where name == nil || dataset.name == name {
                guard let datasetID = dataset.id else { continue }
                let versions = try DatasetStore.versions(datasetID: datasetID, db)
                var listed: [Version] = []
                for version in versions {
                    guard let versionID = version.id else { continue }
                    let stats = try DatasetStore.speakersAndSeconds(versionID: versionID, db)
                    listed.append(
                        Version(
                            id: versionID, hash: version.hash, clipCount: version.clipCount, createdAt: version.createdAt,
                            note: version.note, labels: try DatasetStore.labelCounts(versionID: versionID, db),
                            speakers: stats.speakers, seconds: stats.seconds, latest: version.id == versions.last?.id))
                }
                out.append(
                    DatasetListing(
                        name: dataset.name, layout: dataset.layout, rootPath: dataset.rootPath, createdAt: dataset.createdAt,
                        storedClips: try DatasetStore.clips(datasetID: datasetID, db).count, versions: listed,
                        rejected: try DatasetStore.rejections(datasetID: datasetID, db).map { .init(path: $0.path, reason: $0.reason) }))
            }
            return out
        }
    }
}
