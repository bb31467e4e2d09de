import SERStore
import SERWorkbench
import Testing

@Suite struct RunComparisonDefaultsTests {
    /// A run recorded before a setting existed shows that setting's default, so `ser compare`
    /// no longer lists it as changed; an ensemble's row gains no training settings.
    @Test func aSettingARunPredatesReadsAsItsDefault() throws {
        var old = CompareRow(id: 1, kind: "kfold", status: "finished", seed: 42)
        old.hyperparameters = ["epochs": "40", "lr": "0.002"]
        var new = CompareRow(id: 2, kind: "kfold", status: "finished", seed: 42)
        new.hyperparameters = try RunSettings().flattened().merging(["epochs": "40", "lr": "0.002"]) { $1 }
        var ensemble = CompareRow(id: 3, kind: "kfold", status: "finished", seed: 0)
        ensemble.hyperparameters = ["ensembleOf": "[1,2]"]
        let comparison = RunComparison(
            rows: [old, new, ensemble], matched: 3, hyperparameterNames: ["ema", "ensembleOf", "epochs", "lr"], classLabels: [])
        let filled = try comparison.fillingSettingDefaults()
        #expect(filled.rows[0].hyperparameters["ema"] == "0")
        #expect(filled.rows[0].hyperparameters == filled.rows[1].hyperparameters)
        #expect(filled.rows[2].hyperparameters == ["ensembleOf": "[1,2]"])
        #expect(
            filled.hyperparameterNames.contains("simulateEnrollment") && filled.hyperparameterNames == filled.hyperparameterNames.sorted())
    }
}
