import Foundation
import GRDB

/// The clips behind one cell of a confusion matrix (for the dashboard's listening view).
extension Store {
    /// The predictions of run `runID` on `subset` whose true label is `trueLabel` and predicted
    /// label `predicted`, by clip id; at most `limit` rows.
    public func clipPredictions(_ runID: Int64, subset: String, trueLabel: String, predicted: String, limit: Int = 1000) throws
        -> [ClipPrediction]
    {
        try read { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT p.clip_id, c.relative_path, c.label, p.predicted_label, c.speaker, c.duration, p.probabilities
                    FROM run_predictions p JOIN clips c ON c.id = p.clip_id
                    WHERE p.run_id = ? AND p.subset = ? AND c.label = ? AND p.predicted_label = ?
                    ORDER BY p.clip_id LIMIT ?
                    """, arguments: [runID, subset, trueLabel, predicted, limit]
            ).map { row in
                let text: String = row["probabilities"]
                let values = (try? JSONDecoder().decode([Double].self, from: Data(text.utf8))) ?? []
                return ClipPrediction(
                    clipID: row["clip_id"], relativePath: row["relative_path"], trueLabel: row["label"], predicted: row["predicted_label"],
                    speaker: row["speaker"], duration: row["duration"], probabilities: values)
            }
        }
    }
}
