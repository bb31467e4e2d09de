public import SERStore

extension RunComparison {
    /// The comparison with every setting a trained run did not record shown as its default.
    ///
    /// A setting added to `ser` after a run was recorded has no `hyperparameters` row for
    /// that run, and its default always reproduces what `ser` did before the setting existed
    /// (`ema` 0 is no weight average), so the default is what the run trained with. Without
    /// this, `ser compare` listed such a setting as differing (`–` against `0`). Rows that
    /// record no training settings (ensembles, which record only `ensembleOf`) are left as
    /// they are.
    public func fillingSettingDefaults() throws -> RunComparison {
        let defaults = try RunSettings().flattened()
        var filled = self
        for i in filled.rows.indices where filled.rows[i].hyperparameters["epochs"] != nil {
            for (key, value) in defaults where filled.rows[i].hyperparameters[key] == nil {
                filled.rows[i].hyperparameters[key] = value
            }
        }
        filled.hyperparameterNames = Array(Set(hyperparameterNames).union(filled.rows.flatMap(\.hyperparameters.keys))).sorted()
        return filled
    }
}
