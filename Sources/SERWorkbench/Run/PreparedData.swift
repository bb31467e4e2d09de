public import SERCore
public import SERExperiment
public import SERModel
public import SERStore

/// A dataset version's clips with their cached features, ready to split and train on.
///
/// Made before anything of a run is written: every clip's features are computed or read
/// from the cache first, so a moved source file or an unusable clip stops the command with
/// a clear error instead of a half-trained run.
public struct PreparedData {
    public let dataset: DatasetRecord
    public let version: DatasetVersionRecord
    public let clips: [ClipRecord]
    /// Sorted labels of the version: output index → label.
    public let classes: [String]
    /// `clips.id` → `[frames, dims]` raw (un-normalised) features.
    public let features: [Int64: Matrix]
    public let featureConfigID: Int64
    public let featureConfigHash: String
    public let dims: Int
    /// Speed-perturbed copies, one dictionary per `speedPerturb` factor in order: `clips.id`
    /// → `[frames, dims]` raw features of the clip's audio played that much faster.
    public var copies: [[Int64: Matrix]] = []
    /// `clips.id` → output index of the clip's label (clips whose label is not in
    /// ``classes`` are absent). Built once: datasets, weights and evaluations ask per clip.
    private let labelIndices: [Int64: Int]

    public init(
        dataset: DatasetRecord, version: DatasetVersionRecord, clips: [ClipRecord], classes: [String],
        features: [Int64: Matrix], featureConfigID: Int64, featureConfigHash: String, dims: Int,
        copies: [[Int64: Matrix]] = []
    ) {
        self.dataset = dataset
        self.version = version
        self.clips = clips
        self.classes = classes
        self.features = features
        self.featureConfigID = featureConfigID
        self.featureConfigHash = featureConfigHash
        self.dims = dims
        self.copies = copies
        let classIndex = Dictionary(classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var indices: [Int64: Int] = [:]
        for clip in clips { if let id = clip.id, let index = classIndex[clip.label] { indices[id] = index } }
        labelIndices = indices
    }

    /// `run_normalization.method` of runs whose features were z-scored per speaker first.
    public static let speakerMethod = "speaker-zscore"

    /// The same data with every clip's features z-scored with its speaker's statistics (mean
    /// and standard deviation per dimension over all frames, up to `maxFrames`, of all that
    /// speaker's clips in the version). Unsupervised — it uses no labels — but transductive:
    /// test speakers are normalised with their own clips, so a deployed model would need
    /// several utterances of each new speaker. Clips without a speaker are left as they are.
    ///
    /// Each speed-perturbed copy is normalised with its own statistics per speaker (a speaker
    /// played faster is treated as a speaker of its own, as a new speaker is at test time).
    ///
    /// - Parameter enrolled: speaker → the clips whose statistics normalise that speaker
    ///   (``Enrollment/choose(_:count:seed:)``); `nil` for all the speaker's clips. A speaker
    ///   absent from it keeps its features as they are (callers leave such speakers out).
    public func speakerNormalized(maxFrames: Int, enrolled: [String: [Int64]]? = nil) -> PreparedData {
        let bySpeaker = enrolled.map { chosen in clipsBySpeaker.filter { chosen[$0.key] != nil } } ?? clipsBySpeaker
        func normalized(_ features: [Int64: Matrix]) -> [Int64: Matrix] {
            var out = features
            for (speaker, ids) in bySpeaker {
                let statistics = enrolled?[speaker] ?? ids
                let stats = Normalizer.fit(
                    statistics.compactMap { features[$0].map { Self.truncate($0, to: maxFrames) } }, method: .global)
                for id in ids { if let m = features[id] { out[id] = stats.apply(m) } }
            }
            return out
        }
        return PreparedData(
            dataset: dataset, version: version, clips: clips, classes: classes, features: normalized(features),
            featureConfigID: featureConfigID, featureConfigHash: featureConfigHash, dims: dims,
            copies: copies.map(normalized))
    }

    /// Speaker → clip ids (clips without a speaker are left out).
    public var clipsBySpeaker: [String: [Int64]] {
        var bySpeaker: [String: [Int64]] = [:]
        for clip in clips { if let id = clip.id, let speaker = clip.speaker { bySpeaker[speaker, default: []].append(id) } }
        return bySpeaker
    }

    /// The clips as the splitter sees them.
    public var clipRefs: [ClipRef] {
        clips.compactMap { clip in clip.id.map { ClipRef(id: $0, label: clip.label, speaker: clip.speaker) } }
    }

    /// Output index of each clip's label.
    public func labelIndex(of clipID: Int64) -> Int? { labelIndices[clipID] }

    /// Normalised sequences and label indices for `ids`, in the given order (the clips as
    /// recorded; an epoch draws speed-perturbed copies with ``raw(_:copy:)``).
    public func dataset(_ ids: [Int64], normalizer: Normalizer, maxFrames: Int) throws -> SequenceDataset {
        var sequences: [Matrix] = []
        var labels: [Int] = []
        sequences.reserveCapacity(ids.count)
        for (id, original, label) in usable(ids) {
            sequences.append(normalizer.apply(Self.truncate(original, to: maxFrames)))
            labels.append(label)
        }
        return try SequenceDataset(sequences: sequences, labels: labels)
    }

    /// Clip `id`'s raw features `[frames, dims]`: as recorded (`copy` nil), or speed-perturbed
    /// copy `copy` (a clip without that copy keeps its original); `nil` for a clip without features.
    public func raw(_ id: Int64, copy: Int? = nil) -> Matrix? {
        if let copy, copies.indices.contains(copy), let perturbed = copies[copy][id] { return perturbed }
        return features[id]
    }

    /// The clips of `ids` a dataset keeps, in order, with their raw features and label index:
    /// those with features and a label of ``classes`` (what ``dataset(_:normalizer:maxFrames:)``
    /// holds, row for row).
    public func usable(_ ids: [Int64]) -> [(id: Int64, features: Matrix, label: Int)] {
        ids.compactMap { id in
            guard let m = features[id], let label = labelIndex(of: id) else { return nil }
            return (id, m, label)
        }
    }

    /// The first `maxFrames` rows of `m`.
    public static func truncate(_ m: Matrix, to maxFrames: Int) -> Matrix {
        guard m.rows > maxFrames else { return m }
        return Matrix(rows: maxFrames, columns: m.columns, values: Array(m.values[0..<(maxFrames * m.columns)])) ?? m
    }

    /// Statistics of the training clips' frames (those the model sees: up to `maxFrames`).
    public func fitNormalizer(_ trainIDs: [Int64], method: Normalizer.Method, maxFrames: Int) -> Normalizer {
        Normalizer.fit(trainIDs.compactMap { features[$0].map { Self.truncate($0, to: maxFrames) } }, method: method)
    }

    /// Inverse-frequency class weights over the training clips (`N / (C · n_c)`; 0 for an
    /// absent class).
    public func balancedWeights(_ trainIDs: [Int64]) -> [Float] {
        var counts = [Int](repeating: 0, count: classes.count)
        for id in trainIDs { if let c = labelIndex(of: id) { counts[c] += 1 } }
        let n = Float(trainIDs.count), k = Float(classes.count)
        return counts.map { $0 > 0 ? n / (k * Float($0)) : 0 }
    }
}

extension PreparedData {
    /// ``speakerNormalized(maxFrames:)`` when `condition` holds, else `self`.
    public func normalizedPerSpeaker(if condition: Bool, maxFrames: Int, enrolled: [String: [Int64]]? = nil) -> PreparedData {
        condition ? speakerNormalized(maxFrames: maxFrames, enrolled: enrolled) : self
    }
}
