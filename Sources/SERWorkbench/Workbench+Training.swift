import Foundation
import SERStore

extension Workbench {
    /// Trains and evaluates a new run (for `split kfold:K`, a k-fold parent and its folds),
    /// every epoch committed as it ends. Cancelled, the run ends `interrupted` and can be
    /// resumed with ``resume(run:)``.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` (naming the key) before anything is
    ///   written; `.unusableData`, `.trainingFailed`; `StoreError`.
    public func train(_ settings: RunSettings, _ request: TrainingRequest = TrainingRequest()) throws -> TrainingOutcome {
        try settings.validate()
        return try RunOrchestrator(workbench: self).start(settings, request)
    }

    /// Continues an interrupted, failed or dead run from its last committed epoch (a k-fold
    /// parent: its unfinished fold, then the folds never started), reaching the result the
    /// uninterrupted run would have.
    public func resume(run: Int64) throws -> TrainingOutcome {
        try RunOrchestrator(workbench: self).resume(run)
    }

    /// Trains run `run`'s exact resolved settings again as a new run; the outcome's
    /// ``TrainingOutcome/reproduction`` says whether the test metrics are identical.
    public func reproduce(run: Int64, _ request: TrainingRequest = TrainingRequest()) throws -> TrainingOutcome {
        let orchestrator = RunOrchestrator(workbench: self)
        var request = request
        request.reproduces = run
        let settings = try orchestrator.settings(of: run)
        try settings.validate()
        return try orchestrator.start(settings, request)
    }

    /// The resolved settings run `run` was trained with.
    public func settings(ofRun run: Int64) throws -> RunSettings {
        try RunOrchestrator(workbench: self).settings(of: run)
    }

    /// Trains one run per seed on one split (`splitSeed`, default the first settings' seed),
    /// then records their ensemble (the mean of their class probabilities). Stops at the first
    /// member that does not finish; finished members stay as separate runs.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidRequest` for fewer than two distinct seeds,
    ///   `.cancelled` or `.trainingFailed` when a member does not finish.
    public func trainSeeds(_ settings: RunSettings, seeds: [Int], _ request: TrainingRequest = TrainingRequest()) throws -> EnsembleOutcome
    {
        guard seeds.count >= 2, Set(seeds).count == seeds.count, seeds.allSatisfy({ $0 >= 0 }) else {
            throw WorkbenchError(.invalidRequest, key: "seeds", "expected two or more different whole numbers ≥ 0 (got \(seeds))")
        }
        var base = settings
        base.splitSeed = base.splitSeed ?? base.seed
        try base.validate()
        let title = request.name ?? Self.seedsTitle(base, seeds: seeds)
        observer.handle(.plannedEpochs(seeds.count * base.modelsPerRun * base.epochs))
        var members: [Int64] = []
        let orchestrator = RunOrchestrator(workbench: self)
        for (index, seed) in seeds.enumerated() {
            var member = base
            member.seed = seed
            observer.handle(.seed(seed, index: index, count: seeds.count))
            var memberRequest = request
            memberRequest.name = "\(title) seed \(seed)"
            let outcome = try orchestrator.start(member, memberRequest)
            if outcome.status == .interrupted {
                throw WorkbenchError(.cancelled, "run \(outcome.run) (seed \(seed)) was interrupted; no ensemble was recorded")
            }
            guard outcome.status == .finished else {
                throw WorkbenchError(
                    .trainingFailed, "run \(outcome.run) (seed \(seed)) ended \(outcome.status.rawValue); no ensemble was recorded")
            }
            members.append(outcome.run)
        }
        var ensembleRequest = request
        ensembleRequest.name = title
        return try ensemble(members, ensembleRequest)
    }

    /// Combines finished k-fold runs that share their folds (or training runs with the same
    /// test clips) into one run whose predictions are the mean of the members' class
    /// probabilities. Nothing is retrained.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidRequest` naming the run that cannot be combined.
    public func ensemble(_ members: [Int64], _ request: TrainingRequest = TrainingRequest()) throws -> EnsembleOutcome {
        let builder = EnsembleBuilder(store: store)
        let plan = try builder.plan(members)
        let (run, aggregate) = try builder.record(
            plan, name: request.name, tags: request.tags, commandLine: invocation.commandLine, uuid: request.uuid)
        return EnsembleOutcome(
            run: run, members: members, folds: plan.kind == .kfold ? plan.folds.count : nil,
            metrics: aggregate.mapValues { EnsembleOutcome.Score(mean: $0.mean, std: $0.std) })
    }
}

/// A recorded ensemble.
public struct EnsembleOutcome: Sendable {
    /// A test metric's mean and standard deviation over folds (std 0 for one held-out set).
    public struct Score: Sendable {
        public var mean: Double
        public var std: Double
    }

    public var run: Int64
    public var members: [Int64]
    /// Folds of a k-fold ensemble; `nil` for training runs combined on their test clips.
    public var folds: Int?
    /// Test metrics by name (`accuracy`, `macro_f1`, `uar`).
    public var metrics: [String: Score]
}
