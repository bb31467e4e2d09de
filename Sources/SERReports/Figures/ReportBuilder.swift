import Foundation
import SERCore
public import SERPlot
public import SERStore

/// Assembles the HTML reports of `ser report` from the store.
public enum ReportBuilder {
    /// The report of one run: summary, metrics, curves, confusion matrix, per-class chart and
    /// table, epochs, hyperparameters, configuration and provenance.
    public static func run(_ id: Int64, store: Store, scale: Double) throws -> String {
        let run = try RunFigures.overview(id, store: store)
        var page = HTMLReport(
            title: "ser report: \(run.displayName)",
            subtitle: "\(run.kind) run · \(run.status) · created \(run.createdAt)")
        var summary: [(String, String)] = [("status", run.status), ("kind", run.kind)]
        if let dataset = run.dataset { summary.append(("dataset", "\(dataset) (version \(run.datasetVersion ?? "?"))")) }
        if let split = run.split { summary.append(("split", split)) }
        summary.append(("seed", "\(run.seed)"))
        if let best = run.bestEpoch { summary.append(("best epoch", "\(best)")) }
        if let selected = run.selectedEpoch, selected != run.bestEpoch {
            summary.append(("evaluated epoch", "\(selected) (--select last)"))
        }
        if let done = run.epochsDone { summary.append(("epochs done", "\(done)")) }
        if let seconds = run.durationSeconds { summary.append(("duration", Format.duration(seconds))) }
        if !run.tags.isEmpty { summary.append(("tags", run.tags.joined(separator: ", "))) }
        if let note = run.note { summary.append(("note", note)) }
        page.heading("Summary")
        if let error = run.error { page.paragraph("This run failed: \(error)", className: "warn") }
        page.keyValues(summary)

        let metrics = try store.runMetrics(id)
        if !metrics.isEmpty {
            page.heading("Final metrics")
            page.table(
                header: ["subset", "metric", "value"],
                rows: metrics.map { m in
                    [m.subset, m.name, m.std.map { String(format: "%.4f ± %.4f", m.value, $0) } ?? String(format: "%.4f", m.value)]
                })
        }

        let epochs = try store.epochs(id)
        let children = try store.childRuns(of: id)
        if !children.isEmpty, let sweep = try? SweepTrials.load(id, store: store) {
            trialSections(sweep, into: &page, scale: scale)
        }
        page.heading("Training curves")
        if epochs.isEmpty, !children.isEmpty, let histories = try? RunFigures.histories([id], store: store) {
            try page.figure(
                RunFigures.curves(Array(histories.prefix(20))), alt: "training curves of the child runs of \(run.displayName)",
                scale: scale)
        } else if epochs.isEmpty {
            page.paragraph("No epochs recorded yet.")
        } else {
            try page.figure(
                RunFigures.curves([RunFigures.RunHistory(run: run, epochs: epochs)]), alt: "training curves of \(run.displayName)",
                scale: scale)
        }

        let subsets = try store.evaluatedSubsets(id)
        if let subset = subsets.first {
            page.heading("Confusion matrix (\(RunFigures.subsetName(subset)))")
            if let matrix = try store.confusion(id, subset: subset) {
                try page.figure(
                    RunFigures.confusion(matrix, run: run, normalize: false, colorMap: .viridis), alt: "confusion matrix", scale: scale)
            }
            let classes = try store.classMetrics(id, subset: subset)
            if !classes.isEmpty {
                page.heading("Per-class metrics (\(RunFigures.subsetName(subset)))")
                try page.figure(RunFigures.perClass([(run, classes)], metric: "f1", subset: subset), alt: "F1 per emotion", scale: scale)
                page.table(
                    header: ["emotion", "precision", "recall", "F1", "support"],
                    rows: classes.map {
                        [
                            $0.label, String(format: "%.3f", $0.precision), String(format: "%.3f", $0.recall),
                            String(format: "%.3f", $0.f1), "\($0.support)",
                        ]
                    })
            }
        } else {
            page.heading("Evaluation")
            page.paragraph("Not evaluated yet: no confusion matrix or per-class metrics.")
        }

        if !epochs.isEmpty {
            page.heading("Epochs")
            func f(_ v: Double?, _ pattern: String = "%.4f") -> String { v.map { $0.isFinite ? String(format: pattern, $0) : "" } ?? "" }
            page.table(
                header: ["epoch", "train loss", "train acc", "val loss", "val acc", "val F1", "val UAR", "lr", "seconds"],
                rows: epochs.map { e in
                    [
                        "\(e.epoch)", f(e.trainLoss), f(e.trainAccuracy), f(e.validationLoss), f(e.validationAccuracy), f(e.validationF1),
                        f(e.validationUAR), f(e.learningRate, "%.2g"), f(e.wallSeconds, "%.1f"),
                    ]
                })
        }

        let hyper = try store.hyperparameters(id)
        if !hyper.isEmpty {
            page.heading("Hyperparameters")
            page.table(header: ["name", "value"], rows: hyper.map { [$0.name, $0.value] })
        }
        page.heading("Configuration")
        page.preformatted(prettyJSON(run.config))
        page.heading("Command line")
        page.preformatted(run.commandLine)
        if let p = try store.provenance(id) {
            page.heading("Provenance")
            var rows: [(String, String)] = [("ser version", p.serVersion)]
            let optional: [(String, String?)] = [
                ("build commit", p.buildCommit), ("dataset hash", p.datasetHash), ("feature config hash", p.featureConfigHash),
                ("host", p.hostname), ("OS", p.os), ("CPU", p.cpuModel), ("CPU cores", p.cpuCores.map(String.init)),
                ("BLAS threads", p.blasThreads.map(String.init)),
            ]
            rows += optional.compactMap { name, value in value.map { (name, $0) } }
            if p.extra != "{}" { rows.append(("extra", p.extra)) }
            page.keyValues(rows)
        }
        return page.html()
    }

    /// The file name of a run's report, as ``trialSections(_:into:scale:)`` links it.
    public static func fileName(_ id: Int64) -> String { "report-run\(id).html" }

    /// A parent run's trials ranked by validation accuracy (with their settings, scores and
    /// links to their own reports), and the sweep figure.
    public static func trialSections(_ sweep: SweepTrials, into page: inout HTMLReport, scale: Double) {
        page.heading("Trials, ranked by validation accuracy")
        page.paragraph(
            "Trials are chosen on validation accuracy; test accuracy is reported for reference, not used to choose. Each run links to its own report."
        )
        func f(_ v: Double?) -> String { v.map { String(format: "%.4f", $0) } ?? "" }
        page.linkedTable(
            header: ["rank", "run", "status"] + sweep.keys + ["val acc", "test acc", "test F1", "epochs"],
            rows: sweep.trials.enumerated().map { i, trial in
                [("\(i + 1)", nil), ("run \(trial.run.id)", fileName(trial.run.id)), (trial.run.status.rawValue, nil)]
                    + sweep.keys.map { (trial.settings[$0].map(SweepTrials.text) ?? "", nil) }
                    + [
                        (f(trial.validation), nil), (f(trial.test), nil), (f(trial.run.testF1), nil),
                        (trial.run.epochsDone.map(String.init) ?? "", nil),
                    ]
            })
        if !sweep.keys.isEmpty {
            try? page.figure(SweepFigures.figure(sweep), alt: "settings against accuracy, one line per trial", scale: scale)
        }
    }

    /// The exploration report of a dataset: overview figure, label table and, when cached
    /// features exist, their distributions per emotion.
    public static func dataset(_ name: String, store: Store, scale: Double) throws -> String {
        let clips = try DatasetFigures.clips(name, store: store)
        var page = HTMLReport(title: "ser report: dataset \(name)", subtitle: "\(clips.count) clips")
        page.heading("Overview")
        try page.figure(DatasetFigures.overview(name, clips: clips), alt: "dataset overview", scale: scale)
        page.heading("Clips per emotion")
        let labels = DatasetFigures.orderedLabels(clips.map(\.label))
        page.table(
            header: ["emotion", "clips", "speakers", "seconds"],
            rows: labels.map { label in
                let of = clips.filter { $0.label == label }
                return [
                    label, "\(of.count)", "\(Set(of.compactMap(\.speaker)).count)", String(format: "%.1f", of.map(\.duration).reduce(0, +)),
                ]
            })
        if let (recipe, tensors) = try? CachedFeatures.load(config: nil, clips: clips, dataset: name, store: store), !tensors.isEmpty {
            page.heading("Feature distributions (\(recipe.name))")
            let figure = DatasetFigures.features(
                name, clips: clips, config: recipe, tensors: tensors, columns: Array(0..<min(6, recipe.dims)))
            try page.figure(figure, alt: "feature distributions", scale: scale)
        }
        return page.html()
    }

    /// JSON text re-indented for reading; the text itself when it is not JSON.
    public static func prettyJSON(_ text: String) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let data = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        else {
            return text
        }
        return String(decoding: data, as: UTF8.self)
    }
}
