/// `/api/runs/{id}/confusion`: counts by true (rows) and predicted (columns) label.
struct ConfusionPayload: Encodable {
    var subset: String
    var labels: [String]
    /// `counts[true][predicted]`, in ``labels`` order.
    var counts: [[Int]]
}
