/// Which runs `Store.compare` returns and in what order.
public struct CompareQuery: Sendable, Equatable {
    /// Only these runs (any kind, children included); empty for "all top-level runs".
    public var runIDs: [Int64] = []
    /// Only runs on this dataset (by name).
    public var dataset: String?
    /// Only runs carrying this tag.
    public var tag: String?
    /// A `--where` expression (see ``FilterParser``).
    public var filter: String?
    /// The field to sort by (a ``FilterField`` name: `test.acc`, `lr`, `duration`, ...).
    public var sort: String = "test.acc"
    /// Sort descending (best first for metrics).
    public var descending: Bool = true
    /// At most this many runs.
    public var limit: Int?
    /// Skip this many runs of the sorted selection first (paging; ``RunComparison/matched``
    /// still counts them all).
    public var offset: Int = 0
    /// Include folds and trials (children of k-fold runs and sweeps) when no ids are given.
    public var includeChildren: Bool = false
    /// Also fetch per-class test F1.
    public var perClass: Bool = false

    /// Creates a query; every part is optional.
    public init(
        runIDs: [Int64] = [], dataset: String? = nil, tag: String? = nil, filter: String? = nil, sort: String = "test.acc",
        descending: Bool = true, limit: Int? = nil, includeChildren: Bool = false, perClass: Bool = false
    ) {
        self.runIDs = runIDs
        self.dataset = dataset
        self.tag = tag
        self.filter = filter
        self.sort = sort
        self.descending = descending
        self.limit = limit
        self.includeChildren = includeChildren
        self.perClass = perClass
    }
}
