import SERCore
import SERStore

/// A run as `ser runs --json` prints it (docs/json/runs.schema.json): the `run_summary`
/// row, every key present, tags as a list.
struct RunListing: Encodable {
    var id: Int64
    @Nullable var name: String?
    /// `train`, `kfold`, `fold`, `sweep` or `trial`.
    var kind: String
    @Nullable var parentID: Int64?
    /// `queued`, `running`, `finished`, `failed`, `interrupted`, or `dead`.
    var status: String
    @Nullable var dataset: String?
    /// The first 12 hex digits of the dataset version hash.
    @Nullable var datasetVersion: String?
    @Nullable var split: String?
    var seed: Int64
    @Nullable var bestEpoch: Int?
    @Nullable var bestValAcc: Double?
    @Nullable var bestValF1: Double?
    @Nullable var epochsDone: Int?
    @Nullable var testAcc: Double?
    @Nullable var testF1: Double?
    @Nullable var testUAR: Double?
    /// Wall time from start to finish (or the last heartbeat), seconds.
    @Nullable var durationSeconds: Double?
    /// Sorted.
    var tags: [String]
    /// ISO-8601 UTC.
    var createdAt: String

    init(_ row: RunSummaryRow) {
        id = row.id
        name = row.name
        kind = row.kind.rawValue
        parentID = row.parentID
        status = row.status.rawValue
        dataset = row.dataset
        datasetVersion = row.datasetVersion
        split = row.split
        seed = row.seed
        bestEpoch = row.bestEpoch
        bestValAcc = row.bestValAcc
        bestValF1 = row.bestValF1
        epochsDone = row.epochsDone
        testAcc = row.testAcc
        testF1 = row.testF1
        testUAR = row.testUAR
        durationSeconds = row.durationSeconds
        // run_summary joins tags with ','; a tag never holds a comma (`ser tag` refuses one).
        tags = (row.tags ?? "").split(separator: ",").map(String.init).sorted()
        createdAt = row.createdAt
    }
}
