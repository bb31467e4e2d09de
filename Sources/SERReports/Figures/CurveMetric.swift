public import SERStore

/// A per-epoch quantity `ser plot curves` can draw as one panel.
public enum CurveMetric: String, CaseIterable, Sendable {
    case loss, accuracy, f1, uar, lr

    /// Panel title.
    public var title: String {
        switch self {
        case .loss: "Loss"
        case .accuracy: "Accuracy"
        case .f1: "Macro F1"
        case .uar: "Unweighted average recall"
        case .lr: "Learning rate"
        }
    }

    /// y-axis title with units.
    public var axisLabel: String {
        switch self {
        case .loss: "cross-entropy loss"
        case .accuracy: "accuracy (fraction correct)"
        case .f1: "macro F1"
        case .uar: "UAR (mean recall per class)"
        case .lr: "learning rate"
        }
    }

    /// Whether values are fractions in 0…1 (the axis is kept inside it).
    public var isFraction: Bool { self == .accuracy || self == .f1 || self == .uar }

    /// The training-set value of an epoch, if this metric has one and it was recorded.
    public func train(_ e: EpochRecord) -> Double? {
        switch self {
        case .loss: e.trainLoss
        case .accuracy: e.trainAccuracy
        case .f1: e.trainF1
        case .uar: nil
        case .lr: e.learningRate
        }
    }

    /// The validation value of an epoch, if recorded.
    public func validation(_ e: EpochRecord) -> Double? {
        switch self {
        case .loss: e.validationLoss
        case .accuracy: e.validationAccuracy
        case .f1: e.validationF1
        case .uar: e.validationUAR
        case .lr: nil
        }
    }
}
