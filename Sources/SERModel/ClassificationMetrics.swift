/// Classification metrics from true labels and predictions over `classCount` classes.
///
/// Per-class precision, recall and F1 are 0 when undefined (no predictions, or no true clips,
/// of that class), as scikit-learn with `zero_division=0`. Macro-F1 and unweighted average
/// recall (UAR) average over classes that occur in the labels or the predictions.
public struct ClassificationMetrics: Sendable, Hashable, Codable {
    /// Number of classes `C`.
    public let classCount: Int
    /// `confusion[true][predicted]` counts, `[C, C]`.
    public let confusion: [[Int]]
    /// Fraction correct in [0, 1] (0 for no clips).
    public let accuracy: Double
    /// Per-class precision, recall and F1, `[C]` each.
    public let precision: [Double]
    public let recall: [Double]
    public let f1: [Double]
    /// Mean F1 over present classes.
    public let macroF1: Double
    /// Unweighted average recall: mean recall over classes present in the labels.
    public let unweightedAverageRecall: Double

    /// Computes the metrics.
    ///
    /// - Throws: ``ModelError`` `invalidInput` when counts differ or a value is outside
    ///   `0..<classCount`.
    public init(labels: [Int], predictions: [Int], classCount: Int) throws(ModelError) {
        guard classCount > 0 else { throw ModelError(.invalidInput, "classCount must be > 0") }
        guard labels.count == predictions.count else {
            throw ModelError(.invalidInput, "\(labels.count) labels for \(predictions.count) predictions")
        }
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: classCount), count: classCount)
        for (y, p) in zip(labels, predictions) {
            guard (0..<classCount).contains(y), (0..<classCount).contains(p) else {
                throw ModelError(.invalidInput, "label \(y) or prediction \(p) is outside 0..<\(classCount)")
            }
            confusion[y][p] += 1
        }
        self.classCount = classCount
        self.confusion = confusion
        let correct = (0..<classCount).reduce(0) { $0 + confusion[$1][$1] }
        accuracy = labels.isEmpty ? 0 : Double(correct) / Double(labels.count)
        var precision = [Double](repeating: 0, count: classCount)
        var recall = precision, f1 = precision
        var f1Sum = 0.0, recallSum = 0.0, present = 0, labelled = 0
        for c in 0..<classCount {
            let tp = Double(confusion[c][c])
            let actual = Double(confusion[c].reduce(0, +))
            let predicted = Double((0..<classCount).reduce(0) { $0 + confusion[$1][c] })
            precision[c] = predicted > 0 ? tp / predicted : 0
            recall[c] = actual > 0 ? tp / actual : 0
            let sum = precision[c] + recall[c]
            f1[c] = sum > 0 ? 2 * precision[c] * recall[c] / sum : 0
            if actual > 0 || predicted > 0 {
                present += 1
                f1Sum += f1[c]
            }
            if actual > 0 {
                labelled += 1
                recallSum += recall[c]
            }
        }
        self.precision = precision
        self.recall = recall
        self.f1 = f1
        macroF1 = present > 0 ? f1Sum / Double(present) : 0
        unweightedAverageRecall = labelled > 0 ? recallSum / Double(labelled) : 0
    }
}
