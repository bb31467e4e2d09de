import SERReports

/// `/api/runs/{id}/trials`: a parent run's children ranked by validation accuracy (best first,
/// unscored last), with the settings that vary between them.
struct TrialsPayload: Encodable {
    struct Trial: Encodable {
        var rank: Int
        var id: Int64
        var name: String?
        var status: String
        /// Each varying setting's value as text (`0.001`, `64,32`, `adam`).
        var settings: [String: String]
        var validationAccuracy: Double?
        var testAccuracy: Double?
        var testF1: Double?
        var epochs: Int?
    }

    var parentID: Int64
    var kind: String
    /// The settings that vary, in the sweep's order.
    var keys: [String]
    var trials: [Trial]

    init(_ sweep: SweepTrials) {
        parentID = sweep.parent.id
        kind = sweep.parent.kind
        keys = sweep.keys
        trials = sweep.trials.enumerated().map { i, trial in
            Trial(
                rank: i + 1, id: trial.run.id, name: trial.run.name, status: trial.run.status.rawValue,
                settings: Dictionary(
                    uniqueKeysWithValues: sweep.keys.compactMap { key in trial.settings[key].map { (key, SweepTrials.text($0)) } }),
                validationAccuracy: trial.validation, testAccuracy: trial.test, testF1: trial.run.testF1, epochs: trial.run.epochsDone)
        }
    }
}
