import Foundation
public import SERCore
import SERStore

/// A file a model could not classify, and why.
public struct PredictionFailure: Encodable, Sendable {
    public let path: String
    public let reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// The predictions for a list of files: the good ones classified, the bad ones listed.
public struct PredictionBatch: Sendable {
    /// In the order the files were given.
    public var results: [PredictionResult]
    /// In the order the files were given.
    public var failures: [PredictionFailure]
    /// Content hash (SHA-256 hex) of each classified file, by path.
    public var hashes: [String: String]
}

extension TrainedModel {
    /// Classifies each audio file alone: a file that cannot be read or featurised, or whose
    /// output is not finite, is listed in ``PredictionBatch/failures`` and the others are still
    /// classified (``ModelEnsemble/classify(_:cancellation:)`` of this model alone).
    public func classify(_ paths: [String], cancellation: CancellationToken = CancellationToken()) throws -> PredictionBatch {
        try ModelEnsemble(self).classify(paths, cancellation: cancellation)
    }
}

extension Workbench {
    /// Records `batch`'s predictions under the model's run (`predictions` table), with each
    /// file's absolute path and content hash.
    ///
    /// - Throws: ``ModelUseError`` when the model names no run or its run is not in the database.
    public func record(_ batch: PredictionBatch, of model: TrainedModel) throws {
        try record(batch, of: ModelEnsemble(model))
    }

    /// Records `batch`'s predictions under the run of `models` (an ensemble's or a k-fold
    /// parent's predictions under that run).
    ///
    /// - Throws: ``ModelUseError`` when `models` names no run or its run is not in the database.
    public func record(_ batch: PredictionBatch, of models: ModelEnsemble) throws {
        guard let runID = models.runID else {
            throw ModelUseError(path: "model", "recording predictions needs the model's run; this model names none")
        }
        guard try store.runHeader(runID) != nil else {
            throw ModelUseError(run: runID, "the model's run is not in \(store.path)")
        }
        for r in batch.results {
            let hash = try batch.hashes[r.path] ?? FileHasher.hash(path: r.path, cancellation: cancellation).hash
            let absolute = r.path.hasPrefix("/") ? r.path : FileManager.default.currentDirectoryPath + "/" + r.path
            try store.recordPrediction(
                runID: runID, path: absolute, contentHash: hash, predicted: r.predicted, probabilities: try r.probabilitiesJSON())
        }
    }
}
