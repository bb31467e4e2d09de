/// `/api/datasets/{name}/examples`: one clip per emotion to listen to (the clips `ser plot
/// emotions` draws), audio at `/api/clips/{clipID}/audio`, figure at `/api/clips/{clipID}/figure.svg`.
struct ExamplesPayload: Encodable {
    struct Example: Encodable {
        var emotion: String
        var clipID: Int64
        var relativePath: String
        var speaker: String?
        /// Seconds.
        var duration: Double
    }

    var dataset: String
    var examples: [Example]
}
