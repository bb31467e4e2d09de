import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERCore
import SERStore

extension SER {
    /// `ser show RUN`: configuration, provenance, history, per-class metrics, confusion matrix.
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a run: settings, provenance, per-epoch history, per-class metrics and the confusion matrix.",
            discussion: """
                Examples:
                  ser show last                 # the newest run
                  ser show seed-30ep --json     # by name, as JSON
                  ser show @paper               # the newest run tagged paper
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var reading: RemoteReadOptions

        @Argument(help: ArgumentHelp("The run: an id, a name (or a unique prefix of one), last, last~N or @tag.", valueName: "run"))
        var reference: RunArgument

        func run() throws {
            let store = try reading.store(options)
            let runID = try reference.resolve(in: store)
            guard let header = try store.runHeader(runID) else { throw WorkbenchError(.notFound, "no run \(runID) in \(store.path)") }
            let text = try store.runText(runID)
            let epochs = try store.epochs(runID)
            let metrics = try store.runMetrics(runID, subset: "test")
            let classes = try store.classMetrics(runID, subset: "test")
            let confusion = try store.confusion(runID, subset: "test")
            let recorded = try store.provenance(runID)
            let provenance = recorded.map(Self.fields) ?? []
            let children = try store.childRuns(of: runID)
            let overview = try store.runOverview(runID)
            let bestEpoch = overview?.bestEpoch, selectedEpoch = overview?.selectedEpoch
            if options.json {
                try printJSON(
                    ShowReport(
                        id: runID, name: header.name, kind: header.kind.rawValue, status: header.status.rawValue,
                        config: JSONValue(parsingOrKeeping: header.config), commandLine: text["command_line"], note: text["note"],
                        createdAt: text["created_at"] ?? "", startedAt: text["started_at"], finishedAt: text["finished_at"],
                        error: text["error"], provenance: recorded.map(ProvenanceReport.init),
                        bestEpoch: bestEpoch, selectedEpoch: selectedEpoch, epochs: epochs,
                        test: MetricSet(metrics.mapValues(\.value)), testStd: MetricSet(metrics.compactMapValues(\.std)), classes: classes,
                        confusion: ConfusionReport(labels: confusion?.labels ?? [], counts: confusion?.counts ?? []),
                        children: children.map(\.id),
                        evaluations: try store.datasetEvaluations(runID: runID).map {
                            .init(
                                id: $0.id, dataset: $0.dataset, models: $0.models, clips: $0.clips, accuracy: $0.accuracy,
                                macroF1: $0.macroF1, uar: $0.uar, createdAt: $0.createdAt)
                        }))
                return
            }
            if options.quiet { return }
            print("run \(runID)\(header.name.map { " (\($0))" } ?? "")  \(header.kind.rawValue), \(header.status.rawValue)")
            for key in ["command_line", "created_at", "started_at", "finished_at", "note", "error"] {
                if let value = text[key] { print("  \(key.replacingOccurrences(of: "_", with: " ")): \(value)") }
            }
            if bestEpoch != nil || selectedEpoch != nil {
                print("  epochs: \(RunOutput.epochs(best: bestEpoch, selected: selectedEpoch))")
            }
            print("\nsettings\n  \(header.config)")
            if !provenance.isEmpty {
                print("\nprovenance")
                for (key, value) in provenance { print("  \(key.padding(toLength: 20, withPad: " ", startingAt: 0)) \(value)") }
            }
            if !children.isEmpty {
                print("\n\(header.kind == .kfold ? "folds" : "trials")")
                for child in children {
                    print(
                        "  runID \(child.id)  \(child.status.rawValue)  test acc \(SER.Runs.number(child.testAcc))  F1 \(SER.Runs.number(child.testF1))"
                    )
                }
            }
            if !epochs.isEmpty {
                print(
                    "\nepochs (* best monitored value\(selectedEpoch != nil && selectedEpoch != bestEpoch ? ", > evaluated weights" : ""))")
                var table = TextTable(
                    ["epoch", "train loss", "train acc", "val loss", "val acc", "val F1", "val UAR", "lr", "s", ""],
                    rightAligned: Set(0..<9))
                for e in epochs {
                    func f(_ x: Double?) -> String { x.map { String(format: "%.4f", $0) } ?? "–" }
                    table.add([
                        String(e.epoch), f(e.trainLoss), f(e.trainAccuracy), f(e.validationLoss), f(e.validationAccuracy),
                        f(e.validationF1), f(e.validationUAR), String(format: "%.1e", e.learningRate),
                        String(format: "%.1f", e.wallSeconds),
                        (e.epoch == bestEpoch ? "*" : "") + (e.epoch == selectedEpoch && selectedEpoch != bestEpoch ? ">" : ""),
                    ])
                }
                print(table.render(indent: "  "))
            }
            if !metrics.isEmpty {
                print("\ntest")
                for (name, m) in metrics.sorted(by: { $0.key < $1.key }) {
                    print(
                        "  \(name.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%.4f", m.value))\(m.std.map { String(format: " ± %.4f", $0) } ?? "")"
                    )
                }
            }
            if !classes.isEmpty {
                var table = TextTable(["class", "precision", "recall", "F1", "support"], rightAligned: [1, 2, 3, 4])
                for c in classes {
                    table.add([
                        c.label, String(format: "%.3f", c.precision), String(format: "%.3f", c.recall), String(format: "%.3f", c.f1),
                        String(c.support),
                    ])
                }
                print("\n" + table.render(indent: "  "))
            }
            if let confusion, !confusion.labels.isEmpty {
                print("\nconfusion (rows: true, columns: predicted)")
                let short = confusion.labels.map { String($0.prefix(5)) }
                var table = TextTable([""] + short, rightAligned: Set(1...short.count))
                for (i, label) in confusion.labels.enumerated() {
                    table.add([label] + confusion.counts[i].map(String.init))
                }
                print(table.render(indent: "  "))
            }
            let evaluations = try store.datasetEvaluations(runID: runID)
            if !evaluations.isEmpty {
                print("\nevaluations on other datasets (ser evaluate)")
                var table = TextTable(["id", "dataset", "models", "clips", "acc", "F1", "UAR", "when"], rightAligned: [0, 2, 3, 4, 5, 6])
                for e in evaluations {
                    table.add([
                        String(e.id), e.dataset, String(e.models), String(e.clips), String(format: "%.3f", e.accuracy),
                        String(format: "%.3f", e.macroF1), String(format: "%.3f", e.uar), e.createdAt,
                    ])
                }
                print(table.render(indent: "  "))
            }
        }
    }
}

extension SER.Show {
    /// Provenance as `field → text` pairs in display order, empty fields left out.
    static func fields(_ p: Provenance) -> [(String, String)] {
        ProvenanceReport.fields(p).compactMap { key, value in value.text.map { (key, $0) } }
    }
}

/// `ser show --json` (docs/json/show.schema.json).
struct ShowReport: Encodable {
    /// An evaluation on another dataset (`ser evaluate`).
    struct Evaluation: Encodable {
        var id: Int64
        /// `name@hash12`.
        var dataset: String
        var models: Int
        var clips: Int
        var accuracy: Double
        var macroF1: Double
        var uar: Double
        var createdAt: String
    }

    var id: Int64
    @Nullable var name: String?
    var kind: String
    /// As recorded (`running` even when the process is gone; `ser runs` says `dead`).
    var status: String
    /// Every resolved setting (`runs.config`).
    var config: JSONValue
    @Nullable var commandLine: String?
    @Nullable var note: String?
    var createdAt: String
    @Nullable var startedAt: String?
    @Nullable var finishedAt: String?
    @Nullable var error: String?
    @Nullable var provenance: ProvenanceReport?
    /// The epoch with the best monitored validation value.
    @Nullable var bestEpoch: Int?
    /// The epoch whose weights were evaluated.
    @Nullable var selectedEpoch: Int?
    var epochs: [EpochRecord]
    var test: MetricSet
    var testStd: MetricSet
    var classes: [EvaluationRecord.ClassMetric]
    var confusion: ConfusionReport
    var children: [Int64]
    var evaluations: [Evaluation]
}

/// A confusion matrix in JSON: `counts[true][predicted]`, both in `labels` order.
struct ConfusionReport: Encodable {
    var labels: [String]
    var counts: [[Int]]
}
