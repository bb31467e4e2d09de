public import SERCore
public import SERStore

/// `ser diff --json`: the two runs' differences, for scripts (docs/json/diff.schema.json).
public struct DiffReport: Encodable, Sendable {
    /// One compared field: its name and the two values as JSON (`null` when a run lacks it).
    public struct Pair: Encodable, Sendable {
        public var name: String
        public var a: JSONValue
        public var b: JSONValue
        public var differs: Bool

        public init(name: String, a: JSONValue, b: JSONValue, differs: Bool) {
            self.name = name
            self.a = a
            self.b = b
            self.differs = differs
        }
    }

    /// One metric with `delta` = b − a.
    public struct Metric: Encodable, Sendable {
        /// Machine name (`test_acc`, `best_epoch`, `seconds`); JSON's `name`.
        public var key: String
        /// As the text table shows it (`test acc`); not in JSON.
        public var name: String
        @Nullable public var a: Double?
        @Nullable public var b: Double?
        /// Standard deviation over the folds of a parent run.
        @Nullable public var aStd: Double?
        @Nullable public var bStd: Double?
        @Nullable public var delta: Double?

        public enum CodingKeys: String, CodingKey {
            case key = "name", a, b, aStd, bStd, delta
        }

        public init(key: String, name: String, a: Double?, b: Double?, aStd: Double?, bStd: Double?, delta: Double?) {
            self.key = key
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

    public init(
        a: Int64, b: Int64, settings: [Pair], provenance: [Pair], metrics: [Metric], epochsA: [EpochRecord], epochsB: [EpochRecord],
        labels: [String], confusionA: [[Int]], confusionB: [[Int]], confusionDelta: [[Int]]
    ) {
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
