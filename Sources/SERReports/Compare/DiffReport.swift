public import SERStore

/// `ser diff --json`: the two runs' differences, for scripts.
public struct DiffReport: Encodable {
    /// One compared field: its name and the two values (`nil` when a run lacks it).
    public struct Pair: Encodable {
        public var name: String
        public var a: String?
        public var b: String?
        public var differs: Bool

        public init(name: String, a: String? = nil, b: String? = nil, differs: Bool) {
            self.name = name
            self.a = a
            self.b = b
            self.differs = differs
        }
    }

    /// One metric with `delta` = b − a.
    public struct Metric: Encodable {
        public var name: String
        public var a: Double?
        public var b: Double?
        public var aStd: Double?
        public var bStd: Double?
        public var delta: Double?

        public init(name: String, a: Double? = nil, b: Double? = nil, aStd: Double? = nil, bStd: Double? = nil, delta: Double? = nil) {
            self.name = name
            self.a = a
            self.b = b
            self.aStd = aStd
            self.bStd = bStd
            self.delta = delta
        }
    }

    public var a: Int64
    public var b: Int64
    public var settings: [Pair]
    public var provenance: [Pair]
    public var metrics: [Metric]
    public var epochsA: [EpochRecord]
    public var epochsB: [EpochRecord]
    /// Labels of both confusion matrices (union, sorted).
    public var labels: [String]
    public var confusionA: [[Int]]
    public var confusionB: [[Int]]
    /// `confusionB − confusionA`.
    public var confusionDelta: [[Int]]

    public init(a: Int64, b: Int64, settings: [Pair], provenance: [Pair], metrics: [Metric], epochsA: [EpochRecord], epochsB: [EpochRecord], labels: [String], confusionA: [[Int]], confusionB: [[Int]], confusionDelta: [[Int]]) {
        self.a = a
        self.b = b
        self.settings = settings
        self.provenance = provenance
        self.metrics = metrics
        self.epochsA = epochsA
        self.epochsB = epochsB
        self.labels = labels
        self.confusionA = confusionA
        self.confusionB = confusionB
        self.confusionDelta = confusionDelta
    }
}
