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
        let trials = try sweepTrials(base, grid: grid, random: random)
        return try SweepRunner(workbench: self).run(base: base, grid: grid, trials: trials, name: name, tags: tags, launcher: launcher)
    }
}
