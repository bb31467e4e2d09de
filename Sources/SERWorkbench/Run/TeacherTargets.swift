import Foundation
import SERCore
import SERExperiment
import SERStore

/// A teacher's class probabilities for the training clips of a run's splits, the soft
/// targets of knowledge distillation (`--teacher RUN`).
///
/// The teacher is a finished k-fold run or an ensemble of them (`ser ensemble`, `--seeds`),
/// or a training run, trained on the same dataset version. Split `i` takes the mean
/// probabilities of the teacher's models whose test clips are exactly split `i`'s: one
/// fold of every member. Those models never saw split `i`'s test speakers, so the student
/// of split `i` learns nothing about them; each model is used as it was trained (its
/// recipe, normalisation and, for a per-speaker member, the training speakers' own
/// statistics, which are known at training time).
struct TeacherTargets {
    let workbench: Workbench
    var store: Store { workbench.store }

    /// The mean teacher probabilities (in `data.classes`' order) of each split's training
    /// clips, softened by `temperature` (``soften(_:temperature:)``), one ``SoftTargets`` per
    /// split in order. With `copies` (speed factors, `--distill-copies teacher`) the teacher
    /// also classifies each clip's copy at every factor, from its own features of the
    /// perturbed audio (computed and cached like any recipe's), each copy normalised as the
    /// teacher's training normalised copies (a per-speaker model: the copy's speaker at that
    /// speed, as a speaker of its own).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` for key `teacher` naming the run and the
    ///   reason: unknown, unfinished, another dataset version or other classes, a model tested
    ///   on clips no split tests, a split no teacher model was tested on; ``ModelUseError``
    ///   and ``WorkbenchError`` from preparing the teacher's features; `.cancelled`.
    func probabilities(
        teacher: Int64, splits: [Split], data: PreparedData, temperature: Double = 1, copies factors: [Double] = []
    ) throws -> [SoftTargets] {
        func refuse(_ reason: String) -> WorkbenchError { WorkbenchError.setting("teacher", "run \(teacher) \(reason)") }
        guard try store.runHeader(teacher) != nil else { throw refuse("is not in \(store.path) (see `ser runs`)") }
        let evaluator = DatasetEvaluator(workbench: workbench)
        let models: [TrainedModel]
        do {
            models = try evaluator.models(of: teacher)
        } catch let error as ModelUseError {
            throw refuse("cannot teach: \(error.reason)")
        }
        guard let reference = models.first, reference.classes == data.classes else {
            throw refuse(
                "classifies \(models.first?.classes.joined(separator: ", ") ?? "nothing"), this run \(data.classes.joined(separator: ", "))"
            )
        }
        let splitOfTest = Dictionary(splits.enumerated().map { (Set($1.test), $0) }, uniquingKeysWith: { first, _ in first })
        var assigned: [(split: Int, model: TrainedModel)] = []
        for model in models {
            guard let id = model.runID else { continue }
            guard model.datasetHash == nil || model.datasetHash == data.version.hash else {
                throw refuse(
                    "was trained on another version of the data (model of run \(id)); train the teacher on \(data.dataset.name)@\(data.version.shortHash)"
                )
            }
            guard let split = splitOfTest[Set(try store.splitClips(id, subset: "test"))] else {
                throw refuse(
                    "has a model (run \(id)) tested on other clips than any of this run's splits; a teacher needs the same "
                        + "dataset version, --split and --split-seed")
            }
            assigned.append((split, model))
        }
        let counts = Dictionary(grouping: assigned, by: \.split).mapValues(\.count)
        if let missing = splits.indices.first(where: { counts[$0] == nil }) {
            throw refuse("has no model tested on split \(missing + 1)'s clips; a teacher needs the same --split and --split-seed")
        }
        // sums[split][0] sums the clips as recorded, sums[split][1 + c] copy c.
        var sums = [[[Int64: [Double]]]](repeating: [[Int64: [Double]]](repeating: [:], count: 1 + factors.count), count: splits.count)
        let classCount = data.classes.count
        // Models grouped by how their input is made, each group's features prepared once.
        let groups = Dictionary(grouping: assigned) {
            "\($0.model.featureConfig.hash) \($0.model.perSpeaker) \($0.model.modelConfig.maxFrames)"
        }
        for key in groups.keys.sorted() {
            guard let group = groups[key], let first = group.first?.model, let settingsRun = first.runID,
                let header = try store.runHeader(settingsRun)
            else { continue }
            var wanted = try RunSettings.stored(header)
            wanted.dataset = "\(data.dataset.name)@\(data.version.hash)"
            wanted.speedPerturb = factors
            let prepared = try DataPreparer.prepare(workbench, settings: wanted)
                .normalizedPerSpeaker(if: first.perSpeaker, maxFrames: first.modelConfig.maxFrames)
            let engines = PredictionEngines()
            for (split, model) in group {
                if workbench.cancellation.isCancelled {
                    throw WorkbenchError(.cancelled, "interrupted while the teacher (run \(teacher)) classified the training clips")
                }
                let ids = data.usable(splits[split].train).map(\.id)
                let weight = 1 / Double(counts[split] ?? 1)
                for copy in 0...factors.count {
                    let raw = ids.compactMap { prepared.raw($0, copy: copy == 0 ? nil : copy - 1) }
                    guard raw.count == ids.count else { throw refuse("has no features for some training clips of split \(split + 1)") }
                    let p = try model.probabilities(raw, engines: engines)
                    for (row, id) in ids.enumerated() {
                        var sum = sums[split][copy][id] ?? [Double](repeating: 0, count: classCount)
                        for c in 0..<classCount { sum[c] += weight * Double(p[row, c]) }
                        sums[split][copy][id] = sum
                    }
                }
            }
        }
        return sums.map { maps in
            let softened = maps.map { $0.mapValues { Self.soften($0, temperature: temperature).map(Float.init) } }
            return SoftTargets(clips: softened[0], copies: Array(softened.dropFirst()))
        }
    }

    /// `p^(1/T)` renormalised to sum 1 (the softmax of `log p / T`); `p` itself at `T = 1`.
    /// A zero probability stays zero.
    static func soften(_ p: [Double], temperature: Double) -> [Double] {
        guard temperature != 1 else { return p }
        let powered = p.map { $0 > 0 ? exp(log($0) / temperature) : 0 }
        let total = powered.reduce(0, +)
        return total > 0 ? powered.map { $0 / total } : p
    }

    /// How the teacher sees the training clips: its accuracy (argmax = label) and the mean
    /// probability it gives each clip's own label, over all splits' targets of the clips as
    /// recorded.
    static func summary(_ targets: [SoftTargets], data: PreparedData) -> (accuracy: Double, labelProbability: Double) {
        var clips = 0, correct = 0, probability = 0.0
        for split in targets {
            for (id, p) in split.clips {
                guard let label = data.labelIndex(of: id), p.indices.contains(label) else { continue }
                clips += 1
                probability += Double(p[label])
                if p.indices.max(by: { p[$0] < p[$1] }) == label { correct += 1 }
            }
        }
        return clips == 0 ? (0, 0) : (Double(correct) / Double(clips), probability / Double(clips))
    }
}
