import SERCore

/// Makes reproducible splits from clip metadata: the same clips, plan and seed always give
/// the same ids in the same order.
///
/// Validation data is carved from the training side only (never from test): by speaker when
/// the test side is speaker-independent and enough training speakers remain, else stratified
/// by label. Every class of the dataset must keep at least one training clip, or the split is
/// refused with a ``SplitError`` naming the class.
public struct Splitter: Sendable {
    /// Fraction of the training side held out for validation (early stopping); 0 disables.
    public var validationFraction: Double
    /// Seed for every random choice.
    public var seed: UInt64

    public init(validationFraction: Double = 0.1, seed: UInt64) {
        self.validationFraction = validationFraction
        self.seed = seed
    }

    /// The single split of a `.speaker` or `.random` plan.
    ///
    /// - Throws: ``SplitError`` for unknown test speakers, a split that leaves a class without
    ///   training or test clips, or a speaker plan on a dataset without speakers.
    public func split(_ clips: [ClipRef], plan: SplitPlan) throws -> Split {
        let ordered = clips.sorted { $0.id < $1.id }
        var rng = SeededGenerator(seed: seed)
        let (rest, test): ([ClipRef], [ClipRef])
        switch plan {
        case .speaker(let named, let fraction):
            let speakers = Set(ordered.compactMap(\.speaker)).sorted()
            guard !speakers.isEmpty else {
                throw SplitError("split", "speaker: the dataset records no speakers; use --split random")
            }
            var chosen: Set<String>
            if named.isEmpty {
                guard fraction > 0, fraction < 1 else { throw SplitError("testFraction", "must be between 0 and 1 (got \(fraction))") }
                let count = max(1, Int((Double(speakers.count) * fraction).rounded()))
                guard count < speakers.count else { throw SplitError("testFraction", "would leave no training speakers") }
                chosen = Set(shuffled(speakers, &rng).prefix(count))
            } else {
                let normalized = named.map { Self.normalizeSpeaker($0, among: speakers) }
                let unknown = zip(named, normalized).filter { !speakers.contains($0.1) }.map(\.0)
                guard unknown.isEmpty else {
                    throw SplitError(
                        "testSpeakers",
                        "unknown speaker(s) \(unknown.joined(separator: ", ")); the dataset has \(speakers.joined(separator: ", "))")
                }
                chosen = Set(normalized)
                guard chosen.count < speakers.count else {
                    throw SplitError("testSpeakers", "names every speaker; none is left for training")
                }
            }
            test = ordered.filter { $0.speaker.map(chosen.contains) ?? false }
            rest = ordered.filter { !($0.speaker.map(chosen.contains) ?? false) }
        case .random(let fraction):
            guard fraction > 0, fraction < 1 else { throw SplitError("testFraction", "must be between 0 and 1 (got \(fraction))") }
            (rest, test) = stratified(ordered, fraction: fraction, &rng)
        case .kfold:
            throw SplitError("split", "k-fold plans make several splits; use folds(_:k:)")
        }
        try checkClasses(all: ordered, train: rest, test: test, plan: "split \(plan.description)")
        let (train, validation) = try carveValidation(rest, speakerIndependent: plan.isSpeakerIndependent, &rng)
        return Split(train: train.map(\.id), validation: validation.map(\.id), test: test.map(\.id))
    }

    /// K splits whose test sides partition the clips: grouped by speaker when every clip has
    /// one (each speaker in exactly one test fold), else stratified by label.
    ///
    /// - Throws: ``SplitError`` if `k < 2` or there are fewer speakers than folds.
    public func folds(_ clips: [ClipRef], k: Int) throws -> [Split] {
        guard k >= 2 else { throw SplitError("split", "kfold:K: K must be at least 2 (got \(k))") }
        let ordered = clips.sorted { $0.id < $1.id }
        var rng = SeededGenerator(seed: seed)
        var foldOf: [Int64: Int] = [:]
        let speakers = Set(ordered.compactMap(\.speaker)).sorted()
        let grouped = !speakers.isEmpty && ordered.allSatisfy { $0.speaker != nil }
        if grouped {
            guard speakers.count >= k else {
                throw SplitError("split", "kfold:\(k) needs at least \(k) speakers; the dataset has \(speakers.count)")
            }
            for (i, speaker) in shuffled(speakers, &rng).enumerated() {
                for clip in ordered where clip.speaker == speaker { foldOf[clip.id] = i % k }
            }
        } else {
            for (_, members) in byLabel(ordered) {
                for (i, clip) in shuffled(members, &rng).enumerated() { foldOf[clip.id] = i % k }
            }
        }
        return try (0..<k).map { fold in
            var foldRNG = rng.derived(UInt64(fold))
            let test = ordered.filter { foldOf[$0.id] == fold }
            let rest = ordered.filter { foldOf[$0.id] != fold }
            try checkClasses(all: ordered, train: rest, test: test, plan: "split kfold:\(k) (fold \(fold + 1))")
            let (train, validation) = try carveValidation(rest, speakerIndependent: grouped, &foldRNG)
            return Split(train: train.map(\.id), validation: validation.map(\.id), test: test.map(\.id))
        }
    }

    /// Accepts `15` for a dataset whose speakers are `"15"`, and `5` for `"05"`.
    static func normalizeSpeaker(_ name: String, among speakers: [String]) -> String {
        if speakers.contains(name) { return name }
        if let number = Int(name), let match = speakers.first(where: { Int($0) == number }) { return match }
        return name
    }

    private func carveValidation(_ clips: [ClipRef], speakerIndependent: Bool, _ rng: inout SeededGenerator) throws -> (
        [ClipRef], [ClipRef]
    ) {
        guard validationFraction > 0 else { return (clips, []) }
        guard validationFraction < 1 else { throw SplitError("validationFraction", "must be below 1 (got \(validationFraction))") }
        let speakers = Set(clips.compactMap(\.speaker)).sorted()
        if speakerIndependent && speakers.count >= 3 && clips.allSatisfy({ $0.speaker != nil }) {
            let count = max(1, Int((Double(speakers.count) * validationFraction).rounded()))
            let held = Set(shuffled(speakers, &rng).prefix(count))
            let validation = clips.filter { held.contains($0.speaker ?? "") }
            let train = clips.filter { !held.contains($0.speaker ?? "") }
            if Set(train.map(\.label)) == Set(clips.map(\.label)) { return (train, validation) }
        }
        return stratified(clips, fraction: validationFraction, &rng)
    }

    private func stratified(_ clips: [ClipRef], fraction: Double, _ rng: inout SeededGenerator) -> ([ClipRef], [ClipRef]) {
        var held = Set<Int64>()
        for (_, members) in byLabel(clips) {
            let count = members.count > 1 ? max(1, Int((Double(members.count) * fraction).rounded())) : 0
            for clip in shuffled(members, &rng).prefix(min(count, members.count - 1)) { held.insert(clip.id) }
        }
        return (clips.filter { !held.contains($0.id) }, clips.filter { held.contains($0.id) })
    }

    private func checkClasses(all: [ClipRef], train: [ClipRef], test: [ClipRef], plan: String) throws {
        let labels = Set(all.map(\.label))
        let missingTrain = labels.subtracting(train.map(\.label)).sorted()
        guard missingTrain.isEmpty else {
            throw SplitError("split", "\(plan) leaves no training clips for class(es) \(missingTrain.joined(separator: ", "))")
        }
        guard !test.isEmpty else { throw SplitError("split", "\(plan) leaves the test set empty") }
    }

    private func byLabel(_ clips: [ClipRef]) -> [(String, [ClipRef])] {
        Dictionary(grouping: clips, by: \.label).sorted { $0.key < $1.key }
    }

    private func shuffled<T>(_ items: [T], _ rng: inout SeededGenerator) -> [T] {
        var out = items
        if out.count < 2 { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }
}
