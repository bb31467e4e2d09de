import Foundation
import SERONNX

/// Reads an ONNX file written by `ser export` back into a ``TrainedModel`` (or, for an
/// exported ensemble, a ``ModelEnsemble``): the weights from its initializers, the recipe,
/// classes and normalisation from its metadata.
public enum ModelFileReader {
    /// The file's one model.
    ///
    /// - Throws: ``ModelUseError`` naming the file and the reason (an ensemble included:
    ///   read those with ``readEnsemble(path:)``).
    public static func read(path: String) throws -> TrainedModel {
        let models = try readEnsemble(path: path)
        guard models.members.count == 1, let only = models.members.first else {
            throw ModelUseError(path: path, "an ensemble of \(models.members.count) models, not a single model")
        }
        return only
    }

    /// Every model of the file: one for a single model, the members of an exported ensemble
    /// (their probabilities averaged, as in the file's graph).
    ///
    /// - Throws: ``ModelUseError`` naming the file and the reason.
    public static func readEnsemble(path: String) throws -> ModelEnsemble {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ModelUseError(path: path, "cannot be read")
        }
        let classifiers: [ONNXClassifier]
        do {
            classifiers = try ONNXImporter.readMembers([UInt8](data))
        } catch {
            throw ModelUseError(path: path, error.reason)
        }
        let members = try classifiers.map { try TrainedModel(onnx: $0, path: path) }
        if members.count == 1, let only = members.first { return ModelEnsemble(only) }
        let runID = classifiers.first?.metadata["run_id"].flatMap { Int64($0) }
        do {
            return try ModelEnsemble(runID: runID, members: members)
        } catch let error as ModelUseError {
            throw ModelUseError(path: path, error.reason)
        }
    }
}
