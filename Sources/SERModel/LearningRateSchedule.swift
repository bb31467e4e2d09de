import Foundation

/// How the learning rate changes from epoch to epoch (epochs count from 0).
public enum LearningRateSchedule: Sendable, Hashable, Codable {
    /// The base rate throughout.
    case constant
    /// `lr · factor^⌊epoch / every⌋`.
    case step(every: Int, factor: Float)
    /// Cosine annealing from `lr` at epoch 0 to `minRate` at `epochs` (held after that):
    /// `min + (lr - min)·(1 + cos(π·epoch/epochs))/2`.
    case cosine(epochs: Int, minRate: Float)
    /// Keras `ReduceLROnPlateau` on the validation loss: once `patience` epochs in a row bring
    /// no improvement larger than `minDelta`, multiply the rate by `factor` (not below
    /// `minRate`) and start counting again.
    /// Driven by ``Trainer/observeValidation(loss:)``.
    case reduceOnPlateau(factor: Float, patience: Int, minDelta: Float, minRate: Float)

    /// The rate at `epoch` for the time-based schedules; `plateauScale` is the factor that
    /// ``reduceOnPlateau`` has accumulated so far (1 for the other schedules).
    public func rate(base: Float, epoch: Int, plateauScale: Float) -> Float {
        switch self {
        case .constant:
            return base
        case .step(let every, let factor):
            return base * Float(pow(Double(factor), Double(epoch / max(every, 1))))
        case .cosine(let epochs, let minRate):
            let progress = min(Double(epoch) / Double(max(epochs, 1)), 1)
            let cosine = (1 + cos(Double.pi * progress)) / 2
            return minRate + (base - minRate) * Float(cosine)
        case .reduceOnPlateau(_, _, _, let minRate):
            return max(base * plateauScale, minRate)
        }
    }
}
