import SERStore

/// `/api/runs/{id}/epochs?after=N` and each server-sent event: epochs committed after `N`,
/// with the run's status.
struct EpochsPayload: Encodable {
    var status: String
    var epochs: [EpochRecord]
}
