public import SERModel
public import SERStore

extension ClassificationMetrics {
    /// `accuracy`, `macro_f1` and `uar`, as `run_metrics` and `evaluations` name them.
    public var summary: [String: Double] {
        ["accuracy": accuracy, "macro_f1": macroF1, "uar": unweightedAverageRecall]
    }

    /// Precision, recall, F1 and support of each class; `labels[c]` names output index `c`.
    public func classRecords(labels: [String]) -> [EvaluationRecord.ClassMetric] {
        labels.indices.map { c in
            EvaluationRecord.ClassMetric(
                label: labels[c], precision: precision[c], recall: recall[c], f1: f1[c], support: confusion[c].reduce(0, +))
        }
    }
}
