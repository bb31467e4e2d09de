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
    /// classified.
    public func classify(_ paths: [String], cancellation: CancellationToken = CancellationToken()) throws -> PredictionBatch {
        let featurizer = try AudioFeaturizer(config: featureConfig)
        var failures: [PredictionFailure] = []
        var usable: [(path: String, matrix: Matrix, hash: String)] = []
        for path in paths where !cancellation.isCancelled {
            do {
                let features = try featurizer.features(path: path)
                usable.append((path, features.matrix, features.contentHash))
            } catch let error as ModelUseError {
                failures.append(PredictionFailure(path: path, reason: error.reason))
            }
        }
        let probabilities = usable.isEmpty ? Matrix(rows: 0, columns: classes.count) : try self.probabilities(usable.map(\.matrix))
        var results: [PredictionResult] = []
        var hashes: [String: String] = [:]
        for (i, file) in usable.enumerated() {
            let p = probabilities.row(i)
            if let bad = p.first(where: { !$0.isFinite }) {
                failures.append(PredictionFailure(path: file.path, reason: "the model's output is not finite (\(bad)); no label is given"))
                continue
            }
            var best = 0
            for c in p.indices where p[c] > p[best] { best = c }
            results.append(
                PredictionResult(
                    path: file.path, predicted: classes[best],
                    probabilities: Dictionary(uniqueKeysWithValues: zip(classes, p.map(Double.init))),
                    frames: file.matrix.rows))
            hashes[file.path] = file.hash
        }
        failures.sort { (paths.firstIndex(of: $0.path) ?? 0) < (paths.firstIndex(of: $1.path) ?? 0) }
        return PredictionBatch(results: results, failures: failures, hashes: hashes)
    }
}

extension Workbench {
    /// Records `batch`'s predictions under the model's run (`predictions` table), with each
    /// file's absolute path and content hash.
    ///
    /// - Throws: ``ModelUseError`` when the model names no run or its run is not in the database.
    public func record(_ batch: PredictionBatch, of model: TrainedModel) throws {
        guard let runID = model.runID else {
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
