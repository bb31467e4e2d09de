import Foundation
public import SERRemote
public import SERWorkbench

extension QueuePlan {
    /// The plan as queue rows: a fresh UUID for every trial (the UUID its run will get) and
    /// for the sweep.
    /// - Parameter maxAttempts: claims of a trial whose worker stops heartbeating before it is
    ///   marked failed.
    public func submission(maxAttempts: Int = 3) -> QueueSubmission {
        let group = parent.map { QueueSubmission.Group(uuid: UUID().uuidString.lowercased(), parent: $0) }
        let trials = trials.map { QueueSubmission.Trial(uuid: UUID().uuidString.lowercased(), run: $0) }
        return QueueSubmission(
            datasetVersionHash: datasetVersionHash, group: group, trials: trials, commandLine: commandLine, maxAttempts: maxAttempts)
    }
}
