/// `ser tag --json` (docs/json/tag.schema.json): the run's tags afterwards.
struct TagReport: Encodable {
    var run: Int64
    /// Every tag the run now has, sorted.
    var tags: [String]
}
