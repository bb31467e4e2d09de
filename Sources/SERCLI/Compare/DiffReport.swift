import SERStore

/// `ser diff --json`: the two runs' differences, for scripts.
struct DiffReport: Encodable {
    /// One compared field: its name and the two values (`nil` when a run lacks it).
    struct Pair: Encodable {
        var name: String
        var a: String?
        var b: String?
        var differs: Bool
    }

    /// One metric with `delta` = b − a.
    struct Metric: Encodable {
        var name: String
        var a: Double?
        var b: Double?
        var aStd: Double?
        var bStd: Double?
        var delta: Double?
    }

    var a: Int64
    var b: Int64
    var settings: [Pair]
    var provenance: [Pair]
    var metrics: [Metric]
    var epochsA: [EpochRecord]
    var epochsB: [EpochRecord]
    /// Labels of both confusion matrices (union, sorted).
    var labels: [String]
    var confusionA: [[Int]]
    var confusionB: [[Int]]
    /// `confusionB − confusionA`.
    var confusionDelta: [[Int]]
}
