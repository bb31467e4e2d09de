import SERCore
import SERReports
import SERWorkbench

/// `ser sweep --json` (docs/json/sweep.schema.json), and the table it prints.
struct SweepSummary: Encodable {
    var sweep: Int64
    var status: String
    /// Best first, by validation accuracy.
    var trials: [Trial]
    /// The text report (not in JSON).
    var table: String

    enum CodingKeys: String, CodingKey {
        case sweep, status, trials
    }

    struct Trial: Encodable {
        var run: Int64
        var status: String
        /// The swept settings' values in this trial.
        var settings: [String: JSONValue]
        @Nullable var valAcc: Double?
        @Nullable var testAcc: Double?
        @Nullable var testF1: Double?
    }

    init(_ outcome: SweepOutcome) {
        sweep = outcome.sweep
        status = outcome.status.rawValue
        var table = TextTable(
            ["run", "status"] + outcome.axes + ["val acc", "test acc", "test F1"],
            rightAligned: Set([0] + Array((2 + outcome.axes.count)..<(5 + outcome.axes.count))))
        trials = outcome.trials.map { trial in
            var settings: [String: JSONValue] = [:]
            for key in outcome.axes { settings[key] = trial.settings[key] ?? .null }
            table.add(
                [String(trial.run), trial.status.rawValue] + outcome.axes.map { settings[$0].map(Self.text) ?? "?" }
                    + [SER.Runs.number(trial.validationAccuracy), SER.Runs.number(trial.testAccuracy), SER.Runs.number(trial.testF1)])
            return Trial(
                run: trial.run, status: trial.status.rawValue, settings: settings, valAcc: trial.validationAccuracy,
                testAcc: trial.testAccuracy, testF1: trial.testF1)
        }
        let header =
            "\nsweep \(outcome.sweep) \(outcome.status.rawValue): \(outcome.trials.count) trials, ranked by validation accuracy (best first)\n"
        self.table = header + table.render()
    }

    /// A setting's value as the table shows it: `0.001`, `128,64`, `adam`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .array(let items): items.map(text).joined(separator: ",")
        default: value.text ?? "null"
        }
    }
}
