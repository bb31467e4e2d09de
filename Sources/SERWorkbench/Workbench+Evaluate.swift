public import SERStore

extension Workbench {
    /// Measures run `run` on a labelled dataset version (`NAME` or `NAME@VERSION`) and records
    /// the evaluation: a training run or fold with its best weights, a k-fold parent as the
    /// ensemble of its folds, an ensemble as its members' mean probabilities. Per-speaker runs
    /// are evaluated as they were tested (each speaker z-scored with its own clips).
    ///
    /// - Throws: ``ModelUseError`` naming the run, ``WorkbenchError`` naming the dataset.
    ///
    /// - Parameter enrollment: for a per-speaker run, normalise each speaker with the
    ///   statistics of `clips` of their clips (chosen with `seed`; not scored) — the accuracy a
    ///   deployed model reaches after enrolling a new speaker with that many recordings.
    public func evaluate(run: Int64, dataset: String, enrollment: (clips: Int, seed: Int)? = nil) throws -> DatasetEvaluation {
        let evaluator = DatasetEvaluator(workbench: self)
        var evaluation = try evaluator.evaluate(
            runID: run, models: try evaluator.models(of: run), datasetSpec: dataset, enrollment: enrollment)
        evaluation.id = try store.recordDatasetEvaluation(evaluation, commandLine: invocation.commandLine)
        return evaluation
    }

    /// The trained model of run `run` (its best checkpoint, recipe and normalisation), ready
    /// to predict and export.
    ///
    /// - Parameter allowPartial: accept a run that did not finish (it needs a best checkpoint).
    /// - Throws: ``ModelUseError`` naming the run and why it cannot be used.
    public func model(ofRun run: Int64, allowPartial: Bool = false) throws -> TrainedModel {
        try TrainedModel.load(store: store, runID: run, allowPartial: allowPartial)
    }

    /// The models that classify for run `run`, ready for ``ModelEnsemble/classify(_:cancellation:)``:
    /// a training run's best checkpoint, a k-fold parent's finished folds, or every member's
    /// models of an ensemble, their probabilities averaged.
    ///
    /// - Parameter allowPartial: accept a training run that did not finish.
    /// - Throws: ``ModelUseError`` naming the run: unknown, a sweep parent, unfinished, or
    ///   trained with per-speaker normalisation without `enrolling` (it needs the speaker's clips).
    /// - Parameter enrolling: accept per-speaker models (the caller classifies with an
    ///   enrolment of the speaker, ``ModelEnsemble/classify(_:enrollment:cancellation:)``).
    public func predictor(ofRun run: Int64, allowPartial: Bool = false, enrolling: Bool = false) throws -> ModelEnsemble {
        let models = try DatasetEvaluator(workbench: self).models(of: run, allowPerSpeaker: enrolling, allowPartial: allowPartial)
        return try ModelEnsemble(runID: run, members: models)
    }
}
