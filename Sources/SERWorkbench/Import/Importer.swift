import SERCore
import Foundation
import SERCorpus
import SERStore

/// The import pipeline: files of an ``ImportPlan`` → parallel hashing and decoding →
/// batches, each committed in its own transaction → the dataset version, written in a final
/// transaction only once every file has been seen.
///
/// An interrupted import (Ctrl-C, kill -9) therefore leaves whole batches of clips and no
/// half-written version; running it again skips the clips already stored (same dataset,
/// relative path and content hash) and writes the version.
struct Importer: Sendable {
    var plan: ImportPlan
    var datasetName: String
    var storeAudio: Bool
    /// Files per batch (one transaction each).
    var batchSize: Int
    /// Worker threads.
    var jobs: Int
    var progress: any ProgressTask
    var cancellation: CancellationToken
    /// Called after each committed batch with the files seen so far (tests pause there to
    /// interrupt an import half-way).
    var afterBatch: (@Sendable (Int) -> Void)?

    /// A clip of the version being built.
    private struct Member: Sendable {
        public var id: Int64
        public var contentHash: String
        public var label: String
    }

    /// Runs the import.
    ///
    /// - Throws: ``ImportError`` `.layout` when the dataset exists with another layout;
    ///   ``StoreError`` for database failures.
    func run(store: Store) throws -> ImportSummary {
        let started = Date()
        let now = Timestamp.now()
        let (dataset, existing) = try store.write { db -> (DatasetRecord, [ClipKey: ExistingClip]) in
            if let found = try DatasetStore.dataset(named: datasetName, db), let id = found.id {
                guard found.layout == plan.layout.rawValue else {
                    throw ImportError(
                        .layout, path: plan.root,
                        "dataset '\(datasetName)' was imported with layout \(found.layout), not \(plan.layout.rawValue); "
                            + "pass --layout \(found.layout), or --name to start another dataset")
                }
                return (found, try DatasetStore.existingClips(datasetID: id, db))
            }
            let created = try DatasetStore.createDataset(
                DatasetRecord(name: datasetName, layout: plan.layout.rawValue, rootPath: plan.root, createdAt: now), db)
            return (created, [:])
        }
        guard let datasetID = dataset.id else {
            throw StoreError(.sqlite, path: store.path, "dataset '\(datasetName)' has no id after insertion")
        }

        var configured = FileProcessor(existing: existing, storeAudio: storeAudio)
        configured.cancellation = cancellation
        let processor = configured
        let members = Collector<Member>()
        let rejections = Collector<ImportSummary.Rejection>()
        let newCount = Collector<Int>()
        let writer = BatchWriter()
        let afterBatch = afterBatch
        // Rejections found before any file is read: manifest rows, and entries of the walk
        // (unreadable folders, folders named like clips, devices, FIFOs, sockets).
        let manifestRejections = plan.manifestRejections + plan.walkRejections

        var start = 0
        var first = true
        var interrupted = false
        while start < plan.items.count {
            if cancellation.isCancelled {
                interrupted = true
                break
            }
            let window = Array(plan.items[start..<min(start + batchSize, plan.items.count)])
            start += window.count
            let processed = ParallelMap.map(window, workers: jobs) { item in
                defer { progress.advance(by: 1) }
                return processor.process(item)
            }
            // Files cut short by Ctrl-C are left for the re-run; the rest of the batch commits.
            let outcomes = processed.filter { if case .interrupted = $0 { false } else { true } }
            if outcomes.count < processed.count {
                start -= processed.count - outcomes.count
                interrupted = true
            }
            let includeManifest = first
            let seen = start
            first = false
            try writer.submit {
                let written = try Self.commit(
                    outcomes, manifestRejections: includeManifest ? manifestRejections : [], datasetID: datasetID, store: store)
                members.append(contentsOf: written.members)
                rejections.append(contentsOf: written.rejected)
                newCount.append(written.new)
                afterBatch?(seen)
            }
            if interrupted { break }
        }
        try writer.drain()
        progress.finish()
        if interrupted {
            let kept = members.values().count
            throw ImportError(
                .interrupted, path: plan.root,
                "interrupted after \(start) of \(plan.items.count) files: \(kept) clips are committed in whole batches, "
                    + "no dataset version was written; run the same command again to finish")
        }

        let allMembers = members.values()
        var summary = ImportSummary(
            dataset: datasetName, layout: plan.layout.rawValue, root: plan.root, files: plan.items.count,
            ignoredFiles: plan.ignoredFiles, newClips: newCount.values().reduce(0, +),
            existingClips: 0, rejected: rejections.values().sorted { $0.path < $1.path },
            version: nil, versionID: nil, versionCreated: false, labels: [:], speakers: 0, seconds: 0,
            multichannelClips: 0, storedAudio: storeAudio, elapsedSeconds: 0,
            linksNotFollowed: plan.linksNotFollowed)
        summary.existingClips = allMembers.count - summary.newClips
        if !allMembers.isEmpty {
            let hash = DatasetVersionHash.compute(allMembers.map { (contentHash: $0.contentHash, label: $0.label) })
            let note = "ser import: \(allMembers.count) clips (\(summary.newClips) new, \(summary.rejected.count) rejected)"
            let result = try store.write { db in
                let (version, created) = try DatasetStore.createVersion(
                    datasetID: datasetID, hash: hash, clipIDs: allMembers.map(\.id), note: note, at: Timestamp.now(), db)
                guard let versionID = version.id else {
                    throw StoreError(.sqlite, path: store.path, "dataset version has no id after insertion")
                }
                let labels = try DatasetStore.labelCounts(versionID: versionID, db)
                let stats = try DatasetStore.speakersAndSeconds(versionID: versionID, db)
                let multichannel = try DatasetStore.multichannelCount(versionID: versionID, db)
                return (version, created, labels, stats, multichannel)
            }
            summary.version = result.0.hash
            summary.versionID = result.0.id
            summary.versionCreated = result.1
            summary.labels = result.2
            summary.speakers = result.3.speakers
            summary.seconds = result.3.seconds
            summary.multichannelClips = result.4
        }
        summary.elapsedSeconds = Date().timeIntervalSince(started)
        return summary
    }

    /// Writes one batch in one transaction: new clips (and their PCM), PCM added to stored
    /// clips, rejections. Returns the batch's version members, rejections and new-clip count.
    private static func commit(
        _ outcomes: [FileProcessor.Outcome], manifestRejections: [(path: String, reason: String)],
        datasetID: Int64, store: Store
    ) throws
        -> (members: [Member], rejected: [ImportSummary.Rejection], new: Int)
    {
        let time = Timestamp.now()
        return try store.write { db in
            var members: [Member] = []
            var rejected: [ImportSummary.Rejection] = []
            var new = 0
            for rejection in manifestRejections {
                try DatasetStore.recordRejection(datasetID: datasetID, path: rejection.path, reason: rejection.reason, at: time, db)
                rejected.append(.init(path: rejection.path, reason: rejection.reason))
            }
            let ownLabels = Set(
                outcomes.compactMap { outcome -> String? in
                    if case .new(let clip) = outcome, !LabelMapper.isCanonical(clip.label.label) { return clip.label.label }
                    return nil
                })
            try DatasetStore.ensureLabels(ownLabels, db)
            for outcome in outcomes {
                switch outcome {
                case .new(let clip):
                    let (id, isNew) = try DatasetStore.insertClipIfNew(
                        record(clip, datasetID: datasetID, time: time), audio: clip.audio, db)
                    members.append(Member(id: id, contentHash: clip.contentHash, label: clip.label.label))
                    if isNew { new += 1 }
                case .existing(let id, let hash, let label, let audio):
                    if let audio { try DatasetStore.insertAudio(audio, db) }
                    members.append(Member(id: id, contentHash: hash, label: label))
                case .rejected(let path, let reason):
                    try DatasetStore.recordRejection(datasetID: datasetID, path: path, reason: reason, at: time, db)
                    rejected.append(.init(path: path, reason: reason))
                case .interrupted:
                    continue
                }
            }
            return (members, rejected, new)
        }
    }

    /// The `clips` row for a processed file.
    private static func record(_ clip: FileProcessor.NewClip, datasetID: Int64, time: String) -> ClipRecord {
        ClipRecord(
            datasetID: datasetID, path: clip.item.path, relativePath: clip.item.relativePath,
            contentHash: clip.contentHash, fileSize: clip.fileSize, format: clip.info.format,
            sampleRate: clip.info.sampleRate, channels: clip.info.channels, frames: clip.info.frames,
            duration: clip.info.duration, label: clip.label.label, originalLabel: clip.label.originalLabel,
            speaker: clip.label.speaker, gender: clip.label.gender?.rawValue, attributes: clip.label.attributesJSON,
            importedAt: time)
    }
}
