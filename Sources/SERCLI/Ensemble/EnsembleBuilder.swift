import Foundation
import SERModel
import SERStore

/// Combines finished k-fold runs that share their folds (same dataset version, same seed,
/// so the same test speakers in every fold) into one k-fold run whose fold `i` classifies
/// by the mean of the members' fold-`i` class probabilities. Nothing is retrained: the
/// members' recorded test predictions are averaged, so the ensemble is exactly what its
/// models would say together on each held-out fold.
struct EnsembleBuilder {
    let store: Store

    /// Config key naming the member runs of an ensemble run.
    static let membersKey = "ensembleOf"

    /// The member runs of `config` (a run's stored settings JSON) if it is an ensemble.
    static func members(ofConfig config: String) -> [Int64]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any],
            let ids = object[membersKey] as? [NSNumber]
        else { return nil }
        return ids.map(\.int64Value)
    }

    /// One fold of the ensemble: its test clips and the averaged evaluation.
    struct Fold {
        var train: [Int64]
        var validation: [Int64]
        var test: [Int64]
        var evaluation: EvaluationRecord
    }

    /// Everything the ensemble run will record, computed before anything is written.
    struct Plan {
        var members: [Int64]
        var datasetVersionID: Int64?
        var featureConfigID: Int64?
        var datasetHash: String?
        var featureConfigHash: String?
        var folds: [Fold]
    }

    /// - Throws: ``RunFailure`` naming the run and the reason: unknown, not a finished k-fold
    ///   parent, unfinished folds, another dataset version, other fold test sets, other classes.
    func plan(_ runIDs: [Int64]) throws -> Plan {
        guard runIDs.count >= 2 else { throw RunFailure("give at least two k-fold runs to combine") }
        guard Set(runIDs).count == runIDs.count else { throw RunFailure("a run is named twice") }
        var foldsByMember: [[Int64]] = []
        var inputs: (datasetVersionID: Int64?, featureConfigID: Int64?, datasetHash: String?, featureConfigHash: String?)?
        for id in runIDs {
            guard let header = try store.runHeader(id) else { throw RunFailure("no run \(id) in \(store.path)") }
            guard header.kind == "kfold" else { throw RunFailure("run \(id) is a \(header.kind) run; an ensemble combines k-fold parents") }
            guard header.status == "finished" else { throw RunFailure("run \(id) is \(header.status), not finished") }
            let folds = try store.childRuns(of: id).filter { $0.kind == "fold" }
            guard !folds.isEmpty, folds.allSatisfy({ $0.status == "finished" }) else {
                throw RunFailure("run \(id) has unfinished folds")
            }
            let these = try store.runInputIDs(id)
            if let first = inputs {
                guard these.datasetVersionID == first.datasetVersionID else {
                    throw RunFailure("run \(id) was trained on another dataset version than run \(runIDs[0])")
                }
                guard folds.count == foldsByMember[0].count else {
                    throw RunFailure("run \(id) has \(folds.count) folds, run \(runIDs[0]) \(foldsByMember[0].count)")
                }
            } else {
                inputs = these
            }
            foldsByMember.append(folds.map(\.id))
        }
        guard let inputs, let versionID = inputs.datasetVersionID else { throw RunFailure("run \(runIDs[0]) names no dataset version") }
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
                    throw RunFailure(
                        "fold \(i + 1) of run \(runIDs[m]) tests other clips than fold \(i + 1) of run \(runIDs[0]) (trained with another --seed or --split?); only runs with the same folds can be combined")
                }
                guard let best = try store.checkpoint(child, kind: .best) else { throw RunFailure("run \(child) has no best checkpoint") }
                if let classes, classes != best.classes {
                    throw RunFailure("run \(runIDs[m]) has other classes (\(best.classes.joined(separator: ", ")))")
                }
                classes = best.classes
                for p in try store.runPredictions(child, subset: "test") {
                    guard p.probabilities.count == best.classes.count else { continue }
                    if sums[p.clipID] == nil { sums[p.clipID] = [Double](repeating: 0, count: best.classes.count) }
                    for c in p.probabilities.indices { sums[p.clipID]?[c] += p.probabilities[c] }
                }
            }
            guard let classes else { throw RunFailure("run \(reference) has no classes") }
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
            guard !truth.isEmpty else { throw RunFailure("fold \(i + 1): the members recorded no test predictions") }
            let m = try ClassificationMetrics(labels: truth, predictions: predicted, classCount: classes.count)
            let evaluation = EvaluationRecord(
                subset: "test", metrics: m.summary, classes: m.classRecords(labels: classes), labels: classes, confusion: m.confusion,
                predictions: predictions)
            folds.append(Fold(
                train: try store.splitClips(reference, subset: "train"), validation: try store.splitClips(reference, subset: "val"),
                test: test, evaluation: evaluation))
        }
        return Plan(
            members: runIDs, datasetVersionID: versionID, featureConfigID: inputs.featureConfigID, datasetHash: inputs.datasetHash,
            featureConfigHash: inputs.featureConfigHash, folds: folds)
    }
}
