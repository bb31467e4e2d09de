/// The final evaluation of a run on one subset: what `run_metrics`, `class_metrics`,
/// `confusion` and `run_predictions` hold.
public struct EvaluationRecord: Sendable, Equatable {
    /// Per-class precision/recall/F1 with support.
    public struct ClassMetric: Sendable, Equatable, Codable {
        public var label: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int

        public init(label: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.label = label
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// One clip's output.
    public struct Prediction: Sendable, Equatable {
        public var clipID: Int64
        public var predicted: String
        /// In class order.
        public var probabilities: [Float]

        public init(clipID: Int64, predicted: String, probabilities: [Float]) {
            self.clipID = clipID
            self.predicted = predicted
            self.probabilities = probabilities
        }
    }

    /// `train`, `val` or `test`.
    public var subset: String
    /// Name → value: `accuracy`, `macro_f1`, `uar`, `loss`.
    public var metrics: [String: Double]
    public var classes: [ClassMetric]
    /// Class labels in output order, for `confusion`.
    public var labels: [String]
    /// `[true][predicted]` counts, `labels.count × labels.count`.
    public var confusion: [[Int]]
    public var predictions: [Prediction]

    public init(
        subset: String, metrics: [String: Double], classes: [ClassMetric], labels: [String], confusion: [[Int]], predictions: [Prediction]
    ) {
        self.subset = subset
        self.metrics = metrics
        self.classes = classes
        self.labels = labels
        self.confusion = confusion
        self.predictions = predictions
    }
}
