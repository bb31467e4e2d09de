import Foundation
import SERWorkbench

/// How `ser ensemble` and `ser run --seeds` print a recorded ensemble.
struct EnsembleOutput {
    let options: GlobalOptions

    func print(_ e: EnsembleOutcome) throws {
        if options.json {
            try printJSON(EnsembleReport(e))
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
