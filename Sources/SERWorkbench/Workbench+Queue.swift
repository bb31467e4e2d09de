import SERStore

extension Workbench {
    /// A sweep's trials and parent for a queue: the trials ``sweep(_:grid:random:name:tags:launcher:)``
    /// would train, resolved, checked and pinned to the dataset version `base` names. Nothing is
    /// written and no features are computed.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key of a bad alternative,
    ///   `.invalidRequest` for an empty grid; `StoreError` when the dataset is unknown.
    public func planSweep(_ base: RunSettings, grid: SweepGrid, random: Int? = nil, name: String? = nil, tags: [String] = []) throws
        -> QueuePlan
    {
        try Self.checkQueueable(base)
        let trials = try sweepTrials(base, grid: grid, random: random)
        let (dataset, version) = try DatasetSelection.resolve(base.dataset, in: store)
        var pinned = base
        pinned.dataset = "\(dataset.name)@\(version.hash.prefix(12))"
        let title = name ?? "sweep \(grid.axes.map(\.key).joined(separator: ","))"
        let record = try SweepRunner.parentRecord(pinned, grid: grid)
        let parent = QueuedParentSpec(
            kind: .sweep, name: name, config: record.config, hyperparameters: record.hyperparameters, split: pinned.split.description,
            seed: Int64(pinned.seed), tags: tags, featureConfigHash: try Self.recipeHash(pinned))
        let planned = try trials.enumerated().map { i, trial in
            var settings = trial
            settings.dataset = pinned.dataset
            return QueuedRunSpec(
                name: "\(title) #\(i + 1)", kind: .trial, settings: try settings.json(), featureConfigHash: try Self.recipeHash(settings))
        }
        return QueuePlan(datasetVersionHash: version.hash, trials: planned, parent: parent, commandLine: invocation.commandLine)
    }

    /// One run (a k-fold run with its folds) for a queue, resolved, checked and pinned to its
    /// dataset version. Nothing is written and no features are computed.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key; `StoreError` when the
    ///   dataset is unknown.
    public func planRun(_ settings: RunSettings, _ request: TrainingRequest = TrainingRequest()) throws -> QueuePlan {
        try settings.validate()
        try Self.checkQueueable(settings)
        let (dataset, version) = try DatasetSelection.resolve(settings.dataset, in: store)
        var pinned = settings
        pinned.dataset = "\(dataset.name)@\(version.hash.prefix(12))"
        let trial = QueuedRunSpec(
            name: request.name, kind: .train, settings: try pinned.json(), featureConfigHash: try Self.recipeHash(pinned),
            tags: request.tags, note: request.note)
        return QueuePlan(datasetVersionHash: version.hash, trials: [trial], parent: nil, commandLine: invocation.commandLine)
    }

    /// `ser run --seeds … --queue`: one run per seed, all on one split (`splitSeed`, default
    /// the settings' seed), as ``trainSeeds(_:seeds:_:)`` would train them, and the group that
    /// records their ensemble once all have finished. Nothing is written.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidRequest` for fewer than two distinct seeds,
    ///   `.invalidSetting` naming a key; `StoreError` when the dataset is unknown.
    public func planSeeds(_ settings: RunSettings, seeds: [Int], _ request: TrainingRequest = TrainingRequest()) throws -> QueuePlan {
        guard seeds.count >= 2, Set(seeds).count == seeds.count, seeds.allSatisfy({ $0 >= 0 }) else {
            throw WorkbenchError(.invalidRequest, key: "seeds", "expected two or more different whole numbers ≥ 0 (got \(seeds))")
        }
        var base = settings
        base.splitSeed = base.splitSeed ?? base.seed
        try base.validate()
        try Self.checkQueueable(base)
        let (dataset, version) = try DatasetSelection.resolve(base.dataset, in: store)
        base.dataset = "\(dataset.name)@\(version.hash.prefix(12))"
        let title = request.name ?? Self.seedsTitle(base, seeds: seeds)
        let members = try seeds.map { seed in
            var member = base
            member.seed = seed
            return QueuedRunSpec(
                name: "\(title) seed \(seed)", kind: .train, settings: try member.json(), featureConfigHash: try Self.recipeHash(member),
                tags: request.tags, note: request.note)
        }
        let group = QueuedParentSpec(
            kind: .seeds, name: title, config: "{}", hyperparameters: [:], split: base.split.description, seed: Int64(base.seed),
            tags: request.tags, featureConfigHash: try Self.recipeHash(base))
        return QueuePlan(datasetVersionHash: version.hash, trials: members, parent: group, commandLine: invocation.commandLine)
    }

    /// Refuses settings a worker could not train as asked: `teacher` names a run by its id in
    /// this database, which a worker's database does not have (or has as another run).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming `teacher`.
    static func checkQueueable(_ settings: RunSettings) throws {
        if let teacher = settings.teacher {
            throw WorkbenchError.setting(
                "teacher",
                "names run \(teacher) of this database, which a worker's database does not have; train a distilled run here, without --queue"
            )
        }
    }

    /// The name `--seeds` gives its ensemble when none is asked for.
    static func seedsTitle(_ settings: RunSettings, seeds: [Int]) -> String {
        "\(settings.recipe.rawValue) × seeds \(seeds.map(String.init).joined(separator: ","))"
    }

    /// The settings of every trial of a sweep (all combinations of `grid`, or `random` of them
    /// drawn with the base seed), each checked.
    func sweepTrials(_ base: RunSettings, grid: SweepGrid, random: Int?) throws -> [RunSettings] {
        guard grid.size > 0, !grid.axes.isEmpty else {
            throw WorkbenchError(.invalidRequest, "give at least one setting with alternatives, e.g. lr 1e-3,3e-4")
        }
        if let random, random < 1 { throw WorkbenchError(.invalidRequest, key: "random", "must be at least 1") }
        let combinations = random.map { grid.sample($0, seed: UInt64(truncatingIfNeeded: base.seed)) } ?? grid.combinations()
        let trials = try combinations.map { try base.merging($0, source: .caller) }
        for trial in trials { try trial.validate() }
        return trials
    }

    /// The content hash of the feature recipe `settings` train on.
    static func recipeHash(_ settings: RunSettings) throws -> String {
        try FeatureSpec.config(settings.features, sampleRate: settings.sampleRate).hash
    }
}

extension Workbench {
    /// The feature sets a plan's runs train on (keys of ``ExchangeScope/featureSetKey(version:recipe:)``,
    /// one per distinct recipe, speed-perturbed copies included), after computing and caching
    /// the missing tensors here when `compute` is set: what a local run would compute first,
    /// done once before queueing so workers can train without the audio.
    /// - Throws: ``WorkbenchError`` for settings that do not decode; `StoreError`.
    public func featureSets(of plan: QueuePlan, compute: Bool) throws -> [(key: String, outcome: FeatureCacheOutcome?)] {
        var seen = Set<String>()
        var sets: [(key: String, outcome: FeatureCacheOutcome?)] = []
        for trial in plan.trials {
            let settings = try RunSettings.decoded(trial.settings, of: "planned run \(trial.name ?? "")")
            for recipe in try FeatureSpec.recipes(of: settings) where seen.insert(recipe.hash).inserted {
                let key = ExchangeScope.featureSetKey(version: plan.datasetVersionHash, recipe: recipe.hash)
                sets.append((key, compute ? try cacheFeatures(recipe, dataset: settings.dataset) : nil))
                if cancellation.isCancelled { return sets }
            }
        }
        return sets
    }
}
