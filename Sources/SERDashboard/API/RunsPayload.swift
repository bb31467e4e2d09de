import SERStore

/// `/api/runs`: the runs a filter selects, in order, and how many matched before the limit.
struct RunsPayload: Encodable {
    /// One run in the list.
    struct Run: Encodable {
        var id: Int64
        var name: String?
        var kind: String
        var parentID: Int64?
        var status: String
        var dataset: String?
        var split: String?
        var seed: Int64
        var bestEpoch: Double?
        var epochs: Int?
        var testAccuracy: Double?
        var testF1: Double?
        var testUAR: Double?
        var validationAccuracy: Double?
        var validationF1: Double?
        var durationSeconds: Double?
        var tags: [String]
        var children: Int
        var hyperparameters: [String: String]
    }

    var matched: Int
    var runs: [Run]

    init(_ comparison: RunComparison) {
        matched = comparison.matched
        runs = comparison.rows.map { r in
            Run(
                id: r.id, name: r.name, kind: r.kind, parentID: r.parentID, status: r.status, dataset: r.dataset, split: r.split,
                seed: r.seed,
                bestEpoch: r.bestEpoch?.value, epochs: r.epochsDone, testAccuracy: r.testAccuracy?.value, testF1: r.testF1?.value,
                testUAR: r.testUAR?.value, validationAccuracy: r.validationAccuracy?.value, validationF1: r.validationF1?.value,
                durationSeconds: r.durationSeconds, tags: r.tags, children: r.children, hyperparameters: r.hyperparameters)
        }
    }
}
