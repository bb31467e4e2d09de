import Dispatch
import Foundation
import SERCore
import SERExperiment
import SERModel
import SERStore

/// Trains and evaluates one run (a plain run or one fold) whose row, split and normalisation
/// are already in the store, committing every epoch, and ends it finished, failed or
/// interrupted.
struct RunExecutor {
    let workbench: Workbench
    let runID: Int64
    let settings: RunSettings
    let data: PreparedData
    let split: Split
    let normalizer: Normalizer
    /// `--teacher`: the teacher's class probabilities of each training clip (and, with
    /// `--distill-copies teacher`, of its speed-perturbed copies).
    let teacher: SoftTargets?
    var store: Store { workbench.store }

    /// The outcome of one run.
    struct Result {
        var status: RunStatus
        var test: EvaluationRecord?
        /// The epoch with the best monitored value.
        var bestEpoch: Int?
        /// The epoch whose weights were evaluated (`--select best`: the best; `last`: the last).
        var selectedEpoch: Int?
        var epochsDone: Int
    }

    /// Trains from scratch, or from the run's `last` checkpoint when `resume` is set.
    func execute(resume: Bool) throws -> Result {
        let resumedFrom = resume ? try store.checkpointEpoch(runID, kind: .last) : nil
        try store.markRunning(runID, pid: getpid(), resumedFromEpoch: resumedFrom)
        let heartbeat = Heartbeat(store: store, runID: runID)
        defer { heartbeat.stop() }
        do {
            return try train(resume: resume)
        } catch {
            try? store.endRun(runID, status: .failed, error: "\(error)")
            throw error
        }
    }

    private func train(resume: Bool) throws -> Result {
        let maxFrames = settings.maxFrames
        // The training clips the dataset keeps, row for row. The speed-perturbed copies are
        // normalised clip by clip as epochs draw them, not kept normalised beside the raw
        // copies (a third of LP1's peak memory).
        let trainIDs = data.usable(split.train).map(\.id)
        let trainSet = try withTeacherTargets(try data.dataset(split.train, normalizer: normalizer, maxFrames: maxFrames), ids: trainIDs)
        let validationSet = try data.dataset(split.validation, normalizer: normalizer, maxFrames: maxFrames)
        let testSet = try data.dataset(split.test, normalizer: normalizer, maxFrames: maxFrames)
        let enrollment =
            settings.simulateEnrollment > 0
            ? data.simulatedEnrollment(
                trainIDs: split.train, clipsPerDraw: settings.simulateEnrollment, maxFrames: maxFrames, normalizer: normalizer,
                seed: settings.seed)
            : nil
        let weights = settings.classWeights == .balanced ? data.balancedWeights(split.train) : nil
        let config = settings.modelConfig(inputDims: data.dims, classCount: data.classes.count, classWeights: weights)
        let trainer = try Trainer(config: config, threads: settings.threads)
        let monitorMode: EarlyStopping.Mode = settings.monitor == .valLoss ? .minimize : .maximize
        var early = EarlyStopping(mode: monitorMode, patience: settings.patience > 0 ? settings.patience : Int.max / 2)
        var startEpoch = 1
        if resume, let last = try store.checkpoint(runID, kind: .last) {
            let state = try JSONDecoder().decode(ResumeState.self, from: Data(last.state.utf8))
            if state.stoppedEarly { startEpoch = settings.epochs + 1 }
            let byName = Dictionary(uniqueKeysWithValues: last.tensors.map { ($0.name, $0) })
            try trainer.setWeights(last.tensors.filter { !$0.name.hasPrefix("optimizer.") })
            try trainer.restore(
                TrainerState(
                    epoch: state.epoch,
                    optimizer: OptimizerState(
                        step: state.optimizerStep, first: byName["optimizer.first"]?.values ?? [],
                        second: byName["optimizer.second"]?.values ?? [], average: byName["optimizer.average"]?.values ?? []),
                    rngState: state.rngState, plateauBest: state.plateauBest, plateauWait: state.plateauWait,
                    plateauScale: state.plateauScale))
            early = state.earlyStopping
            startEpoch = max(startEpoch, last.epoch + 1)
            workbench.observer.handle(.resumed(run: runID, afterEpoch: last.epoch))
        }
        workbench.observer.handle(
            .started(
                RunStart(
                    run: runID, settings: settings, dataset: data.dataset.name, version: data.version.shortHash, clips: data.clips.count,
                    classes: data.classes.count, dims: data.dims, train: split.train.count, validation: split.validation.count,
                    test: split.test.count, parameters: trainer.parameterCount)))
        var stoppedEarly = false
        var epoch = startEpoch
        while epoch <= settings.epochs {
            if workbench.cancellation.isCancelled {
                try store.endRun(
                    runID, status: .interrupted,
                    error: "interrupted after epoch \(epoch - 1); resume with `ser run --resume \(runID)`")
                workbench.observer.handle(.interrupted(run: runID, afterEpoch: epoch - 1))
                return Result(status: .interrupted, test: nil, bestEpoch: early.bestEpoch, selectedEpoch: nil, epochsDone: epoch - 1)
            }
            let started = DispatchTime.now().uptimeNanoseconds
            let result = try trainer.trainEpoch(augmented(trainSet, ids: trainIDs, enrollment: enrollment, epoch: epoch))
            try Self.checkFinite(loss: result.loss, epoch: epoch)
            var record = EpochRecord(
                epoch: epoch, trainLoss: result.loss, trainAccuracy: result.accuracy,
                learningRate: Double(result.learningRate), wallSeconds: 0)
            var monitored = result.loss
            if validationSet.count > 0 {
                let v = try trainer.withEvaluationWeights { () throws(ModelError) in try trainer.evaluate(validationSet) }
                let metrics = try ClassificationMetrics(
                    labels: validationSet.labels ?? [], predictions: v.predictions, classCount: data.classes.count)
                record.validationLoss = v.loss.flatMap { $0.isFinite ? $0 : nil }
                record.validationAccuracy = metrics.accuracy
                record.validationF1 = metrics.macroF1
                record.validationUAR = metrics.unweightedAverageRecall
                if let loss = v.loss { trainer.observeValidation(loss: loss) }
                switch settings.monitor {
                case .valAcc: monitored = metrics.accuracy
                case .valF1: monitored = metrics.macroF1
                case .valLoss: monitored = v.loss ?? result.loss
                }
            } else if monitorMode == .maximize {
                monitored = result.accuracy
            }
            let decision = early.update(epoch: epoch, value: monitored)
            stoppedEarly = decision == .stop && settings.patience > 0
            record.wallSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            let tensors = trainer.weights()
            // The weights evaluated at the end: the monitored best, or simply the latest epoch
            // (`--select last`, the seed pipeline's behaviour); the weight average under `--ema`.
            let keep = settings.select == .last || decision == .improved
            let best =
                keep
                ? Checkpoint(kind: .best, epoch: epoch, classes: data.classes, tensors: trainer.evaluationWeights()) : nil
            let state = trainer.state()
            let resumeState = ResumeState(
                epoch: state.epoch, optimizerStep: state.optimizer.step, rngState: state.rngState,
                plateauBest: state.plateauBest, plateauWait: state.plateauWait, plateauScale: state.plateauScale,
                earlyStopping: early, stoppedEarly: stoppedEarly)
            let last = Checkpoint(
                kind: .last, epoch: epoch, classes: data.classes,
                state: String(decoding: try JSONEncoder().encode(resumeState), as: UTF8.self),
                tensors: tensors + [
                    NamedTensor(name: "optimizer.first", shape: [state.optimizer.first.count], values: state.optimizer.first),
                    NamedTensor(name: "optimizer.second", shape: [state.optimizer.second.count], values: state.optimizer.second),
                ]
                    + (state.optimizer.average.isEmpty
                        ? []
                        : [NamedTensor(name: "optimizer.average", shape: [state.optimizer.average.count], values: state.optimizer.average)])
            )
            try store.recordEpoch(runID, record, last: last, best: best, improved: decision == .improved)
            workbench.observer.handle(.epoch(run: runID, record, total: settings.epochs, improved: decision == .improved))
            if stoppedEarly {
                workbench.observer.handle(.stoppedEarly(run: runID, monitor: settings.monitor.rawValue, patience: settings.patience))
                break
            }
            epoch += 1
        }
        // Evaluate the best weights on validation and test.
        guard let best = try store.checkpoint(runID, kind: .best) else {
            throw WorkbenchError(.trainingFailed, "run \(runID) has no best checkpoint to evaluate")
        }
        try trainer.setWeights(best.tensors)
        var testEvaluation: EvaluationRecord?
        for (subset, set, ids) in [("val", validationSet, split.validation), ("test", testSet, split.test)] where set.count > 0 {
            let evaluation = try evaluate(trainer, set, ids: ids, subset: subset)
            try store.recordEvaluation(runID, evaluation)
            if subset == "test" { testEvaluation = evaluation }
        }
        try store.endRun(runID, status: .finished)
        return Result(
            status: .finished, test: testEvaluation, bestEpoch: early.bestEpoch ?? best.epoch, selectedEpoch: best.epoch, epochsDone: epoch)
    }

    /// The training set as this epoch sees it: each clip (`ids`, aligned with `set`) drawn
    /// from its original and its speed-perturbed copies (normalised as `set` is, with the
    /// teacher's targets of the copy drawn when it classified the copies),
    /// renormalised with a simulated enrolment's statistics, then augmented afresh (all
    /// seeded by run seed, epoch and clip) when the settings ask for it; else unchanged.
    private func augmented(
        _ set: SequenceDataset, ids: [Int64], enrollment: SimulatedEnrollment?, epoch: Int
    ) throws -> SequenceDataset {
        let augmenter = settings.augmenter
        let copies = data.copies.count
        guard augmenter.isActive || copies > 0 || enrollment != nil else { return set }
        let seed = UInt64(truncatingIfNeeded: settings.seed)
        let sampler = CopySampler(copies: copies + 1)
        let choices = set.sequences.indices.map { sampler.choice(seed: seed, epoch: epoch, index: $0) }
        let sequences = set.sequences.indices.map { i in
            let choice = choices[i]
            var m = set.sequences[i]
            if choice > 0, let raw = data.raw(ids[i], copy: choice - 1) {
                m = normalizer.apply(PreparedData.truncate(raw, to: settings.maxFrames))
            }
            if let enrollment { m = enrollment.apply(m, index: i, copy: choice, seed: seed, epoch: epoch) }
            return augmenter.augment(m, seed: seed, epoch: epoch, index: i)
        }
        let targets =
            if let teacher, !teacher.copies.isEmpty { try targetMatrix(teacher, ids: ids, drawn: choices) } else { set.targets }
        return try SequenceDataset(sequences: sequences, labels: set.labels, targets: targets)
    }

    /// The training set with the teacher's probabilities of its clips (`ids`, row for row) as
    /// soft targets; unchanged without a teacher.
    ///
    /// - Throws: ``WorkbenchError`` `.unusableData` naming a training clip the teacher did not classify.
    private func withTeacherTargets(_ set: SequenceDataset, ids: [Int64]) throws -> SequenceDataset {
        guard let teacher else { return set }
        return try SequenceDataset(sequences: set.sequences, labels: set.labels, targets: try targetMatrix(teacher, ids: ids))
    }

    /// The teacher's targets `[ids.count, classes]` of the clips `ids`, row for row: each clip
    /// as recorded, or as `drawn` (aligned with `ids`: 0 the clip, `c > 0` its copy `c − 1`).
    ///
    /// - Throws: ``WorkbenchError`` `.unusableData` naming a training clip the teacher did not classify.
    private func targetMatrix(_ teacher: SoftTargets, ids: [Int64], drawn: [Int]? = nil) throws -> Matrix {
        let classes = data.classes.count
        var values: [Float] = []
        values.reserveCapacity(ids.count * classes)
        for (i, id) in ids.enumerated() {
            let copy = drawn.flatMap { $0[i] > 0 ? $0[i] - 1 : nil }
            guard let p = teacher.target(id, copy: copy), p.count == classes else {
                throw WorkbenchError(.unusableData, "the teacher gave no class probabilities for training clip \(id)")
            }
            values.append(contentsOf: p)
        }
        guard let targets = Matrix(rows: ids.count, columns: classes, values: values) else {
            throw WorkbenchError(.unusableData, "the teacher's probabilities do not cover the \(ids.count) training clips")
        }
        return targets
    }

    /// Stops a run whose training loss is no longer a finite number: its weights are then
    /// NaN or ∞ and every later epoch, checkpoint and evaluation would be garbage.
    ///
    /// - Throws: ``WorkbenchError`` `.trainingFailed` naming the epoch and the value; the run ends `failed` with it.
    static func checkFinite(loss: Double, epoch: Int) throws {
        guard loss.isFinite else {
            throw WorkbenchError(
                .trainingFailed,
                "epoch \(epoch): the training loss became \(loss) (not a finite number), so the weights are no longer usable; "
                    + "the run stopped (lower --lr, add --clip-norm, or check the features for extreme values)")
        }
    }

    /// Metrics, per-class scores, confusion matrix and predictions of `set`.
    private func evaluate(_ trainer: Trainer, _ set: SequenceDataset, ids: [Int64], subset: String) throws -> EvaluationRecord {
        let out = try trainer.evaluate(set)
        let labels = set.labels ?? []
        let m = try ClassificationMetrics(labels: labels, predictions: out.predictions, classCount: data.classes.count)
        var metrics = m.summary
        if let loss = out.loss { metrics["loss"] = loss }
        let classes = m.classRecords(labels: data.classes)
        let usedIDs = data.usable(ids).map(\.id)
        let predictions = zip(usedIDs, out.predictions).enumerated().map { row, pair in
            EvaluationRecord.Prediction(clipID: pair.0, predicted: data.classes[pair.1], probabilities: out.probabilities.row(row))
        }
        return EvaluationRecord(
            subset: subset, metrics: metrics, classes: classes, labels: data.classes, confusion: m.confusion, predictions: predictions)
    }
}

/// Refreshes a run's heartbeat every 10 seconds from a background queue.
final class Heartbeat: @unchecked Sendable {
    private let timer: any DispatchSourceTimer

    init(store: Store, runID: Int64, interval: Double = 10) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler { try? store.heartbeat(runID) }
        timer.resume()
    }

    func stop() { timer.cancel() }
}
