public import SERCore
public import SERModel

/// Input normalisation (`normalization`).
public enum NormalizationChoice: String, SettingChoice {
    /// z-score with the training split's mean and standard deviation per dimension.
    case global
    /// Per-utterance mean and variance normalisation.
    case cmvn
    /// Each speaker z-scored with that speaker's own clips first (transductive), then global.
    case speaker
    case none

    public static func named(_ text: String) -> NormalizationChoice? {
        switch text {
        case "global-zscore": .global
        case "utterance": .cmvn
        default: NormalizationChoice(rawValue: text)
        }
    }
}

/// The optimizer (`optimizer`).
public enum OptimizerChoice: String, SettingChoice {
    case adam, adamw, sgd
    public static func named(_ text: String) -> OptimizerChoice? { OptimizerChoice(rawValue: text.lowercased()) }
}

/// Class weights in the loss (`classWeights`).
public enum ClassWeighting: String, SettingChoice {
    case none
    /// Inverse class frequency on the training split.
    case balanced
}

/// What a distilled run's speed-perturbed copies learn from (`distillCopies`).
public enum DistillCopies: String, SettingChoice {
    /// A copy is taught with its clip's targets: the teacher's probabilities of the clip as
    /// recorded.
    case source
    /// The teacher classifies each copy as it was perturbed (its own features of the copy,
    /// normalised as it was trained), so the targets describe what the student is shown.
    case teacher
}

/// The validation metric that picks the best epoch and drives early stopping (`monitor`).
public enum MonitorChoice: String, SettingChoice {
    case valLoss = "val_loss"
    case valAcc = "val_acc"
    case valF1 = "val_f1"
}

/// Which weights are evaluated and exported (`select`).
public enum SelectionChoice: String, SettingChoice {
    /// The final epoch's (the seed pipeline's behaviour).
    case last
    /// The epoch with the best monitored value.
    case best
}

extension Activation: SettingChoice {}
extension Pooling: SettingChoice {}
extension SequenceMode: SettingChoice {}
extension Recipe: SettingChoice {}

/// The split plan (`split`): `speaker`, `random` or `kfold:K` (2 ≤ K ≤ 100).
public enum SplitChoice: SettingValue, CustomStringConvertible {
    case speaker
    case random
    case kfold(Int)

    public static var typeDescription: String { "speaker, random or kfold:K with 2 ≤ K ≤ 100" }
    public init(json: JSONValue) throws {
        guard case .string(let s) = json else { throw Self.mismatch(json) }
        try self.init(text: s)
    }
    public init(text: String) throws {
        switch text {
        case "speaker": self = .speaker
        case "random": self = .random
        default:
            guard text.hasPrefix("kfold:"), let k = Int(text.dropFirst(6)), (2...100).contains(k) else {
                throw SettingValueError("must be \(Self.typeDescription) (got \(text))")
            }
            self = .kfold(k)
        }
    }
    public var json: JSONValue? { .string(description) }
    public var description: String {
        switch self {
        case .speaker: "speaker"
        case .random: "random"
        case .kfold(let k): "kfold:\(k)"
        }
    }
}

/// The learning-rate schedule (`schedule`): `constant`, `cosine`, `plateau` or
/// `step:EVERY:FACTOR` (EVERY epochs ≥ 1, 0 < FACTOR ≤ 1).
public enum ScheduleChoice: SettingValue, CustomStringConvertible {
    case constant
    case cosine
    case plateau
    case step(every: Int, factor: Float)

    public static var typeDescription: String { "constant, cosine, plateau or step:EVERY:FACTOR" }
    public init(json: JSONValue) throws {
        guard case .string(let s) = json else { throw Self.mismatch(json) }
        try self.init(text: s)
    }
    public init(text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch (parts.first ?? "", parts.count) {
        case ("constant", 1): self = .constant
        case ("cosine", 1): self = .cosine
        case ("plateau", 1): self = .plateau
        case ("step", 3):
            guard let every = Int(parts[1]), every > 0, let factor = Float(parts[2]), factor > 0, factor <= 1 else {
                throw SettingValueError("must be \(Self.typeDescription) (got \(text))")
            }
            self = .step(every: every, factor: factor)
        default:
            throw SettingValueError("must be \(Self.typeDescription) (got \(text))")
        }
    }
    public var json: JSONValue? { .string(description) }
    public var description: String {
        switch self {
        case .constant: "constant"
        case .cosine: "cosine"
        case .plateau: "plateau"
        case .step(let every, let factor): "step:\(every):\(factor)"
        }
    }
}
