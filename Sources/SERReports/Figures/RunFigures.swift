import Foundation
import SERCore
public import SERPlot
public import SERStore

/// Figures of training runs, built from what the store holds. Shared by `ser plot` and
/// `ser report`.
public enum RunFigures {
    /// A run with the rows its curves need.
    public struct RunHistory {
        public var run: RunOverview
        public var epochs: [EpochRecord]

        public init(run: RunOverview, epochs: [EpochRecord]) {
            self.run = run
            self.epochs = epochs
        }
    }

    /// Loads runs by id, failing on the first unknown run or run without epochs. A parent
    /// run (sweep, k-fold, seeds), which trains nothing itself, stands for its child runs
    /// that have epochs.
    public static func histories(_ ids: [Int64], store: Store) throws -> [RunHistory] {
        var out: [RunHistory] = []
        for id in ids {
            let run = try overview(id, store: store)
            let epochs = try store.epochs(id)
            if !epochs.isEmpty {
                out.append(RunHistory(run: run, epochs: epochs))
                continue
            }
            let children = try store.childRuns(of: id)
            guard !children.isEmpty else {
                throw ReportError(.noData, "run \(id)", "has no epochs yet (status \(run.status)); nothing to plot")
            }
            let trained = try children.compactMap { child -> RunHistory? in
                let childEpochs = try store.epochs(child.id)
                return childEpochs.isEmpty ? nil : RunHistory(run: try overview(child.id, store: store), epochs: childEpochs)
            }
            guard !trained.isEmpty else {
                throw ReportError(
                    .noData, "run \(id)", "is a \(run.kind) run whose \(children.count) child runs have no epochs yet; nothing to plot")
            }
            out += trained
        }
        return out
    }

    /// The colour of run `i` of `n`: tab10 up to ten runs, viridis steps beyond.
    public static func runColor(_ i: Int, of n: Int) -> Color {
        n <= 10 ? Color.series(i) : ColorMap.viridis.color(Double(i) / Double(max(1, n - 1)) * 0.9)
    }

    /// The run with `id`, or an error naming it.
    public static func overview(_ id: Int64, store: Store) throws -> RunOverview {
        guard let run = try store.runOverview(id) else {
            throw ReportError(.unknownRun, "run \(id)", "no such run in \(store.path)")
        }
        return run
    }

    /// One panel per metric (default: loss and accuracy), side by side; train solid,
    /// validation dashed; several runs in different colours; one legend for the figure under
    /// its title; the best epoch dotted for a single run. Metrics no run recorded are left out.
    public static func curves(_ histories: [RunHistory], metrics: [CurveMetric] = [.loss, .accuracy]) -> Figure {
        let single = histories.count == 1
        var best: [(x: Double, label: String)] =
            single ? histories[0].run.bestEpoch.map { [(x: Double($0), label: "best (\($0))")] } ?? [] : []
        if single, let selected = histories[0].run.selectedEpoch, selected != histories[0].run.bestEpoch {
            best.append((x: Double(selected), label: "evaluated (\(selected))"))
        }
        var panels: [any Chart] = []
        var subsetsDrawn = Set<String>()
        for metric in metrics {
            var series: [LineSeries] = []
            for (i, h) in histories.enumerated() {
                let x = h.epochs.map { Double($0.epoch) }
                let name = single ? "" : "\(h.run.displayName) "
                let markers = h.epochs.count <= 12
                let parts: [(String, (EpochRecord) -> Double?, Color, [Double])] = [
                    ("train", metric.train, single ? Color.series(0) : runColor(i, of: histories.count), []),
                    ("validation", metric.validation, single ? Color.series(1) : runColor(i, of: histories.count), LineSeries.dashed),
                ]
                for (subset, value, color, dash) in parts where h.epochs.contains(where: { value($0).map(\.isFinite) ?? false }) {
                    let label = metric == .lr ? (single ? "learning rate" : h.run.displayName) : "\(name)\(subset)"
                    series.append(
                        LineSeries(label: label, x: x, y: h.epochs.map { value($0) ?? .nan }, color: color, dash: dash, markers: markers))
                }
            }
            guard !series.isEmpty else { continue }
            var range: ClosedRange<Double>?
            if metric.isFraction {
                let padded = NiceScale.paddedRange(series.flatMap(\.y))
                range = max(0, padded.lowerBound)...min(1.02, max(padded.upperBound, max(0, padded.lowerBound) + 0.05))
            }
            if metric != .lr { subsetsDrawn.formUnion(series.map { $0.dash.isEmpty ? "train" : "validation" }) }
            panels.append(
                LineChart(
                    series: series, title: metric.title, xLabel: "epoch", yLabel: metric.axisLabel, yRange: range, integerX: true,
                    markers: best, showLegend: false))
        }
        // One legend for the figure: a single run's two subsets in their colours; several
        // runs one colour each, then the two line styles (solid train, dashed validation).
        let grey = Color(hex: 0x595959)
        var entries: [Legend.Entry] =
            single
            ? []
            : histories.enumerated().map { i, h in
                Legend.Entry(label: h.run.displayName, color: runColor(i, of: histories.count), swatch: .line(dash: []))
            }
        if subsetsDrawn.contains("train") {
            entries.append(Legend.Entry(label: "train", color: single ? Color.series(0) : grey, swatch: .line(dash: [])))
        }
        if subsetsDrawn.contains("validation") {
            entries.append(
                Legend.Entry(label: "validation", color: single ? Color.series(1) : grey, swatch: .line(dash: LineSeries.dashed)))
        }
        let title =
            single
            ? "\(histories[0].run.displayName): training curves"
            : "Training curves: " + Self.runList(histories.map(\.run.id))
        let columns = min(3, max(1, panels.count))
        let rows = (panels.count + columns - 1) / columns
        let legendRows = histories.count > 4 ? (entries.count + 4) / 5 : 1
        var figure = Figure(
            width: columns == 3 ? 1400 : 1040, height: 60 + Double(legendRows) * 18 + Double(max(1, rows)) * 380, title: title,
            panels: panels, columns: columns)
        figure.legend = entries.count > 1 || !single ? Legend(entries: entries) : nil
        return figure
    }

    /// `run 3, 4, 5` or, for long lists, `runs 3–14 (12)`.
    public static func runList(_ ids: [Int64]) -> String {
        if ids.count > 4, let lo = ids.min(), let hi = ids.max(), hi - lo + 1 == Int64(ids.count) {
            return "runs \(lo)–\(hi) (\(ids.count))"
        }
        return ids.map { "run \($0)" }.joined(separator: ", ")
    }

    /// The confusion matrix: counts with row percentages in each cell, class names on both
    /// axes, in the canonical class order (or `order`). `normalize` colours by the row fraction
    /// (recall) instead of the count.
    public static func confusion(
        _ unordered: ConfusionCounts, run: RunOverview, normalize: Bool, colorMap: ColorMap, order: [String]? = nil
    ) -> Figure {
        let matrix = unordered.reordered(order ?? ClassOrder.canonical(unordered.labels))
        let n = matrix.labels.count
        var values = [Float](repeating: 0, count: n * n)
        var notes = [String](repeating: "", count: n * n)
        for t in 0..<n {
            let rowTotal = matrix.counts[t].reduce(0, +)
            for p in 0..<n {
                let count = matrix.counts[t][p]
                let fraction = rowTotal > 0 ? Double(count) / Double(rowTotal) : 0
                values[t * n + p] = Float(normalize ? fraction : Double(count))
                let percent = String(format: "%.0f%%", fraction * 100)
                notes[t * n + p] = normalize ? "\(percent)\n\(count)" : "\(count)\n\(percent)"
            }
        }
        let heatmap = Heatmap(
            matrix: Matrix(rows: n, columns: n, values: values) ?? Matrix(rows: 0, columns: 0),
            rowLabels: matrix.labels, columnLabels: matrix.labels, colorMap: colorMap,
            valueRange: normalize ? 0...1 : 0...Double(max(1, matrix.counts.flatMap { $0 }.max() ?? 1)),
            annotations: notes, colorbarLabel: normalize ? "fraction of the true class" : "clips",
            title: "\(run.displayName): confusion on \(subsetName(matrix.subset)) (\(matrix.total) clips)",
            xLabel: "predicted emotion", yLabel: "true emotion")
        let side = min(900, max(520, 140 + Double(n) * 70))
        return Figure(width: side + 110, height: side, panels: [heatmap])
    }

    /// One metric per emotion as grouped bars, one colour per run, classes in the canonical
    /// order (or `order`).
    public static func perClass(
        _ runs: [(run: RunOverview, metrics: [EvaluationRecord.ClassMetric])], metric: String, subset: String, order: [String]? = nil
    ) -> Figure {
        var present: [String] = []
        for (_, metrics) in runs { for m in metrics where !present.contains(m.label) { present.append(m.label) } }
        let labels = (order ?? ClassOrder.canonical(present)).filter(present.contains)
        let series = runs.map { entry in
            BarSeries(
                label: entry.run.displayName,
                values: labels.map { label in
                    guard let m = entry.metrics.first(where: { $0.label == label }) else { return .nan }
                    return switch metric {
                    case "precision": m.precision
                    case "recall": m.recall
                    default: m.f1
                    }
                })
        }
        let name = metric == "f1" ? "F1" : metric
        let title =
            runs.count == 1
            ? "\(runs[0].run.displayName): \(name) per emotion (\(subsetName(subset)))"
            : "\(name) per emotion (\(subsetName(subset)))"
        let chart = BarChart(
            categories: labels, series: series, title: title, xLabel: "emotion", yLabel: name, yRange: 0...1.05,
            colorByCategory: runs.count == 1, categoryColors: labels.map(EmotionColors.color),
            valueLabels: runs.count <= 3, valueFormat: "%.2f")
        return Figure(width: max(720, 120 + Double(labels.count * max(1, runs.count)) * 34), height: 440, panels: [chart])
    }

    public static func subsetName(_ subset: String) -> String {
        switch subset {
        case "val": "validation set"
        case "test": "test set"
        case "train": "training set"
        default: subset
        }
    }
}
