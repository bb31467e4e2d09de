import Foundation
import SERModel
import SERStore

/// Combines finished k-fold runs that share their folds (same dataset version, same split
/// seed, so the same test speakers in every fold) into one k-fold run whose fold `i`
/// classifies by the mean of the members' fold-`i` class probabilities — or finished
/// training runs with the same test clips into one training run the same way. Nothing is
/// retrained: the members' recorded test predictions are averaged, so the ensemble is exactly
/// what its models would say together on each held-out set.
struct EnsembleBuilder {
    public let store: Store

    /// Config key naming the member runs of an ensemble run.
    public static let membersKey = EnsembleMembers.key

    /// The member runs of `config` (a run's stored settings JSON) if it is an ensemble.
    public static func members(ofConfig config: String) -> [Int64]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any],
            let ids = object[membersKey] as? [NSNumber]
        else { return nil }
        return ids.map(\.int64Value)
    }

    /// One fold of the ensemble: its test clips and the averaged evaluation.
    public struct Fold {
        public var train: [Int64]
        public var validation: [Int64]
        public var test: [Int64]
        public var evaluation: EvaluationRecord
    }

    /// Everything the ensemble run will record, computed before anything is written.
    public struct Plan {
        public var members: [Int64]
        /// `kfold` (members are k-fold parents) or `train` (one held-out set each).
        public var kind: RunKind
        public var datasetVersionID: Int64?
        public var featureConfigID: Int64?
        public var datasetHash: String?
        public var featureConfigHash: String?
        public var folds: [Fold]
    }

    /// - Throws: ``WorkbenchError`` `.invalidRequest` naming the run and the reason: unknown, not a finished k-fold
    ///   parent, unfinished folds, another dataset version, other fold test sets, other classes.
    func plan(_ runIDs: [Int64]) throws -> Plan {
        guard runIDs.count >= 2 else {
            throw WorkbenchError(.invalidRequest, "give at least two k-fold runs (or training runs) to combine")
        }
        guard Set(runIDs).count == runIDs.count else { throw WorkbenchError(.invalidRequest, "a run is named twice") }
        var foldsByMember: [[Int64]] = []
        var kind: RunKind?
        var inputs: (datasetVersionID: Int64?, featureConfigID: Int64?, datasetHash: String?, featureConfigHash: String?)?
        for id in runIDs {
            guard let header = try store.runHeader(id) else { throw WorkbenchError(.invalidRequest, "no run \(id) in \(store.path)") }
            // A fold run is one held-out set, like a training run: fold i of k-fold runs on
            // the same folds (one per seed, say) combines into a training-kind ensemble.
            let shape: RunKind
            switch header.kind {
            case .kfold: shape = .kfold
            case .train, .fold: shape = .train
            default:
                throw WorkbenchError(
                    .invalidRequest,
                    "run \(id) is a \(header.kind.rawValue) run; an ensemble combines k-fold parents (or training or fold runs with the same test clips)"
                )
            }
            if let kind, kind != shape {
                throw WorkbenchError(
                    .invalidRequest,
                    "run \(id) is a \(header.kind.rawValue) run and run \(runIDs[0]) is not; combine runs of one kind: k-fold parents, or training and fold runs"
                )
            }
            kind = shape
            guard header.status == .finished else {
                throw WorkbenchError(.invalidRequest, "run \(id) is \(header.status.rawValue), not finished")
            }
            let folds =
                shape == .train
                ? [(id: id, status: header.status)]
                : try store.childRuns(of: id).filter { $0.kind == .fold }.map { (id: $0.id, status: $0.status) }
            guard !folds.isEmpty, folds.allSatisfy({ $0.status == .finished }) else {
                throw WorkbenchError(.invalidRequest, "run \(id) has unfinished folds")
            }
            let these = try store.runInputIDs(id)
            if let first = inputs {
                guard these.datasetVersionID == first.datasetVersionID else {
                    throw WorkbenchError(.invalidRequest, "run \(id) was trained on another dataset version than run \(runIDs[0])")
                }
                guard folds.count == foldsByMember[0].count else {
                    throw WorkbenchError(.invalidRequest, "run \(id) has \(folds.count) folds, run \(runIDs[0]) \(foldsByMember[0].count)")
                }
            } else {
                inputs = these
            }
            foldsByMember.append(folds.map(\.id))
        }
        guard let inputs, let versionID = inputs.datasetVersionID else {
            throw WorkbenchError(.invalidRequest, "run \(runIDs[0]) names no dataset version")
        }
        let labels = Dictionary(
            uniqueKeysWithValues: try store.read { db in try DatasetStore.clips(versionID: versionID, db) }.compactMap { clip in
                clip.id.map { ($0, clip.label) }
            })
        var folds: [Fold] = []
        var classes: [String]?
        for i in foldsByMember[0].indices {
            let reference = foldsByMember[0][i]
            let test = try store.splitClips(reference, subset: "test")
            var sums: [Int64: [Double]] = [:]
            for (m, memberFolds) in foldsByMember.enumerated() {
                let child = memberFolds[i]
                guard try store.splitClips(child, subset: "test") == test else {
                    throw WorkbenchError(
                        .invalidRequest,
                        kind == .train
                            ? "run \(runIDs[m]) tests other clips than run \(runIDs[0]) (another --split-seed or --test-speakers?); only runs with the same test clips can be combined"
                            : "fold \(i + 1) of run \(runIDs[m]) tests other clips than fold \(i + 1) of run \(runIDs[0]) (trained with another --seed or --split?); only runs with the same folds can be combined"
                    )
                }
                guard let best = try store.checkpoint(child, kind: .best) else {
                    throw WorkbenchError(.invalidRequest, "run \(child) has no best checkpoint")
                }
                if let classes, classes != best.classes {
                    throw WorkbenchError(.invalidRequest, "run \(runIDs[m]) has other classes (\(best.classes.joined(separator: ", ")))")
                }
                classes = best.classes
                for p in try store.runPredictions(child, subset: "test") {
                    guard p.probabilities.count == best.classes.count else { continue }
                    if sums[p.clipID] == nil { sums[p.clipID] = [Double](repeating: 0, count: best.classes.count) }
                    for c in p.probabilities.indices { sums[p.clipID]?[c] += p.probabilities[c] }
                }
            }
            guard let classes else { throw WorkbenchError(.invalidRequest, "run \(reference) has no classes") }
            var truth: [Int] = [], predicted: [Int] = []
            var predictions: [EvaluationRecord.Prediction] = []
            for clip in test {
                guard let sum = sums[clip], let label = labels[clip], let y = classes.firstIndex(of: label) else { continue }
                let mean = sum.map { $0 / Double(runIDs.count) }
                let p = mean.indices.max { mean[$0] < mean[$1] } ?? 0
                truth.append(y)
                predicted.append(p)
                predictions.append(EvaluationRecord.Prediction(clipID: clip, predicted: classes[p], probabilities: mean.map(Float.init)))
            }
            guard !truth.isEmpty else { throw WorkbenchError(.invalidRequest, "fold \(i + 1): the members recorded no test predictions") }
            let m = try ClassificationMetrics(labels: truth, predictions: predicted, classCount: classes.count)
            let evaluation = EvaluationRecord(
                subset: "test", metrics: m.summary, classes: m.classRecords(labels: classes), labels: classes, confusion: m.confusion,
                predictions: predictions)
            folds.append(
                Fold(
                    train: try store.splitClips(reference, subset: "train"), validation: try store.splitClips(reference, subset: "val"),
                    test: test, evaluation: evaluation))
        }
        return Plan(
            members: runIDs, kind: kind ?? .kfold, datasetVersionID: versionID, featureConfigID: inputs.featureConfigID,
            datasetHash: inputs.datasetHash,
            featureConfigHash: inputs.featureConfigHash, folds: folds)
    }

    /// Records `plan` as a new run: a k-fold parent with one finished fold per member fold,
    /// or (members are training runs) one training run, each with its split, averaged
    /// evaluation and predictions; config `{"ensembleOf": [...]}`. A failure marks it failed.
    ///
    /// - Returns: the new run's id and its test metrics (mean and standard deviation over folds).
    /// - Parameter uuid: the run's UUID (a queued ensemble's group), or nil for a new one.
    func record(_ plan: Plan, name: String?, tags: [String], commandLine: String, uuid: String? = nil) throws -> (
        run: Int64, metrics: [String: (mean: Double, std: Double)]
    ) {
        let runs = plan.members.map(String.init).joined(separator: ",")
        let config = "{\"\(Self.membersKey)\":[\(runs)],\"combine\":\"mean of class probabilities\"}"
        let provenance = ProvenanceCollector.collect(datasetHash: plan.datasetHash, featureConfigHash: plan.featureConfigHash)
        let split = plan.kind == .train ? "ensemble" : "kfold:\(plan.folds.count)"
        func newRun(_ kind: RunKind, parent: Int64?, name: String?) -> NewRun {
            NewRun(
                name: name, kind: kind, parentID: parent, datasetVersionID: plan.datasetVersionID,
                featureConfigID: plan.featureConfigID, split: split, seed: 0, config: config,
                commandLine: commandLine, tags: parent == nil ? tags : [],
                hyperparameters: [Self.membersKey: "[\(runs)]"], provenance: provenance, uuid: parent == nil ? uuid : nil)
        }
        let title = name ?? "ensemble of \(plan.members.map(String.init).joined(separator: ", "))"
        let parent = try store.createRun(newRun(plan.kind, parent: nil, name: title))
        do {
            try store.markRunning(parent, pid: getpid())
            var tests: [EvaluationRecord] = []
            for (i, fold) in plan.folds.enumerated() {
                let child =
                    plan.kind == .train ? parent : try store.createRun(newRun(.fold, parent: parent, name: "\(title) fold \(i + 1)"))
                try store.recordSplit(child, train: fold.train, validation: fold.validation, test: fold.test)
                try store.recordEvaluation(child, fold.evaluation)
                if child != parent { try store.endRun(child, status: .finished) }
                tests.append(fold.evaluation)
            }
            let aggregate = Store.aggregate(tests.map(\.metrics))
            if plan.kind == .kfold { try store.recordAggregate(parent, subset: "test", metrics: aggregate) }
            try store.endRun(parent, status: .finished)
            return (parent, aggregate)
        } catch {
            try? store.endRun(parent, status: .failed, error: "\(error)")
            throw error
        }
    }
}
