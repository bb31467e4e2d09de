import ArgumentParser
import SERCore
import SERStore

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

enum ClassOrder {
    /// Labels in canonical emotion order, then any others by name.
    static func canonical(_ labels: some Sequence<String>) -> [String] {
        let present = Set(labels)
        let known = Emotion.allCases.map(\.rawValue).filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    /// `preferred` first (each must be present), then the rest in canonical order.
    static func order(_ labels: some Sequence<String>, preferred: [String]?) throws -> [String] {
        let all = canonical(labels)
        guard let preferred, !preferred.isEmpty else { return all }
        if let unknown = preferred.first(where: { !all.contains($0) }) {
            throw ValidationError("--class-order names \(unknown), which is not a class here (classes: \(all.joined(separator: ", "))).")
        }
        var seen = Set<String>()
        let head = preferred.filter { seen.insert($0).inserted }
        return head + all.filter { !seen.contains($0) }
    }
}

extension ConfusionCounts {
    /// The same counts with rows and columns in `order` (which must list the same labels;
    /// otherwise the counts come back unchanged).
    func reordered(_ order: [String]) -> ConfusionCounts {
        guard Set(order) == Set(labels), order.count == labels.count else { return self }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let counts = order.map { t in order.map { p in self.counts[index[t] ?? 0][index[p] ?? 0] } }
        return ConfusionCounts(subset: subset, labels: order, counts: counts)
    }
}
