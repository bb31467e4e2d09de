import Foundation
import SERWorkbench

/// How `ser ensemble` and `ser run --seeds` print a recorded ensemble.
struct EnsembleOutput {
    let options: GlobalOptions

    func print(_ e: EnsembleOutcome) throws {
        if options.json {
            struct Report: Encodable {
                let run: Int64
                let members: [Int64]
                let folds: Int?
                let accuracy: Double
                let accuracyStd: Double
                let macroF1: Double
                let uar: Double
            }
            try printJSON(Report(
                run: e.run, members: e.members, folds: e.folds, accuracy: e.metrics["accuracy"]?.mean ?? 0,
                accuracyStd: e.metrics["accuracy"]?.std ?? 0, macroF1: e.metrics["macro_f1"]?.mean ?? 0, uar: e.metrics["uar"]?.mean ?? 0))
        } else if !options.quiet {
            Swift.print(Self.summary(e))
        }
    }

    /// One line: the new run, its members and its test scores (mean ± std over folds).
    static func summary(_ e: EnsembleOutcome) -> String {
        let over = e.folds.map { " over \($0) folds" } ?? " on their test clips"
        func score(_ name: String) -> String {
            guard let value = e.metrics[name] else { return "–" }
            return e.folds == nil ? String(format: "%.3f", value.mean) : String(format: "%.3f ± %.3f", value.mean, value.std)
        }
        return "run \(e.run): ensemble of \(e.members.map(String.init).joined(separator: ", "))\(over): accuracy \(score("accuracy")), "
            + "macro-F1 \(score("macro_f1")), UAR \(score("uar"))"
    }
}
