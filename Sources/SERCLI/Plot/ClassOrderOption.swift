import SERCore
import SERWorkbench
import ArgumentParser
import SERReports

/// The one order classes take in every figure (confusion, per-class, dataset, features,
/// emotions): the corpus's canonical emotion order (RAVDESS's codes: neutral, calm, happy,
/// sad, angry, fearful, disgust, surprised, then boredom), labels outside it by name; or the
/// order `--class-order` gives.
struct ClassOrderOption: ParsableArguments {
    @Option(
        name: .customLong("class-order"),
        help: ArgumentHelp(
            "Class order, comma-separated (default: the corpus's canonical emotion order); classes not named follow in that order.",
            valueName: "a,b,…"))
    var classOrder: String?

    /// `labels` in the chosen order.
    ///
    /// - Throws: `ValidationError` naming a `--class-order` entry that is not among `labels`.
    func order(_ labels: some Sequence<String>) throws -> [String] {
        try ClassOrder.order(labels, preferred: classOrder.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
    }
}
