public import SERPlot

extension SweepFigures {
    /// The spread of a parent's child runs (the folds of a k-fold run, the trials of a sweep,
    /// the seeds of a repeat): one box per score over the children that have it, validation
    /// accuracy (what trials are chosen on), then test accuracy and test macro-F1 (reported).
    public static func spread(_ sweep: SweepTrials) -> Figure {
        let groups: [(label: String, values: [Double])] = [
            ("validation accuracy", sweep.trials.compactMap(\.validation)),
            ("test accuracy", sweep.trials.compactMap(\.test)),
            ("test macro-F1", sweep.trials.compactMap(\.run.testF1)),
        ].filter { !$0.values.isEmpty }
        let children = sweep.parent.kind == "kfold" ? "folds" : "child runs"
        let box = BoxPlot(groups: groups, title: "one value per child run; box Q1–Q3, line the median", yLabel: "score (0–1)")
        return Figure(
            width: 720, height: 400, title: "\(sweep.parent.displayName): spread over \(sweep.trials.count) \(children)", panels: [box])
    }
}
