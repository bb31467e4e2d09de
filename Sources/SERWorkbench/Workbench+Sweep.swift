extension Workbench {
    /// Trains every trial of a sweep (all combinations of `grid`, or `random` of them drawn
    /// with the base seed) as children of one `sweep` run, then records the trial chosen on
    /// validation accuracy. Every trial is resolved and checked before anything runs.
    ///
    /// - Parameter launcher: how trials are trained (default: one after another here).
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key of a bad alternative,
    ///   `.invalidRequest` for an empty grid.
    public func sweep(
        _ base: RunSettings, grid: SweepGrid, random: Int? = nil, name: String? = nil, tags: [String] = [],
        launcher: any TrialLauncher = InProcessTrialLauncher()
    ) throws -> SweepOutcome {
        guard grid.size > 0, !grid.axes.isEmpty else {
            throw WorkbenchError(.invalidRequest, "give at least one setting with alternatives, e.g. lr 1e-3,3e-4")
        }
        if let random, random < 1 { throw WorkbenchError(.invalidRequest, key: "random", "must be at least 1") }
        let combinations = random.map { grid.sample($0, seed: UInt64(truncatingIfNeeded: base.seed)) } ?? grid.combinations()
        let trials = try combinations.map { try base.merging($0, source: .caller) }
        for trial in trials { try trial.validate() }
        return try SweepRunner(workbench: self).run(base: base, grid: grid, trials: trials, name: name, tags: tags, launcher: launcher)
    }
}
