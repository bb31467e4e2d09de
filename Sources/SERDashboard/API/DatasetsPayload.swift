/// `/api/datasets`: every dataset with its clip counts per emotion and speaker.
struct DatasetsPayload: Encodable {
    struct Dataset: Encodable {
        var name: String
        var layout: String
        var clips: Int
        var seconds: Double
        /// Emotion → clips.
        var emotions: [String: Int]
        /// Speaker → clips (`"?"` for clips without one).
        var speakers: [String: Int]
    }

    var datasets: [Dataset]
}
