public import SERStore

/// What a training service call produced.
public struct TrainingOutcome: Sendable {
    /// The run (for k-fold, the parent).
    public var run: Int64
    public var status: RunStatus
    /// The test evaluation of a plain run (`nil` for a k-fold parent or an unfinished run).
    public var test: EvaluationRecord?
    /// The epoch with the best monitored validation value.
    public var bestEpoch: Int?
    /// The epoch whose weights were evaluated (differs from ``bestEpoch`` with `select last`).
    public var selectedEpoch: Int?
    /// Test metrics by name (k-fold: the mean over folds).
    public var testMetrics: [String: Double]
    /// Standard deviations over folds (k-fold only).
    public var testStd: [String: Double]
    /// Folds finished (k-fold parents; 0 otherwise).
    public var folds: Int
    /// The comparison with the original, when the run reproduces one.
    public var reproduction: Reproduction?
}

/// How a reproduction compares with its original run.
public struct Reproduction: Sendable {
    /// A test metric whose value changed.
    public struct Difference: Sendable {
        public var metric: String
        public var before: Double?
        public var after: Double?
    }

    public var original: Int64
    /// Every test metric identical (and the original had some).
    public var identical: Bool
    public var differences: [Difference]
    /// Provenance facts that decide float rounding and differ (`gemm openblas → ser_gemm-avx512`).
    public var environmentChanges: [String]
}

/// Who a new run is and where it belongs.
public struct TrainingRequest: Sendable {
    public var name: String?
    public var tags: [String]
    public var note: String?
    /// The parent run (a sweep's trials).
    public var parent: Int64?
    /// `train`, or `trial` under a sweep.
    public var kind: RunKind
    /// The run this one reproduces.
    public var reproduces: Int64?
    /// The new run's UUID (a k-fold parent's; its folds get their own), or nil for a random
    /// one: a queue worker gives the trial's, so the remote records the run once.
    public var uuid: String?

    public init(
        name: String? = nil, tags: [String] = [], note: String? = nil, parent: Int64? = nil, kind: RunKind = .train,
        reproduces: Int64? = nil,
        uuid: String? = nil
    ) {
        self.name = name
        self.tags = tags
        self.note = note
        self.parent = parent
        self.kind = kind
        self.reproduces = reproduces
        self.uuid = uuid
    }
}
