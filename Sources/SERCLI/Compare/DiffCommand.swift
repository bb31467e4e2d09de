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
            let store = try options.openStore(readOnly: true)
            let (runA, runB) = (try referenceA.resolve(in: store), try referenceB.resolve(in: store))
            if runA == runB {
                throw ValidationError("<run-a> '\(referenceA)' and <run-b> '\(referenceB)' are the same run (\(runA)); give two different runs")
            }
            let comparison: RunComparison
            do {
                comparison = try store.compare(CompareQuery(runIDs: [runA, runB]))
            } catch let error as StoreError where error.code == .invalidArgument {
                throw CompareError(flag: "ser diff", error.reason)
            }
            guard let a = comparison.rows.first(where: { $0.id == runA }), let b = comparison.rows.first(where: { $0.id == runB }) else {
                throw CompareError(flag: "ser diff", "runs \(runA) and \(runB) could not both be read")
            }
            let settings = Self.settings(a, b, names: comparison.hyperparameterNames)
            let provenance = try Self.provenance(a, b, store: store)
            let metrics = Self.metrics(a, b)
            let (epochsA, epochsB) = (try store.epochs(runA), try store.epochs(runB))
            let empty = (labels: [String](), counts: [[Int]]())
            let confA = try store.confusion(runA, subset: subset).map { (labels: $0.labels, counts: $0.counts) } ?? empty
            let confB = try store.confusion(runB, subset: subset).map { (labels: $0.labels, counts: $0.counts) } ?? empty
            let labels = Array(Set(confA.labels + confB.labels)).sorted()
            let matrixA = Self.remap(confA, to: labels), matrixB = Self.remap(confB, to: labels)
            let delta = zip(matrixB, matrixA).map { zip($0, $1).map { $0 - $1 } }
            if options.json {
                try printJSON(
                    DiffReport(
                        a: runA, b: runB, settings: settings, provenance: provenance, metrics: metrics, epochsA: epochsA, epochsB: epochsB,
                        labels: labels, confusionA: matrixA, confusionB: matrixB, confusionDelta: delta))
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

        /// Settings of both runs (hyperparameters, unquoted).
        static func settings(_ a: CompareRow, _ b: CompareRow, names: [String]) -> [DiffReport.Pair] {
            names.map { name in
                let x = a.hyperparameters[name].map(JSONValue.init(parsingOrKeeping:)) ?? .null
                let y = b.hyperparameters[name].map(JSONValue.init(parsingOrKeeping:)) ?? .null
                return DiffReport.Pair(name: name, a: x, b: y, differs: x != y)
            }
        }

        /// Dataset, split, features, seed and the `provenance` row of both runs.
        static func provenance(_ a: CompareRow, _ b: CompareRow, store: Store) throws -> [DiffReport.Pair] {
            func dataset(_ r: CompareRow) -> String? { r.dataset.map { "\($0)@\(r.datasetVersion ?? "?")" } }
            var pairs: [DiffReport.Pair] = []
            func add(_ name: String, _ x: JSONValue?, _ y: JSONValue?) {
                pairs.append(DiffReport.Pair(name: name, a: x ?? .null, b: y ?? .null, differs: x != y))
            }
            func add(_ name: String, _ x: String?, _ y: String?) { add(name, x.map(JSONValue.string), y.map(JSONValue.string)) }
            add("dataset", dataset(a), dataset(b))
            add("split", a.split, b.split)
            add("features", a.features, b.features)
            add("status", a.status, b.status)
            let pa = try store.provenance(a.id).map(ProvenanceReport.fields) ?? []
            let pb = try store.provenance(b.id).map(ProvenanceReport.fields) ?? []
            let (da, db) = (Dictionary(pa, uniquingKeysWith: { x, _ in x }), Dictionary(pb, uniquingKeysWith: { x, _ in x }))
            var seen = Set<String>()
            for key in (pa + pb).map(\.0) where seen.insert(key).inserted { add(key, da[key], db[key]) }
            return pairs
        }

        static func metrics(_ a: CompareRow, _ b: CompareRow) -> [DiffReport.Metric] {
            func pair(_ key: String, _ name: String, _ x: MetricValue?, _ y: MetricValue?) -> DiffReport.Metric {
                DiffReport.Metric(
                    key: key, name: name, a: x?.value, b: y?.value, aStd: x?.std, bStd: y?.std,
                    delta: x.flatMap { x in y.map { $0.value - x.value } })
            }
            return [
                pair("test_acc", "test acc", a.testAccuracy, b.testAccuracy), pair("test_f1", "test F1", a.testF1, b.testF1),
                pair("test_uar", "test UAR", a.testUAR, b.testUAR),
                pair("val_acc", "val acc", a.validationAccuracy, b.validationAccuracy),
                pair("val_f1", "val F1", a.validationF1, b.validationF1),
                pair("val_uar", "val UAR", a.validationUAR, b.validationUAR), pair("best_epoch", "best epoch", a.bestEpoch, b.bestEpoch),
                pair("epochs", "epochs", a.epochsDone.map { MetricValue(Double($0)) }, b.epochsDone.map { MetricValue(Double($0)) }),
                pair("duration_s", "seconds", a.durationSeconds.map { MetricValue($0) }, b.durationSeconds.map { MetricValue($0) }),
            ]
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

        /// `matrix` re-indexed to `labels` (missing rows/columns are zero).
        static func remap(_ matrix: (labels: [String], counts: [[Int]]), to labels: [String]) -> [[Int]] {
            let index = Dictionary(uniqueKeysWithValues: matrix.labels.enumerated().map { ($1, $0) })
            return labels.map { truth in
                labels.map { predicted in
                    guard let i = index[truth], let j = index[predicted], i < matrix.counts.count, j < matrix.counts[i].count else {
                        return 0
                    }
                    return matrix.counts[i][j]
                }
            }
        }
    }
}
