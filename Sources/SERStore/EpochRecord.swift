public import SERCore

/// One row of `epochs`: the metrics at the end of an epoch (optional values encode as
/// `null`, so `--json` lists every key).
public struct EpochRecord: Sendable, Codable, Equatable {
    public var epoch: Int
    public var trainLoss: Double
    public var trainAccuracy: Double
    @Nullable public var trainF1: Double?
    @Nullable public var validationLoss: Double?
    @Nullable public var validationAccuracy: Double?
    @Nullable public var validationF1: Double?
    @Nullable public var validationUAR: Double?
    public var learningRate: Double
    /// Seconds the epoch took (training and validation).
    public var wallSeconds: Double

    public init(
        epoch: Int, trainLoss: Double, trainAccuracy: Double, trainF1: Double? = nil,
        validationLoss: Double? = nil, validationAccuracy: Double? = nil, validationF1: Double? = nil,
        validationUAR: Double? = nil, learningRate: Double, wallSeconds: Double
    ) {
        self.epoch = epoch
        self.trainLoss = trainLoss
        self.trainAccuracy = trainAccuracy
        self.trainF1 = trainF1
        self.validationLoss = validationLoss
        self.validationAccuracy = validationAccuracy
        self.validationF1 = validationF1
        self.validationUAR = validationUAR
        self.learningRate = learningRate
        self.wallSeconds = wallSeconds
    }
}
