import SERCore
import SERReports
import SERWorkbench
import ArgumentParser
import SERPlot
import SERStore

extension SER.Plot {
    /// `ser plot per-class RUN...`: F1 (or precision/recall) per emotion, grouped across runs.
    struct PerClass: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "per-class",
            abstract: "F1 (or precision, recall) per emotion as grouped bars, one colour per run.")

        @Argument(help: ArgumentHelp("Runs: ids, names or prefixes, last, last~N or @tag.", valueName: "run"))
        var references: [RunArgument]

        @Option(help: ArgumentHelp("f1, precision or recall.", valueName: "metric"))
        var metric = "f1"

        @Option(help: ArgumentHelp("test, val or train (default: test if evaluated, else val).", valueName: "subset"))
        var subset: String?

        @OptionGroup var classes: ClassOrderOption
        @OptionGroup var output: PlotOutputOptions
        @OptionGroup var options: GlobalOptions

        func validate() throws {
            guard !references.isEmpty else { throw ValidationError("Name at least one run (an id, a name, last or @tag; see `ser runs`).") }
            guard ["f1", "precision", "recall"].contains(metric) else {
                throw ValidationError("--metric must be f1, precision or recall (got \(metric)).")
            }
            if let subset, !["test", "val", "train"].contains(subset) {
                throw ValidationError("--subset must be test, val or train (got \(subset)).")
            }
        }

        func run() throws {
            let store = try options.openStore()
            let runs = try references.resolve(in: store)
            var chosen = subset
            var entries: [(run: RunOverview, metrics: [EvaluationRecord.ClassMetric])] = []
            for id in runs {
                let overview = try RunFigures.overview(id, store: store)
                let available = try store.evaluatedSubsets(id)
                guard let s = chosen ?? available.first else {
                    throw ReportError(.noData, "run \(id)", "has no evaluation yet (status \(overview.status)); no per-class metrics")
                }
                chosen = s
                let metrics = try store.classMetrics(id, subset: s)
                guard !metrics.isEmpty else { throw ReportError(.noData, "run \(id)", "has no per-class metrics on \(s)") }
                entries.append((overview, metrics))
            }
            let order = try classes.order(entries.flatMap { $0.metrics.map(\.label) })
            let figure = RunFigures.perClass(entries, metric: metric, subset: chosen ?? "test", order: order)
            try output.write(figure, defaultBase: "per-class-" + runs.map { "run\($0)" }.joined(separator: "-"), options: options)
        }
    }
}
