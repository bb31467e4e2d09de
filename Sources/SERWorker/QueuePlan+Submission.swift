import Foundation
public import SERRemote
public import SERWorkbench

extension QueuePlan {
    /// The plan as queue rows: a fresh UUID for every trial (the UUID its run will get) and
    /// for the sweep.
    /// - Parameter maxAttempts: claims of a trial whose worker stops heartbeating before it is
    ///   marked failed.
    public func submission(maxAttempts: Int = 3) -> QueueSubmission {
        let group = parent.map { parent in
            QueueSubmission.Group(
                uuid: UUID().uuidString.lowercased(), kind: parent.kind.rawValue, name: parent.name, config: parent.config,
                hyperparameters: parent.hyperparameters, split: parent.split, seed: parent.seed, tags: parent.tags,
                featureConfigHash: parent.featureConfigHash)
        }
        let trials = trials.map { trial in
            QueueSubmission.Trial(
                uuid: UUID().uuidString.lowercased(), name: trial.name, kind: trial.kind.rawValue, settings: trial.settings,
                featureConfigHash: trial.featureConfigHash, tags: trial.tags, note: trial.note)
        }
        return QueueSubmission(
            datasetVersionHash: datasetVersionHash, group: group, trials: trials, commandLine: commandLine, maxAttempts: maxAttempts)
    }
}
