import SERCore

/// How a run divides its clips into train, validation and test subsets.
///
/// Text form (the `--split` flag and the `runs.split` column): `speaker`, `random`,
/// `kfold:K`.
public enum SplitPlan: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Speaker-independent: the test speakers never appear in training.
    /// `testSpeakers` names them; if empty, `testFraction` of the speakers (at least one)
    /// is drawn with the seed.
    case speaker(testSpeakers: [String], testFraction: Double)
    /// Stratified by label, seeded; speakers may appear on both sides.
    case random(testFraction: Double)
    /// K folds, grouped by speaker where speakers are known (else stratified by label).
    case kfold(k: Int)

    public var description: String {
        switch self {
        case .speaker: "speaker"
        case .random: "random"
        case .kfold(let k): "kfold:\(k)"
        }
    }

    /// Whether test clips come from speakers unseen in training.
    public var isSpeakerIndependent: Bool {
        switch self {
        case .speaker: true
        case .random: false
        case .kfold: true
        }
    }
}

/// The clip ids of one train/validation/test division.
public struct Split: Sendable, Hashable, Codable {
    public var train: [Int64]
    public var validation: [Int64]
    public var test: [Int64]

    public init(train: [Int64], validation: [Int64], test: [Int64]) {
        self.train = train
        self.validation = validation
        self.test = test
    }
}
