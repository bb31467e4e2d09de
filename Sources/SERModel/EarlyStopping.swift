/// Early stopping on a validation metric (Keras `EarlyStopping`): stop after `patience`
/// epochs without an improvement larger than `minDelta`; remember the best epoch so the
/// caller can restore its weights. A `Codable` value, so it can be saved with a run.
public struct EarlyStopping: Sendable, Hashable, Codable {
    /// Whether smaller (loss) or larger (accuracy, F1) values are better.
    public enum Mode: String, Sendable, Hashable, Codable {
        /// Smaller is better (a loss).
        case minimize
        /// Larger is better (accuracy, macro-F1, UAR).
        case maximize
    }

    /// What ``update(epoch:value:)`` concluded.
    public enum Decision: String, Sendable, Hashable, Codable {
        /// A new best: snapshot the weights now.
        case improved
        /// No improvement, patience not exhausted: keep training.
        case wait
        /// Patience exhausted: stop and restore the best weights.
        case stop
    }

    /// Minimise or maximise.
    public var mode: Mode
    /// Epochs without improvement tolerated before stopping (≥ 0).
    public var patience: Int
    /// Smallest change that counts as an improvement (≥ 0, in the metric's units).
    public var minDelta: Double
    /// Best value so far and the epoch it came from.
    public private(set) var bestValue: Double?
    public private(set) var bestEpoch: Int?
    /// Epochs since the last improvement.
    public private(set) var wait = 0

    /// A fresh tracker.
    public init(mode: Mode = .minimize, patience: Int = 10, minDelta: Double = 0) {
        self.mode = mode
        self.patience = max(0, patience)
        self.minDelta = max(0, minDelta)
    }

    /// Records epoch `epoch`'s metric `value`. NaN never improves.
    public mutating func update(epoch: Int, value: Double) -> Decision {
        let better: Bool
        if let best = bestValue {
            better = mode == .minimize ? value < best - minDelta : value > best + minDelta
        } else {
            better = !value.isNaN
        }
        if better {
            bestValue = value
            bestEpoch = epoch
            wait = 0
            return .improved
        }
        wait += 1
        return wait >= patience ? .stop : .wait
    }
}
