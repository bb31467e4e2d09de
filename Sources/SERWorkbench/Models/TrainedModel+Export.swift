import Foundation
import SERCore
import SERModel
import SERONNX
public import SERStore

/// A trained model serialised for use outside the database.
public struct ModelExport: Sendable {
    public var run: Int64
    /// The epoch whose weights were exported (0 for an ensemble: each member has its own).
    public var epoch: Int
    /// Models in the file: 1, or an ensemble's members.
    public var models: Int = 1
    public var format: ModelFormat
    public var bytes: [UInt8]
    /// SHA-256 of ``bytes``, lowercase hex.
    public var sha256: String
}

extension TrainedModel {
    /// The model in `format`.
    ///
    /// - Throws: ``ModelUseError`` when the model cannot be written that way (an ONNX
    ///   operator it lacks, too many weights for json).
    public func encoded(as format: ModelFormat) throws -> [UInt8] {
        let classifier = onnxClassifier
        let run = runID ?? 0
        switch format {
        case .onnx:
            do {
                return try ONNXExporter.serialize(classifier)
            } catch {
                throw ModelUseError(run: run, "cannot be exported to ONNX: \(error.reason)")
            }
        case .safetensors:
            let normalization = [
                NamedTensor(name: "normalization.mean", shape: [classifier.mean.count], values: classifier.mean),
                NamedTensor(name: "normalization.std", shape: [classifier.std.count], values: classifier.std),
            ]
            var metadata = classifier.metadata
            metadata[ONNXExporter.architectureKey] = String(decoding: try JSONEncoder().encode(classifier.architecture), as: UTF8.self)
            return try SafetensorsEncoder.encode(classifier.weights + normalization, metadata: metadata)
        case .json:
            let values = classifier.weights.reduce(0) { $0 + $1.values.count }
            guard values <= JSONModelDump.maximumValues else {
                throw ModelUseError(
                    run: run,
                    "has \(values) weights; the json format is for small models (≤ \(JSONModelDump.maximumValues)); use safetensors or onnx"
                )
            }
            return try JSONModelDump(classifier).encoded()
        }
    }
}

extension Workbench {
    /// Run `run`'s model serialised as `format` (nothing is written or recorded).
    ///
    /// A per-speaker run exports to ONNX only: the graph takes the speaker's statistics as the
    /// inputs `speaker_mean` and `speaker_std` (the metadata `speaker_statistics` says how to
    /// compute them).
    ///
    /// - Throws: ``ModelUseError`` naming the run (unknown, unfinished without
    ///   `allowPartial`, a parent, per-speaker in another format, or not expressible in
    ///   `format`).
    public func export(run: Int64, as format: ModelFormat, allowPartial: Bool = false) throws -> ModelExport {
        let models = try predictor(ofRun: run, allowPartial: allowPartial, enrolling: format == .onnx)
        let bytes: [UInt8]
        if models.members.count == 1, let model = models.members.first, model.runID == run {
            bytes = try model.encoded(as: format)
        } else {
            bytes = try models.encoded(as: format)
        }
        let epoch = models.members.count == 1 ? models.members.first?.epoch ?? 0 : 0
        return ModelExport(
            run: run, epoch: epoch, models: models.members.count, format: format, bytes: bytes, sha256: SHA256.hex(bytes))
    }

    /// Records that `export` was written to `path` (the `exports` table).
    public func recordExport(_ export: ModelExport, path: String) throws -> ExportRecord {
        let id = try store.recordExport(
            runID: export.run, format: export.format.rawValue, path: path, sha256: export.sha256, size: Int64(export.bytes.count))
        return ExportRecord(
            id: id, runID: export.run, format: export.format.rawValue, path: path, sha256: export.sha256, size: Int64(export.bytes.count),
            createdAt: Timestamp.now())
    }
}
