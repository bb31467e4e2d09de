import SERCore
public import SERStore

public enum ClassOrder {
    /// Labels in canonical emotion order, then any others by name.
    public static func canonical(_ labels: some Sequence<String>) -> [String] {
        let present = Set(labels)
        let known = Emotion.allCases.map(\.rawValue).filter(present.contains)
        return known + present.subtracting(known).sorted()
    }

    /// `preferred` first (each must be present), then the rest in canonical order.
    public static func order(_ labels: some Sequence<String>, preferred: [String]?) throws -> [String] {
        let all = canonical(labels)
        guard let preferred, !preferred.isEmpty else { return all }
        if let unknown = preferred.first(where: { !all.contains($0) }) {
            throw ReportError(
                .invalidRequest, "class order", "names \(unknown), which is not a class here (classes: \(all.joined(separator: ", ")))")
        }
        var seen = Set<String>()
        let head = preferred.filter { seen.insert($0).inserted }
        return head + all.filter { !seen.contains($0) }
    }
}

extension ConfusionCounts {
    /// The same counts with rows and columns in `order` (which must list the same labels;
    /// otherwise the counts come back unchanged).
    public func reordered(_ order: [String]) -> ConfusionCounts {
        guard Set(order) == Set(labels), order.count == labels.count else { return self }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let counts = order.map { t in order.map { p in self.counts[index[t] ?? 0][index[p] ?? 0] } }
        return ConfusionCounts(subset: subset, labels: order, counts: counts)
    }
}
