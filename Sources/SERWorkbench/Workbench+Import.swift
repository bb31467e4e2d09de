import Foundation
public import SERCorpus
import SERStore

/// What to import.
public struct ImportRequest: Sendable {
    /// Corpus folders, audio files, or one CSV manifest.
    public var paths: [String]
    /// The dataset's name; `nil` = the corpus folder's name.
    public var name: String?
    /// The file-naming convention; `nil` recognises it (and, for an existing dataset, keeps
    /// the layout it was imported with).
    public var layout: CorpusLayout?
    /// Keep the decoded PCM in the database.
    public var storeAudio = false
    /// Descend into symbolic links to folders.
    public var followLinks = true
    /// Files per transaction (≥ 1).
    public var batchSize = 64
    /// Worker threads (≥ 1).
    public var jobs = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Called after each committed batch with the number of files seen (tests pause there).
    public var afterBatch: (@Sendable (Int) -> Void)?

    public init(paths: [String], name: String? = nil, layout: CorpusLayout? = nil) {
        self.paths = paths
        self.name = name
        self.layout = layout
    }

    /// The corpus folder's name (`ravdess-speech`), or `dataset` for the filesystem root.
    public static func defaultName(root: String) -> String {
        let base = (root as NSString).lastPathComponent
        return base.isEmpty || base == "/" ? "dataset" : base
    }
}

extension Workbench {
    /// Imports a labelled corpus: every file hashed and decoded on ``ImportRequest/jobs``
    /// threads, committed in batches, the dataset version written once every file was seen.
    /// Files that cannot be used are listed in the summary (and `import_rejections`), not
    /// thrown. Cancelled, it keeps the committed batches and throws `ImportError`
    /// `.interrupted`; the same request again finishes the import.
    ///
    /// - Throws: ``ImportError`` (missing paths, no audio, a layout that does not match the
    ///   dataset's, bad manifest, interrupted), `StoreError`.
    public func importCorpus(_ request: ImportRequest) throws -> ImportSummary {
        guard request.batchSize >= 1, request.jobs >= 1 else {
            throw WorkbenchError(.invalidRequest, "batch size and jobs must be at least 1")
        }
        var plan = try ImportPlan.make(paths: request.paths, layout: request.layout, followLinks: request.followLinks)
        let datasetName = request.name ?? ImportRequest.defaultName(root: plan.root)
        // Re-importing without a layout: keep the layout the dataset was imported with.
        if request.layout == nil, plan.layout != .csv,
            let known = try store.read({ try DatasetStore.dataset(named: datasetName, $0) }),
            let stored = CorpusLayout(rawValue: known.layout), stored != plan.layout, stored != .csv
        {
            plan = try ImportPlan.make(paths: request.paths, layout: stored, followLinks: request.followLinks)
        }
        let progress = self.progress.begin("importing", total: plan.items.count, unit: "files")
        let importer = Importer(
            plan: plan, datasetName: datasetName, storeAudio: request.storeAudio, batchSize: request.batchSize, jobs: request.jobs,
            progress: progress, cancellation: cancellation, afterBatch: request.afterBatch)
        return try importer.run(store: store)
    }
}
