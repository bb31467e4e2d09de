import SERReports
import SERWorkbench

/// `ser sweep --json`, and the table it prints.
struct SweepSummary: Encodable {
    var sweep: Int64
    var status: String
    var trials: [Trial]
    var table: String

    struct Trial: Encodable {
        var run: Int64
        var status: String
        var settings: [String: String]
        var valAcc: Double?
        var testAcc: Double?
        var testF1: Double?
    }

    init(_ outcome: SweepOutcome) {
        sweep = outcome.sweep
        status = outcome.status.rawValue
        var table = TextTable(
            ["run", "status"] + outcome.axes + ["val acc", "test acc", "test F1"],
            rightAligned: Set([0] + Array((2 + outcome.axes.count)..<(5 + outcome.axes.count))))
        trials = outcome.trials.map { trial in
            var settings: [String: String] = [:]
            for key in outcome.axes { settings[key] = trial.settings[key].map(Self.text) ?? "?" }
            table.add([String(trial.run), trial.status.rawValue] + outcome.axes.map { settings[$0] ?? "" }
                + [SER.Runs.number(trial.validationAccuracy), SER.Runs.number(trial.testAccuracy), SER.Runs.number(trial.testF1)])
            return Trial(
                run: trial.run, status: trial.status.rawValue, settings: settings, valAcc: trial.validationAccuracy,
                testAcc: trial.testAccuracy, testF1: trial.testF1)
        }
        let header = "\nsweep \(outcome.sweep) \(outcome.status.rawValue): \(outcome.trials.count) trials, ranked by validation accuracy (best first)\n"
        self.table = header + table.render()
    }

    /// A setting's value as the table shows it: `0.001`, `128,64`, `adam`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .array(let items): items.map(text).joined(separator: ",")
        case .int(let i): String(i)
        case .double(let d): "\(d)"
        case .bool(let b): String(b)
        case .null: "null"
        case .object: value.text
        }
    }
}
