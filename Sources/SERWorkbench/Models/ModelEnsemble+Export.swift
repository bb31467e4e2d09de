import Foundation
import SERONNX

extension ModelEnsemble {
    /// The ensemble as one model file. ONNX only: one graph in which every member normalises
    /// and classifies the shared `features` input its own way and `probabilities` is the mean
    /// of theirs (``ONNXExporter/serialize(ensemble:metadata:)``). Members must share the
    /// feature recipe, since they read the same input.
    ///
    /// Metadata: the first member's (classes, `feature_config`, `dataset_version`, …) with
    /// `run_id` the ensemble's run, `ensemble_members` the members' run ids (JSON array) and
    /// no `epoch` or `normalization` (each member has its own, in `ser.ensemble`).
    ///
    /// - Throws: ``ModelUseError`` naming the run: a format other than ONNX, or members whose
    ///   feature recipes differ.
    public func encoded(as format: ModelFormat) throws -> [UInt8] {
        func refusal(_ reason: String) -> ModelUseError { Self.refusal(runID, reason) }
        guard format == .onnx else {
            throw refusal(
                "is an ensemble of \(members.count) models; it exports as one ONNX graph (--format onnx), or export its members one by one")
        }
        guard let first = members.first, members.allSatisfy({ $0.featureConfig.hash == first.featureConfig.hash }) else {
            throw refusal("its models use different feature recipes, so no single ONNX input serves them all; export them one by one")
        }
        var metadata = first.exportMetadata
        metadata["epoch"] = nil
        metadata["normalization"] = nil
        if let runID { metadata["run_id"] = String(runID) }
        metadata["ensemble_members"] = "[" + members.compactMap { $0.runID.map(String.init) }.joined(separator: ",") + "]"
        metadata["usage"] =
            (metadata["usage"] ?? "") + " This is an ensemble of \(members.count) models (ensemble_members): each "
            + "truncates and normalises with its own settings and statistics, and probabilities is the mean of their outputs."
        do {
            return try ONNXExporter.serialize(ensemble: members.map(\.onnxClassifier), metadata: metadata)
        } catch {
            throw refusal("cannot be exported to ONNX: \(error.reason)")
        }
    }
}
