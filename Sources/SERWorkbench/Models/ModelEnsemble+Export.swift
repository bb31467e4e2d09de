import Foundation
import SERFeatures
import SERONNX

extension ModelEnsemble {
    /// The ensemble as one model file. ONNX only: one graph in which every member normalises
    /// and classifies the shared `features` input its own way and `probabilities` is the mean
    /// of theirs (``ONNXExporter/serialize(ensemble:metadata:inputDims:inputColumns:)``).
    /// Members of different feature recipes that differ only in which columns they compute
    /// (``FeatureConfig/columnUnion(_:)``: e.g. MFCC + chroma + contrast beside the same with
    /// log-mel) share one input of the union recipe, each member reading its own columns.
    ///
    /// Metadata: the first member's (classes, `dataset_version`, …) with `feature_config`,
    /// `feature_config_hash` and `feature_names` the input's recipe, `run_id` the ensemble's
    /// run, `ensemble_members` the members' run ids (JSON array), with mixed recipes
    /// `ensemble_feature_configs` (each member's recipe, a JSON array of `feature_config`
    /// objects), and no `epoch` or `normalization` (each member has its own, in `ser.ensemble`).
    ///
    /// - Throws: ``ModelUseError`` naming the run: a format other than ONNX, members whose
    ///   feature recipes differ in more than their columns, or a per-speaker member among
    ///   mixed recipes.
    public func encoded(as format: ModelFormat) throws -> [UInt8] {
        func refusal(_ reason: String) -> ModelUseError { Self.refusal(runID, reason) }
        guard format == .onnx else {
            throw refusal(
                "is an ensemble of \(members.count) models; it exports as one ONNX graph (--format onnx), or export its members one by one")
        }
        guard let first = members.first, let union = FeatureConfig.columnUnion(members.map(\.featureConfig)) else {
            throw refusal(
                "its models use feature recipes that differ in more than their columns (sample rate, STFT, mel or chroma "
                    + "parameters), so no single ONNX input serves them all; export them one by one")
        }
        var columns: [[Int]?] = []
        for model in members {
            guard model.featureConfig.hash != union.hash else {
                columns.append(nil)
                continue
            }
            guard !model.perSpeaker else {
                throw refusal(
                    "mixes feature recipes with a per-speaker member, whose speaker statistics would need its own input; "
                        + "export it on its own")
            }
            columns.append(model.featureConfig.columns(in: union))
        }
        var metadata = first.exportMetadata
        metadata.merge(TrainedModel.recipeMetadata(union)) { $1 }
        if columns.contains(where: { $0 != nil }) {
            metadata[ONNXExporter.memberFeatureConfigsKey] = "[" + members.map(\.featureConfig.canonicalJSON).joined(separator: ",") + "]"
        }
        metadata["epoch"] = nil
        metadata["normalization"] = nil
        if let runID { metadata["run_id"] = String(runID) }
        metadata["ensemble_members"] = "[" + members.compactMap { $0.runID.map(String.init) }.joined(separator: ",") + "]"
        metadata["usage"] =
            (metadata["usage"] ?? "") + " This is an ensemble of \(members.count) models (ensemble_members): each "
            + "truncates and normalises with its own settings and statistics, and probabilities is the mean of their outputs."
        do {
            return try ONNXExporter.serialize(
                ensemble: members.map(\.onnxClassifier), metadata: metadata, inputDims: union.dims, inputColumns: columns)
        } catch {
            throw refusal("cannot be exported to ONNX: \(error.reason)")
        }
    }
}
