import Foundation
import SERCore
import SERPlot
import SERReports
import SERStore

/// One run: detail, confusion, the clips of a cell, its epochs and its figures.
extension DashboardAPI {
    /// The most clips one confusion cell lists.
    static let maxCellClips = 1000

    func runDetail(_ id: Int64) throws -> RunDetailPayload {
        guard let run = try store.runOverview(id) else { throw DashboardError(.notFound, "no run \(id) in this database") }
        let settings = Dictionary(try store.hyperparameters(id).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return RunDetailPayload(
            run: run, metrics: try store.runMetrics(id), settings: settings, provenance: try store.provenance(id),
            epochs: try store.epochs(id),
            evaluatedSubsets: try store.evaluatedSubsets(id))
    }

    /// The confusion counts on `subset` (default: the best evaluated subset).
    func confusionCounts(_ id: Int64, subset: String?) throws -> ConfusionCounts {
        let chosen = try subset ?? store.evaluatedSubsets(id).first
        guard let chosen else { throw DashboardError(.notFound, "run \(id) has not been evaluated yet: it has no confusion matrix") }
        guard ["test", "val", "train"].contains(chosen) else {
            throw DashboardError(.badRequest, "subset '\(chosen.prefix(20))' is not one of test, val, train")
        }
        guard let counts = try store.confusion(id, subset: chosen) else {
            throw DashboardError(.notFound, "run \(id) has no confusion matrix on subset '\(chosen)'")
        }
        return counts
    }

    func confusion(_ id: Int64, subset: String?) throws -> ConfusionPayload {
        let counts = try confusionCounts(id, subset: subset)
        let ordered = counts.reordered(ClassOrder.canonical(counts.labels))
        return ConfusionPayload(subset: ordered.subset, labels: ordered.labels, counts: ordered.counts)
    }

    /// The clips of the cell `true`/`predicted` (query items) on `subset`.
    func predictions(_ id: Int64, _ request: DashboardRequest) throws -> PredictionsPayload {
        guard let trueLabel = request.value("true"), let predicted = request.value("predicted") else {
            throw DashboardError(.badRequest, "give the cell as ?true=LABEL&predicted=LABEL")
        }
        let counts = try confusionCounts(id, subset: request.value("subset"))
        for label in [trueLabel, predicted] where !counts.labels.contains(label) {
            throw DashboardError(
                .badRequest, "'\(label.prefix(40))' is not one of the run's classes (\(counts.labels.joined(separator: ", ")))")
        }
        let clips = try store.clipPredictions(
            id, subset: counts.subset, trueLabel: trueLabel, predicted: predicted, limit: Self.maxCellClips)
        return PredictionsPayload(subset: counts.subset, trueLabel: trueLabel, predicted: predicted, classes: counts.labels, clips: clips)
    }

    /// The epochs committed after epoch `after`, with the run's current status.
    func epochs(_ id: Int64, after: Int) throws -> EpochsPayload {
        guard let run = try store.runOverview(id) else { throw DashboardError(.notFound, "no run \(id) in this database") }
        return EpochsPayload(status: run.status, epochs: try store.epochs(id).filter { $0.epoch > after })
    }

    /// The training curves of `ids` overlaid, as `ser plot curves` draws them, in SVG.
    func curvesSVG(_ ids: [Int64]) throws -> Data {
        let histories: [RunFigures.RunHistory]
        do {
            histories = try RunFigures.histories(ids, store: store)
        } catch let error as ReportError {
            throw DashboardError(.notFound, error.description)
        }
        return try RunFigures.curves(histories).render(.svg)
    }

    /// The confusion matrix figure of `ser plot confusion`, in SVG.
    func confusionSVG(_ id: Int64, subset: String?) throws -> Data {
        try Self.confusionSVG(try confusionCounts(id, subset: subset), run: try RunFigures.overview(id, store: store))
    }

    /// The F1 per emotion of `ser plot per-class` on `subset` (default: the best evaluated), in SVG.
    func perClassSVG(_ id: Int64, subset: String?) throws -> Data {
        let chosen = try confusionCounts(id, subset: subset).subset
        let classes = try store.classMetrics(id, subset: chosen)
        guard !classes.isEmpty else { throw DashboardError(.notFound, "run \(id) has no per-class metrics on subset '\(chosen)'") }
        return try Self.perClassSVG(classes, run: try RunFigures.overview(id, store: store), subset: chosen)
    }

    /// The F1 per emotion of `run`'s `classes` on `subset`, in SVG.
    static func perClassSVG(_ classes: [EvaluationRecord.ClassMetric], run: RunOverview, subset: String) throws -> Data {
        try RunFigures.perClass([(run, classes)], metric: "f1", subset: subset).render(.svg)
    }

    /// The confusion matrix figure of `counts` of `run`, in SVG.
    static func confusionSVG(_ counts: ConfusionCounts, run: RunOverview) throws -> Data {
        try RunFigures.confusion(counts, run: run, normalize: false, colorMap: .viridis).render(.svg)
    }
}
