import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import Foundation
import SERCore
import SERStore

extension SER {
    /// `ser diff A B`: what differs between two runs — settings, provenance, scores, curves and
    /// confusion matrices — side by side.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show what differs between two runs: settings, provenance, metrics, per-epoch curves and the confusion matrix.",
            discussion: """
                Examples:
                  ser diff last~1 last          # the two newest runs
                  ser diff baseline @tuned --all
                """)

        @OptionGroup var options: GlobalOptions
        @OptionGroup var reading: RemoteReadOptions

        @Argument(help: ArgumentHelp("The first run (the baseline): an id, a name or prefix, last, last~N or @tag.", valueName: "run-a"))
        var referenceA: RunArgument
        @Argument(help: ArgumentHelp("The second run (deltas are B − A).", valueName: "run-b"))
        var referenceB: RunArgument

        @Flag(help: "List every setting and provenance field, not only those that differ.")
        var all = false
        @Option(help: ArgumentHelp("Subset of the confusion matrices: test, val or train.", valueName: "subset"))
        var subset: String = "test"

        func validate() throws {
            if referenceA.text == referenceB.text {
                throw ValidationError("<run-a> and <run-b> are the same run ('\(referenceA)'); give two different runs")
            }
            if !["test", "val", "train"].contains(subset) { throw ValidationError("--subset must be test, val or train, not '\(subset)'") }
        }

        func run() throws {
            let store = try reading.store(options)
            let (runA, runB) = (try referenceA.resolve(in: store), try referenceB.resolve(in: store))
            if runA == runB {
                throw ValidationError(
                    "<run-a> '\(referenceA)' and <run-b> '\(referenceB)' are the same run (\(runA)); give two different runs")
            }
            let comparison: RunComparison
            do {
                comparison = try store.compare(CompareQuery(runIDs: [runA, runB])).fillingSettingDefaults()
            } catch let error as StoreError where error.code == .invalidArgument {
                throw CompareError(flag: "ser diff", error.reason)
            }
            guard let a = comparison.rows.first(where: { $0.id == runA }), let b = comparison.rows.first(where: { $0.id == runB }) else {
                throw CompareError(flag: "ser diff", "runs \(runA) and \(runB) could not both be read")
            }
            let report = try DiffReport.between(a, b, names: comparison.hyperparameterNames, subset: subset, store: store)
            let (settings, provenance, metrics, labels, delta) = (
                report.settings, report.provenance, report.metrics, report.labels, report.confusionDelta
            )
            let (epochsA, epochsB) = (report.epochsA, report.epochsB)
            if options.json {
                try printJSON(report)
                return
            }
            if options.quiet { return }
            let nameA = "\(runA)" + (a.name.map { " \($0)" } ?? ""), nameB = "\(runB)" + (b.name.map { " \($0)" } ?? "")
            var out = ["run \(nameA)  vs  run \(nameB)   (Δ = B − A)"]
            out += Self.pairs("settings", settings, all: all, a: "\(runA)", b: "\(runB)")
            out += Self.pairs("provenance", provenance, all: all, a: "\(runA)", b: "\(runB)")
            if let splitA = a.split, let splitB = b.split, CompareTable.protocolOf(splitA) != CompareTable.protocolOf(splitB) {
                out.append("  (!) different split protocols (\(splitA) vs \(splitB)): their scores are not directly comparable")
            }
            out += Self.metricLines(metrics, a: "\(runA)", b: "\(runB)")
            out += Self.curves(epochsA, epochsB, a: "\(runA)", b: "\(runB)")
            if !labels.isEmpty {
                out.append("\nconfusion on \(subset), B − A (rows: true, columns: predicted)")
                var table = TextTable([""] + labels.map { String($0.prefix(7)) }, rightAligned: Set(1...labels.count))
                for (i, label) in labels.enumerated() {
                    table.add([label] + delta[i].map { $0 == 0 ? "·" : String(format: "%+d", $0) })
                }
                out.append(table.render(indent: "  "))
            }
            print(out.joined(separator: "\n"))
        }

        static func pairs(_ title: String, _ pairs: [DiffReport.Pair], all: Bool, a: String, b: String) -> [String] {
            let shown = all ? pairs : pairs.filter(\.differs)
            let out = ["\n\(title) (\(pairs.filter(\.differs).count) of \(pairs.count) differ)"]
            guard !shown.isEmpty else { return out + ["  identical"] }
            var table = TextTable(["", "", a, b])
            for p in shown { table.add([p.differs ? "*" : "", p.name, p.a.text ?? "–", p.b.text ?? "–"]) }
            return out + [table.render(indent: "  ")]
        }

        static func metricLines(_ metrics: [DiffReport.Metric], a: String, b: String) -> [String] {
            var table = TextTable(["metric", a, b, "Δ"], rightAligned: [1, 2, 3])
            func text(_ x: Double?, _ std: Double?, _ name: String) -> String {
                guard let x else { return "–" }
                if name == "seconds" { return Format.duration(x) }
                let digits = name == "epochs" || (name == "best epoch" && std == nil) ? 0 : 3
                return CompareCell.number(x, std: std, digits: digits).display
            }
            for m in metrics where m.a != nil || m.b != nil {
                let delta =
                    m.delta.map { d -> String in
                        if m.name == "seconds" { return (d < 0 ? "-" : "+") + Format.duration(abs(d)) }
                        return String(format: m.name == "epochs" ? "%+.0f" : m.name == "best epoch" ? "%+.1f" : "%+.3f", d)
                    } ?? ""
                table.add([m.name, text(m.a, m.aStd, m.name), text(m.b, m.bStd, m.name), delta])
            }
            return ["\nmetrics", table.render(indent: "  ")]
        }

        /// Sparklines of validation accuracy/F1 and training/validation loss, both runs on one scale.
        static func curves(_ a: [EpochRecord], _ b: [EpochRecord], a nameA: String, b nameB: String) -> [String] {
            guard !a.isEmpty || !b.isEmpty else {
                return ["\ncurves: no epochs recorded (parents of k-fold runs and sweeps: diff their folds/trials)"]
            }
            let width = max(10, min(60, (Terminal.width() ?? 80) - 30))
            var out = ["\ncurves (one scale per metric; \(a.count) vs \(b.count) epochs)"]
            let series: [(String, Bool, (EpochRecord) -> Double?)] = [
                ("val acc", true, \.validationAccuracy), ("val F1", true, \.validationF1), ("train loss", false, { $0.trainLoss }),
                ("val loss", false, \.validationLoss),
            ]
            let label = max(nameA.count, nameB.count)
            for (name, higherIsBetter, value) in series {
                let (x, y) = (a.map(value), b.map(value))
                guard let range = Sparkline.range([x, y]) else { continue }
                out.append("  \(name)  \(CompareCell.fixed(range.low, 3))…\(CompareCell.fixed(range.high, 3))")
                for (run, values) in [(nameA, x), (nameB, y)] {
                    let padded = run.padding(toLength: label, withPad: " ", startingAt: 0)
                    let finite = values.enumerated().compactMap { i, v in v.flatMap { $0.isFinite ? (i + 1, $0) : nil } }
                    let best = higherIsBetter ? finite.max { $0.1 < $1.1 } : finite.min { $0.1 < $1.1 }
                    guard let best else {
                        out.append("    \(padded)  (no epochs)")
                        continue
                    }
                    let line = Sparkline.render(values, low: range.low, high: range.high, width: width)
                    out.append("    \(padded)  \(line)  best \(CompareCell.fixed(best.1, 3)) @ epoch \(best.0)")
                }
            }
            return out
        }

    }
}
