public import Foundation
public import SERCore
public import SERExperiment
public import SERFeatures
public import SERModel
public import SERONNX

/// Conversions between a ``TrainedModel`` and the exporter's ``ONNXClassifier``.
extension TrainedModel {
    /// The metadata every export carries (all strings): `classes` (JSON array, output index
    /// order), `feature_config` (canonical JSON of every feature parameter), `feature_config_hash`,
    /// `feature_names`, `dataset_version`, `run_id`, `epoch`, `normalization`, `max_frames`,
    /// `sequence_mode`, `ser_version` and `usage`.
    public var exportMetadata: [String: String] {
        var m: [String: String] = [
            "classes": Self.json(classes),
            "normalization": normalizer.method.rawValue,
            "max_frames": String(modelConfig.maxFrames),
            "sequence_mode": modelConfig.sequenceMode.rawValue,
            "epoch": String(epoch),
            "ser_version": SERVersion.string,
            "usage": """
            Compute features with librosa using every parameter of feature_config (mono, resampled to sampleRate with \
            soxr_hq; columns in the order of feature_names; frames = rows). Pass them raw (not normalised) as \
            features [batch, frames, dims] float32 with each clip's real frame count in lengths [batch] int32, padding \
            shorter clips at the end with anything (ignored). The model truncates to max_frames, normalises with the \
            run's statistics and returns probabilities [batch, classes] in the order of classes.
            """,
        ]
        if let runID { m["run_id"] = String(runID) }
        if let datasetHash { m["dataset_version"] = datasetHash }
        return m.merging(Self.recipeMetadata(featureConfig)) { $1 }
    }

    /// The classifier as the ONNX exporter takes it.
    public var onnxClassifier: ONNXClassifier {
        let c = modelConfig
        let architecture = ONNXClassifier.Architecture(
            inputDims: c.inputDims, classCount: c.classCount, lstmUnits: c.lstmUnits, bidirectional: c.bidirectional,
            denseUnits: c.denseUnits, activation: c.activation.rawValue, pooling: c.pooling.rawValue, maxFrames: c.maxFrames,
            masked: c.sequenceMode == .masked,
            normalization: perSpeaker ? ONNXClassifier.speakerNormalization : normalizer.method.rawValue,
            convolution: c.convChannels.isEmpty
                ? nil
                : ONNXClassifier.Architecture.Convolution(
                    channels: c.convChannels, kernel: c.convKernel, activation: c.convActivation.rawValue))
        return ONNXClassifier(
            architecture: architecture, mean: normalizer.mean, std: normalizer.std, weights: tensors, metadata: exportMetadata)
    }

    /// The metadata naming the input's feature recipe: `feature_config` (canonical JSON),
    /// `feature_config_hash` and `feature_names` (JSON array, column order).
    static func recipeMetadata(_ config: FeatureConfig) -> [String: String] {
        ["feature_config": config.canonicalJSON, "feature_config_hash": config.hash, "feature_names": json(config.featureNames)]
    }

    /// `strings` as a JSON array.
    static func json(_ strings: [String]) -> String {
        (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
    }

    /// A model rebuilt from an ONNX file's classifier and metadata (no database needed).
    ///
    /// - Throws: ``ModelUseError`` naming `path` when the metadata lacks what prediction needs.
    public init(onnx c: ONNXClassifier, path: String) throws {
        let a = c.architecture
        guard let classesText = c.metadata["classes"],
            let classes = try? JSONDecoder().decode([String].self, from: Data(classesText.utf8)), classes.count == a.classCount
        else { throw ModelUseError(path: path, "its classes metadata is missing or does not match the \(a.classCount) outputs") }
        guard let recipe = c.metadata["feature_config"],
            let featureConfig = try? JSONDecoder().decode(FeatureConfig.self, from: Data(recipe.utf8))
        else { throw ModelUseError(path: path, "its feature_config metadata is missing or unreadable") }
        let perSpeaker = a.normalization == ONNXClassifier.speakerNormalization
        guard let method = perSpeaker ? .global : Normalizer.Method(rawValue: a.normalization),
            let activation = Activation(rawValue: a.activation),
            let pooling = Pooling(rawValue: a.pooling)
        else { throw ModelUseError(path: path, "its architecture names an unknown normalisation, activation or pooling") }
        var modelConfig = ModelConfig(
            inputDims: a.inputDims, classCount: a.classCount, lstmUnits: a.lstmUnits, bidirectional: a.bidirectional,
            dropout: 0, denseUnits: a.denseUnits, activation: activation, pooling: pooling, maxFrames: a.maxFrames,
            sequenceMode: a.masked ? .masked : .padded)
        if let convolution = a.convolution {
            guard let convActivation = Activation(rawValue: convolution.activation) else {
                throw ModelUseError(path: path, "its architecture names an unknown normalisation, activation or pooling")
            }
            modelConfig.convChannels = convolution.channels
            modelConfig.convKernel = convolution.kernel
            modelConfig.convActivation = convActivation
        }
        self.init(
            runID: c.metadata["run_id"].flatMap { Int64($0) }, classes: classes, featureConfig: featureConfig,
            normalizer: Normalizer(method: method, mean: c.mean, std: c.std), modelConfig: modelConfig,
            tensors: c.weights, datasetHash: c.metadata["dataset_version"], epoch: c.metadata["epoch"].flatMap { Int($0) } ?? 0)
        self.perSpeaker = perSpeaker
    }
}
