import Dispatch
import Foundation
import SERAudio
public import SERCore
public import SERFeatures
import SERLinearAlgebra
public import SERStore

/// Fills the feature cache: computes the tensors a recipe still lacks for some clips, on all
/// cores, and commits them in batches (one transaction each), so an interrupted computation
/// keeps every finished batch and a re-run only does the rest.
///
/// Per clip: audio from the database or the verified source file → mono (channel mean) →
/// libsoxr HQ to the recipe's rate (``FeatureConfig/resampleRate``: under speed perturbation
/// the audio is resampled to `rate / factor` and read at `rate`) → ``FeatureExtractor``. A clip that fails (moved or
/// changed file, undecodable, too short, NaN samples) is recorded in `feature_errors` with
/// the reason; the others go on.
public struct FeatureComputer: Sendable {
    public let store: Store
    public let config: FeatureConfig
    /// `feature_configs.id` of ``config``.
    public let configID: Int64
    /// Worker threads (one extractor each).
    public var workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Clips per committed batch.
    public var batchSize = 64

    /// Registers the recipe (if new) and returns a computer for it.
    public init(store: Store, config: FeatureConfig) throws {
        self.store = store
        self.config = config
        configID = try store.featureConfigID(
            hash: config.hash, name: FeatureComputer.name(of: config), params: config.canonicalJSON,
            featureNames: config.featureNames)
    }

    /// A short human name such as `mfcc40+chroma+contrast@22050`.
    public static func name(of config: FeatureConfig) -> String {
        var parts: [String] = []
        if config.nMFCC > 0 { parts.append("mfcc\(config.nMFCC)") }
        if config.deltaOrder == 1 { parts.append("delta") }
        if config.deltaOrder == 2 { parts.append("delta2") }
        if config.chroma { parts.append("chroma") }
        if config.contrast { parts.append("contrast") }
        if config.rms { parts.append("rms") }
        if config.zcr { parts.append("zcr") }
        if config.logMel { parts.append("logmel") }
        if config.pitch != nil { parts.append("pitch") }
        let speed = config.speedFactor.map { "×\($0)" } ?? ""
        return parts.joined(separator: "+") + "@\(config.sampleRate)" + speed
    }

    /// What a computation did.
    public struct Outcome {
        public var cached = 0
        public var computed = 0
        public var failures: [(clip: ClipRecord, reason: String)] = []
        public var seconds = 0.0
    }

    /// Computes what is missing among `clips`.
    ///
    /// - Parameter progress: advanced once per clip computed.
    public func computeMissing(
        _ clips: [ClipRecord], progress: (any ProgressTask)? = nil, cancellation: CancellationToken = CancellationToken()
    ) throws -> Outcome {
        let start = Date()
        let cached = try store.cachedFeatureClips(configID: configID, among: clips.compactMap(\.id))
        let todo = clips.filter { $0.id.map { !cached.contains($0) } ?? false }
        var outcome = Outcome(cached: clips.count - todo.count)
        guard !todo.isEmpty else { return outcome }
        // The extractors run OpenBLAS from several threads: one OpenBLAS thread each, the
        // process-wide count held against in-process training meanwhile (BLAS.exclusively).
        try BLAS.exclusively {
            let previousBLASThreads = BLAS.threadCount
            BLAS.setThreadCount(1)
            defer { BLAS.setThreadCount(previousBLASThreads) }
            let extractors = try (0..<workers).map { _ in try FeatureExtractor(config: config) }
            var index = 0
            while index < todo.count && !cancellation.isCancelled {
                let batch = Array(todo[index..<min(index + batchSize, todo.count)])
                let results = ParallelMap.map(batch, states: extractors) { extractor, clip in
                    let result = compute(clip, extractor: extractor)
                    progress?.advance(by: 1)
                    return result
                }
                var good: [(clipID: Int64, features: Matrix, milliseconds: Double)] = []
                var bad: [(clipID: Int64, message: String)] = []
                for (clip, result) in zip(batch, results) {
                    guard let id = clip.id else { continue }
                    switch result {
                    case .success(let value): good.append((id, value.matrix, value.milliseconds))
                    case .failure(let error):
                        bad.append((id, error.message))
                        outcome.failures.append((clip, error.message))
                    }
                }
                try store.saveFeatures(configID: configID, good)
                try store.recordFeatureErrors(configID: configID, bad)
                outcome.computed += good.count
                index += batch.count
            }
        }
        outcome.seconds = Date().timeIntervalSince(start)
        return outcome
    }

    /// One clip's features, or why not.
    private func compute(_ clip: ClipRecord, extractor: FeatureExtractor) -> Result<(matrix: Matrix, milliseconds: Double), ClipFailure> {
        let t0 = DispatchTime.now().uptimeNanoseconds
        do {
            let audio = try ClipAudioLoader.load(clip, store: store, verifyHash: true)
            let mono = try Resampler.resample(audio.mono(), from: audio.info.sampleRate, to: config.resampleRate)
            let tensor = try extractor.extract(mono)
            if let bad = tensor.matrix.values.firstIndex(where: { !$0.isFinite }) {
                let row = bad / max(1, tensor.matrix.columns), column = bad % max(1, tensor.matrix.columns)
                let names = config.featureNames
                let name = column < names.count ? names[column] : "column \(column)"
                return .failure(
                    ClipFailure(
                        message:
                            "clip \(clip.id ?? -1) (\(clip.path)): its features are not finite (frame \(row), \(name) is \(tensor.matrix.values[bad])); "
                            + "the clip is left out rather than train on NaN"))
            }
            let ms = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
            return .success((tensor.matrix, ms))
        } catch {
            return .failure(ClipFailure(message: "\(error)"))
        }
    }
}

/// Why one clip could not be featurised.
public struct ClipFailure: Error, Sendable {
    public let message: String
}
