import SERCore
import SERStore

/// `ser diff --json`: the two runs' differences, for scripts (docs/json/diff.schema.json).
struct DiffReport: Encodable {
    /// One compared field: its name and the two values as JSON (`null` when a run lacks it).
    struct Pair: Encodable {
        var name: String
        var a: JSONValue
        var b: JSONValue
        var differs: Bool
    }

    /// One metric with `delta` = b − a.
    struct Metric: Encodable {
        /// Machine name (`test_acc`, `best_epoch`, `seconds`); JSON's `name`.
        var key: String
        /// As the text table shows it (`test acc`); not in JSON.
        var name: String
        @Nullable var a: Double?
        @Nullable var b: Double?
        /// Standard deviation over the folds of a parent run.
        @Nullable var aStd: Double?
        @Nullable var bStd: Double?
        @Nullable var delta: Double?

        enum CodingKeys: String, CodingKey {
            case key = "name", a, b, aStd, bStd, delta
        }
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
