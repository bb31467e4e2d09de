public import Foundation
public import GRDB

/// Queries and writes for datasets, clips and dataset versions.
///
/// Every function works on a `Database` handle, so callers compose them inside one
/// ``Store/write(_:)`` transaction or one ``Store/read(_:)`` snapshot.
public enum DatasetStore {
    // MARK: Lookups

    /// The dataset called `name`, if any.
    public static func dataset(named name: String, _ db: Database) throws -> DatasetRecord? {
        try DatasetRecord.fetchOne(db, sql: "SELECT * FROM datasets WHERE name = ?", arguments: [name])
    }

    /// Every dataset, by name.
    public static func datasets(_ db: Database) throws -> [DatasetRecord] {
        try DatasetRecord.fetchAll(db, sql: "SELECT * FROM datasets ORDER BY name")
    }

    /// The versions of a dataset, oldest first.
    public static func versions(datasetID: Int64, _ db: Database) throws -> [DatasetVersionRecord] {
        try DatasetVersionRecord.fetchAll(
            db, sql: "SELECT * FROM dataset_versions WHERE dataset_id = ? ORDER BY id", arguments: [datasetID])
    }

    /// The newest version of a dataset, `nil` before its first complete import.
    public static func latestVersion(datasetID: Int64, _ db: Database) throws -> DatasetVersionRecord? {
        try DatasetVersionRecord.fetchOne(
            db, sql: "SELECT * FROM dataset_versions WHERE dataset_id = ? ORDER BY id DESC LIMIT 1", arguments: [datasetID])
    }

    /// Finds a dataset by name and one of its versions: `version` is a hash prefix (at least
    /// 4 characters) or a version id; `nil` means the latest.
    ///
    /// - Throws: ``StoreError`` `.invalidArgument` naming the dataset when it, or the
    ///   version, does not exist, or the prefix is ambiguous.
    public static func resolveVersion(dataset name: String, version: String? = nil, in store: Store)
        throws -> (dataset: DatasetRecord, version: DatasetVersionRecord)
    {
        try store.read { db in
            guard let dataset = try dataset(named: name, db), let datasetID = dataset.id else {
                let known = try datasets(db).map(\.name)
                throw StoreError(
                    .invalidArgument, path: store.path,
                    "no dataset named '\(name)' (datasets: \(known.isEmpty ? "none; run ser import" : known.joined(separator: ", ")))")
            }
            let all = try versions(datasetID: datasetID, db)
            guard let version else {
                guard let latest = all.last else {
                    throw StoreError(
                        .invalidArgument, path: store.path,
                        "dataset '\(name)' has no complete version yet; re-run ser import to finish it")
                }
                return (dataset, latest)
            }
            let wanted = version.lowercased()
            let matches = all.filter { (wanted.count >= 4 && $0.hash.hasPrefix(wanted)) || $0.id.map(String.init) == wanted }
            guard matches.count == 1, let match = matches.first else {
                throw StoreError(
                    .invalidArgument, path: store.path,
                    matches.isEmpty
                        ? "dataset '\(name)' has no version '\(version)' (versions: \(all.map(\.shortHash).joined(separator: ", ")))"
                        : "version prefix '\(version)' of dataset '\(name)' is ambiguous")
            }
            return (dataset, match)
        }
    }

    /// Resolves a `NAME` or `NAME@VERSION` reference (VERSION: hash prefix or id), the form
    /// commands accept after `--dataset`.
    ///
    /// - Throws: ``StoreError`` `.invalidArgument` as ``resolveVersion(dataset:version:in:)``.
    public static func resolve(reference: String, in store: Store)
        throws -> (dataset: DatasetRecord, version: DatasetVersionRecord)
    {
        guard let at = reference.lastIndex(of: "@"), at != reference.startIndex else {
            return try resolveVersion(dataset: reference, version: nil, in: store)
        }
        let version = String(reference[reference.index(after: at)...])
        return try resolveVersion(dataset: String(reference[..<at]), version: version.isEmpty ? nil : version, in: store)
    }

    /// The clips of a version, by relative path, optionally only those labelled `label`.
    public static func clips(versionID: Int64, label: String? = nil, _ db: Database) throws -> [ClipRecord] {
        try ClipRecord.fetchAll(
            db,
            sql: """
                SELECT c.* FROM clips c JOIN dataset_version_clips vc ON vc.clip_id = c.id
                WHERE vc.version_id = ? AND (? IS NULL OR c.label = ?)
                ORDER BY c.relative_path, c.id
                """, arguments: [versionID, label, label])
    }

    /// Clips of any version (including clips of an import not finished yet), optionally of
    /// one dataset and one label, by dataset and relative path.
    public static func clips(datasetID: Int64? = nil, label: String? = nil, _ db: Database) throws -> [ClipRecord] {
        try ClipRecord.fetchAll(
            db,
            sql: """
                SELECT * FROM clips WHERE (? IS NULL OR dataset_id = ?) AND (? IS NULL OR label = ?)
                ORDER BY dataset_id, relative_path, id
                """, arguments: [datasetID, datasetID, label, label])
    }

    /// One clip by id.
    public static func clip(id: Int64, _ db: Database) throws -> ClipRecord? {
        try ClipRecord.fetchOne(db, key: id)
    }

    /// The PCM stored for a clip (`--store-audio`), if any.
    public static func audio(clipID: Int64, _ db: Database) throws -> ClipAudioRecord? {
        try ClipAudioRecord.fetchOne(db, key: clipID)
    }

    /// Clip counts per label of a version.
    public static func labelCounts(versionID: Int64, _ db: Database) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for row in try Row.fetchAll(
            db,
            sql: """
                SELECT c.label, count(*) AS n FROM clips c JOIN dataset_version_clips vc ON vc.clip_id = c.id
                WHERE vc.version_id = ? GROUP BY c.label
                """, arguments: [versionID])
        {
            counts[row["label"]] = row["n"]
        }
        return counts
    }

    /// Speaker count and total seconds of a version.
    public static func speakersAndSeconds(versionID: Int64, _ db: Database) throws -> (speakers: Int, seconds: Double) {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT count(DISTINCT c.speaker) AS speakers, coalesce(sum(c.duration), 0) AS seconds
                FROM clips c JOIN dataset_version_clips vc ON vc.clip_id = c.id WHERE vc.version_id = ?
                """, arguments: [versionID])
        return (row?["speakers"] ?? 0, row?["seconds"] ?? 0)
    }

    /// The files an import of the dataset could not use, with the reasons, by path.
    public static func rejections(datasetID: Int64, _ db: Database) throws -> [(path: String, reason: String)] {
        try Row.fetchAll(
            db, sql: "SELECT path, reason FROM import_rejections WHERE dataset_id = ? ORDER BY path",
            arguments: [datasetID]
        ).map { (path: $0["path"], reason: $0["reason"]) }
    }

    /// How many clips of a version have more than one channel.
    public static func multichannelCount(versionID: Int64, _ db: Database) throws -> Int {
        try Int.fetchOne(
            db,
            sql: """
                SELECT count(*) FROM clips c JOIN dataset_version_clips vc ON vc.clip_id = c.id
                WHERE vc.version_id = ? AND c.channels > 1
                """, arguments: [versionID]) ?? 0
    }

    // MARK: Writes

    /// Inserts a dataset row and returns it with its id.
    public static func createDataset(_ record: DatasetRecord, _ db: Database) throws -> DatasetRecord {
        var record = record
        try record.insert(db)
        return record
    }

    /// The clips already stored for a dataset, keyed by ``ClipKey``.
    public static func existingClips(datasetID: Int64, _ db: Database) throws -> [ClipKey: ExistingClip] {
        var out: [ClipKey: ExistingClip] = [:]
        let rows = try Row.fetchCursor(
            db,
            sql: """
                SELECT c.id, c.relative_path, c.content_hash, c.label, c.file_size, a.clip_id IS NOT NULL AS has_audio
                FROM clips c LEFT JOIN clip_audio a ON a.clip_id = c.id WHERE c.dataset_id = ?
                """, arguments: [datasetID])
        while let row = try rows.next() {
            let key = ClipKey(relativePath: row["relative_path"], contentHash: row["content_hash"])
            out[key] = ExistingClip(id: row["id"], label: row["label"], fileSize: row["file_size"], hasAudio: row["has_audio"])
        }
        return out
    }

    /// Adds labels outside the canonical vocabulary to `labels` (a user corpus's own labels).
    public static func ensureLabels<Labels: Sequence>(_ labels: Labels, _ db: Database) throws where Labels.Element == String {
        for label in labels {
            try db.execute(sql: "INSERT OR IGNORE INTO labels (name, canonical) VALUES (?, 0)", arguments: [label])
        }
    }

    /// Inserts a clip (and its PCM when given) and returns its id. A clip already present
    /// with the same (dataset, relative path, content hash) is left as it is and its id returned.
    public static func insertClip(_ clip: ClipRecord, audio: (dtype: ClipAudioRecord.DType, data: Data)?, _ db: Database) throws -> Int64 {
        try insertClipIfNew(clip, audio: audio, db).id
    }

    /// ``insertClip(_:audio:_:)``, saying whether this call inserted the row: `isNew` is false
    /// when the same file (path and content) is already there, e.g. because another import of
    /// the same corpus committed it first — so concurrent imports never both count it as new.
    public static func insertClipIfNew(
        _ clip: ClipRecord, audio: (dtype: ClipAudioRecord.DType, data: Data)?, _ db: Database
    ) throws -> (id: Int64, isNew: Bool) {
        if let id = try Int64.fetchOne(
            db,
            sql: """
                SELECT id FROM clips WHERE dataset_id = ? AND relative_path = ? AND content_hash = ?
                """, arguments: [clip.datasetID, clip.relativePath, clip.contentHash])
        {
            return (id, false)
        }
        var clip = clip
        try clip.insert(db)
        let id = db.lastInsertedRowID
        if let audio {
            try ClipAudioRecord(
                clipID: id, dtype: audio.dtype, sampleRate: clip.sampleRate, channels: clip.channels,
                frames: clip.frames, data: audio.data
            ).insert(db)
        }
        try db.execute(sql: "DELETE FROM import_rejections WHERE dataset_id = ? AND path = ?", arguments: [clip.datasetID, clip.path])
        return (id, true)
    }

    /// Stores a clip's PCM (`--store-audio` on a clip imported without it); a clip that
    /// already has PCM keeps it.
    public static func insertAudio(_ record: ClipAudioRecord, _ db: Database) throws {
        try record.insert(db, onConflict: .ignore)
    }

    /// Records (or refreshes) why a file of a dataset could not be imported.
    public static func recordRejection(datasetID: Int64, path: String, reason: String, at time: String, _ db: Database) throws {
        try db.execute(sql: "DELETE FROM import_rejections WHERE dataset_id = ? AND path = ?", arguments: [datasetID, path])
        try db.execute(
            sql: "INSERT INTO import_rejections (dataset_id, path, reason, rejected_at) VALUES (?, ?, ?, ?)",
            arguments: [datasetID, path, reason, time])
    }

    /// The version with this hash, creating it with `clipIDs` as members when it is new.
    ///
    /// - Returns: the version and whether it was created now.
    public static func createVersion(
        datasetID: Int64, hash: String, clipIDs: [Int64], note: String?, at time: String,
        _ db: Database
    ) throws -> (version: DatasetVersionRecord, created: Bool) {
        if let existing = try DatasetVersionRecord.fetchOne(
            db, sql: "SELECT * FROM dataset_versions WHERE dataset_id = ? AND hash = ?", arguments: [datasetID, hash])
        {
            return (existing, false)
        }
        var version = DatasetVersionRecord(datasetID: datasetID, hash: hash, clipCount: clipIDs.count, createdAt: time, note: note)
        try version.insert(db)
        let statement = try db.makeStatement(sql: "INSERT OR IGNORE INTO dataset_version_clips (version_id, clip_id) VALUES (?, ?)")
        for clipID in clipIDs {
            try statement.execute(arguments: [version.id, clipID])
        }
        return (version, true)
    }
}

extension DatasetStore {
    /// The ids among `clipIDs` whose PCM is stored in the database (`clip_audio`).
    public static func clipsWithStoredAudio(_ clipIDs: [Int64], _ db: Database) throws -> Set<Int64> {
        let all = try Int64.fetchSet(db, sql: "SELECT clip_id FROM clip_audio")
        return all.intersection(clipIDs)
    }
}
