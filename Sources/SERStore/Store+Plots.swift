import Foundation
import GRDB
import SERCore

/// Reading what the plots and reports draw: runs, their epochs, metrics and confusion
/// matrices; clips, datasets and cached features. Read-only; each function is one snapshot.
extension Store {
    /// The run with `id`, or `nil` if there is none.
    public func runOverview(_ id: Int64) throws -> RunOverview? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT s.*, r.selected_epoch, r.config, r.command_line, r.note, r.error
                        FROM run_summary s JOIN runs r ON r.id = s.id WHERE s.id = ?
                        """, arguments: [id])
            else { return nil }
            let tags: String? = row["tags"]
            return RunOverview(
                id: row["id"], name: row["name"], kind: row["kind"], status: row["status"], dataset: row["dataset"],
                datasetVersion: row["dataset_version"], split: row["split"], seed: row["seed"], bestEpoch: row["best_epoch"],
                selectedEpoch: row["selected_epoch"],
                epochsDone: row["epochs_done"], config: row["config"], commandLine: row["command_line"], createdAt: row["created_at"],
                durationSeconds: row["duration_seconds"], tags: (tags ?? "").split(separator: ",").map(String.init).sorted(),
                note: row["note"], error: row["error"])
        }
    }

    /// The subsets a run has been evaluated on, best first (`test`, `val`, `train`).
    public func evaluatedSubsets(_ runID: Int64) throws -> [String] {
        let present = try read { db in
            try String.fetchSet(
                db,
                sql:
                    "SELECT DISTINCT subset FROM confusion WHERE run_id = ? UNION SELECT DISTINCT subset FROM class_metrics WHERE run_id = ?",
                arguments: [runID, runID])
        }
        return ["test", "val", "train"].filter(present.contains)
    }

    /// The confusion matrix of a run on `subset`, or `nil` if that subset was not evaluated.
    /// Labels are ordered as the run's checkpoint lists its classes when known, else by name.
    public func confusion(_ runID: Int64, subset: String) throws -> ConfusionCounts? {
        try read { db in
            let rows = try Row.fetchAll(
                db, sql: "SELECT true_label, predicted_label, count FROM confusion WHERE run_id = ? AND subset = ?",
                arguments: [runID, subset])
            guard !rows.isEmpty else { return nil }
            var labels = Set<String>()
            for row in rows {
                labels.insert(row["true_label"])
                labels.insert(row["predicted_label"])
            }
            var order = labels.sorted()
            if let classes = try String.fetchOne(
                db, sql: "SELECT classes FROM checkpoints WHERE run_id = ? ORDER BY kind = 'best' DESC LIMIT 1", arguments: [runID]),
                let decoded = try? JSONDecoder().decode([String].self, from: Data(classes.utf8)), Set(decoded) == labels
            {
                order = decoded
            }
            let index = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
            var counts = [[Int]](repeating: [Int](repeating: 0, count: order.count), count: order.count)
            for row in rows {
                if let t = index[row["true_label"]], let p = index[row["predicted_label"]] { counts[t][p] = row["count"] }
            }
            return ConfusionCounts(subset: subset, labels: order, counts: counts)
        }
    }

    /// All final metrics of a run, ordered by subset (train, val, test) and name.
    public func runMetrics(_ runID: Int64) throws -> [RunMetric] {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT * FROM run_metrics WHERE run_id = ?
                    ORDER BY CASE subset WHEN 'train' THEN 0 WHEN 'val' THEN 1 ELSE 2 END, name
                    """, arguments: [runID]
            ).map {
                RunMetric(subset: $0["subset"], name: $0["name"], value: $0["value"], std: $0["std"])
            }
        }
    }

    /// A run's hyperparameters as (name, JSON value text), by name.
    public func hyperparameters(_ runID: Int64) throws -> [(name: String, value: String)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, value FROM hyperparameters WHERE run_id = ? ORDER BY name", arguments: [runID]).map {
                (name: $0["name"], value: $0["value"])
            }
        }
    }

    /// Where a run came from, if recorded.
    public func provenance(_ runID: Int64) throws -> Provenance? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM provenance WHERE run_id = ?", arguments: [runID]) else { return nil }
            return Provenance(
                serVersion: row["ser_version"], buildCommit: row["build_commit"], datasetHash: row["dataset_hash"],
                featureConfigHash: row["feature_config_hash"], hostname: row["hostname"], os: row["os"],
                cpuModel: row["cpu_model"], cpuCores: row["cpu_cores"], blasThreads: row["blas_threads"], extra: row["extra"])
        }
    }

    private static let clipColumns = """
        c.id, d.name AS dataset, c.path, c.relative_path, c.label, c.speaker, c.gender, c.sample_rate, c.channels, c.frames, c.duration
        """

    private static func clipInfo(_ row: Row) -> ClipInfo {
        ClipInfo(
            id: row["id"], dataset: row["dataset"], path: row["path"], relativePath: row["relative_path"], label: row["label"],
            speaker: row["speaker"], gender: row["gender"], sampleRate: row["sample_rate"], channels: row["channels"],
            frames: row["frames"], duration: row["duration"])
    }

    /// The clip a user names: by id (`42`), by absolute path, or by a path relative to its
    /// dataset root (the newest clip when several match). `nil` if none matches.
    public func clip(named reference: String) throws -> ClipInfo? {
        try read { db in
            let base = "SELECT \(Self.clipColumns) FROM clips c JOIN datasets d ON d.id = c.dataset_id"
            if let id = Int64(reference), let row = try Row.fetchOne(db, sql: "\(base) WHERE c.id = ?", arguments: [id]) {
                return Self.clipInfo(row)
            }
            let absolute = URL(fileURLWithPath: reference).standardizedFileURL.path
            for (condition, value) in [("c.path = ?", absolute), ("c.path = ?", reference), ("c.relative_path = ?", reference)] {
                if let row = try Row.fetchOne(db, sql: "\(base) WHERE \(condition) ORDER BY c.id DESC LIMIT 1", arguments: [value]) {
                    return Self.clipInfo(row)
                }
            }
            return nil
        }
    }

    /// The PCM a clip's import kept in the database (`--store-audio`), as float32 interleaved
    /// samples in [-1, 1]; `nil` if none was kept.
    public func storedAudio(_ clipID: Int64) throws -> (sampleRate: Int, channels: Int, samples: [Float])? {
        try read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT dtype, sample_rate, channels, data FROM clip_audio WHERE clip_id = ?", arguments: [clipID])
            else {
                return nil
            }
            let data: Data = row["data"], dtype: String = row["dtype"]
            let samples: [Float]
            if dtype == "int16" {
                samples = data.withUnsafeBytes { raw in
                    (0..<(raw.count / 2)).map {
                        Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * $0, as: Int16.self))) / 32768
                    }
                }
            } else {
                samples = FloatBlob.decode(data) ?? []
            }
            return (row["sample_rate"], row["channels"], samples)
        }
    }

    /// Whether a dataset with this name exists.
    public func datasetExists(_ name: String) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM datasets WHERE name = ?)", arguments: [name]) ?? false }
    }

    /// The clips of a dataset's newest version (all its clips when it has no version yet),
    /// by id.
    public func datasetClips(_ name: String) throws -> [ClipInfo] {
        try read { db in
            let version = try Int64.fetchOne(
                db,
                sql: """
                    SELECT v.id FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id
                    WHERE d.name = ? ORDER BY v.created_at DESC, v.id DESC LIMIT 1
                    """, arguments: [name])
            let base = "SELECT \(Self.clipColumns) FROM clips c JOIN datasets d ON d.id = c.dataset_id"
            let rows =
                if let version {
                    try Row.fetchAll(
                        db, sql: "\(base) JOIN dataset_version_clips vc ON vc.clip_id = c.id WHERE vc.version_id = ? ORDER BY c.id",
                        arguments: [version])
                } else {
                    try Row.fetchAll(db, sql: "\(base) WHERE d.name = ? ORDER BY c.id", arguments: [name])
                }
            return rows.map(Self.clipInfo)
        }
    }

    /// Every feature recipe, by id.
    public func featureConfigs() throws -> [FeatureConfigInfo] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feature_configs ORDER BY id").map { row in
                let names: String = row["feature_names"]
                return FeatureConfigInfo(
                    id: row["id"], name: row["name"], hash: row["hash"], params: row["params"], dims: row["dims"],
                    featureNames: (try? JSONDecoder().decode([String].self, from: Data(names.utf8))) ?? [])
            }
        }
    }
}
