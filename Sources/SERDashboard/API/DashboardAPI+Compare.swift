import SERReports

/// What differs between two runs' confusion matrices.
extension DashboardAPI {
    /// The confusion difference of `ids[1]` against `ids[0]` on `subset` (default: the first
    /// subset both were evaluated on, test first).
    ///
    /// - Throws: ``DashboardError`` `.badRequest` unless exactly two runs are given or when
    ///   they classify different emotions; `.notFound` when they share no evaluated subset.
    func confusionDifference(_ ids: [Int64], subset: String?) throws -> ConfusionDifference {
        guard ids.count == 2 else { throw DashboardError(.badRequest, "give exactly two runs: ?run=A&run=B (B is compared against A)") }
        let chosen: String
        if let subset {
            chosen = subset
        } else {
            let other = Set(try store.evaluatedSubsets(ids[1]))
            guard let common = try store.evaluatedSubsets(ids[0]).first(where: other.contains) else {
                throw DashboardError(
                    .notFound, "runs \(ids[0]) and \(ids[1]) have no evaluated subset in common: no confusion matrices to compare")
            }
            chosen = common
        }
        do {
            return try ConfusionDifference(
                base: try confusionCounts(ids[0], subset: chosen), baseRunID: ids[0], other: try confusionCounts(ids[1], subset: chosen),
                otherRunID: ids[1])
        } catch let error as ReportError {
            throw DashboardError(.badRequest, error.description)
        }
    }
}
