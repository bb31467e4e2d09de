import Foundation
import SERPlot
import SERReports

/// A parent run's children (sweep trials, k-fold folds, seeds) and their figures.
extension DashboardAPI {
    /// The child runs of `id` ranked by validation accuracy, or `nil` when it has none.
    func trials(_ id: Int64) throws -> SweepTrials? {
        do {
            return try SweepTrials.load(id, store: store)
        } catch let error as ReportError where error.code == .noData {
            return nil
        }
    }

    /// The parallel-coordinates figure of `ser plot sweep`, in SVG.
    func sweepSVG(_ id: Int64) throws -> Data {
        guard let sweep = try trials(id) else { throw DashboardError(.notFound, "run \(id) has no child runs (folds or trials)") }
        guard !sweep.keys.isEmpty else {
            throw DashboardError(.notFound, "the \(sweep.trials.count) child runs of run \(id) do not differ in any setting")
        }
        return try SweepFigures.figure(sweep).render(.svg)
    }

    /// The spread of the children's scores (``SweepFigures/spread(_:)``), in SVG.
    func spreadSVG(_ id: Int64) throws -> Data {
        guard let sweep = try trials(id) else { throw DashboardError(.notFound, "run \(id) has no child runs (folds or trials)") }
        return try SweepFigures.spread(sweep).render(.svg)
    }
}
