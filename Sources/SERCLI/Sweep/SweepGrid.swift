import SERCore

/// The trials of a sweep: every combination of the alternatives given per setting (grid), or
/// a seeded random sample of them.
///
/// Alternatives are comma-separated (`--lr 1e-3,3e-4`), except for list-valued settings whose
/// own values contain commas: there alternatives are colon-separated
/// (`--layers 128,64:256,128`).
struct SweepGrid: Equatable {
    /// Setting name → its alternatives as JSON-compatible values, in the order given.
    var axes: [(key: String, values: [SweepValue])]

    static func == (a: SweepGrid, b: SweepGrid) -> Bool {
        a.axes.map(\.key) == b.axes.map(\.key) && a.axes.map(\.values) == b.axes.map(\.values)
    }

    /// Settings whose values are lists of integers.
    static let listKeys: Set<String> = ["layers", "dense"]

    /// Parses `key → text` alternatives.
    ///
    /// - Throws: ``RunSettingsError`` naming the flag and the value it could not read.
    static func parse(_ raw: [(key: String, text: String)]) throws -> SweepGrid {
        var axes: [(key: String, values: [SweepValue])] = []
        for (key, text) in raw {
            let flag = "--" + key.kebabCased
            let pieces = text.split(separator: listKeys.contains(key) ? ":" : ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !pieces.contains(where: \.isEmpty) else {
                throw RunSettingsError(flag: flag, reason: "has an empty alternative in '\(text)'")
            }
            let values = try pieces.map { try SweepValue(parsing: $0, listValued: listKeys.contains(key), flag: flag) }
            axes.append((key, values))
        }
        return SweepGrid(axes: axes)
    }

    /// Number of combinations.
    var size: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// Every combination, first axis slowest.
    func combinations() -> [[String: Any]] {
        var out: [[String: Any]] = [[:]]
        for axis in axes {
            out = out.flatMap { partial in
                axis.values.map { value in partial.merging([axis.key: value.json]) { _, new in new } }
            }
        }
        return out
    }

    /// `count` distinct combinations drawn with `seed` (all of them if `count ≥ size`).
    func sample(_ count: Int, seed: UInt64) -> [[String: Any]] {
        let all = combinations()
        guard count < all.count else { return all }
        var rng = SeededGenerator(seed: seed)
        var indices = Array(all.indices)
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            indices.swapAt(i, Int(rng.next() % UInt64(i + 1)))
        }
        return indices.prefix(count).sorted().map { all[$0] }
    }
}

/// One alternative of a swept setting.
enum SweepValue: Equatable {
    case number(Double)
    case integer(Int)
    case text(String)
    case bool(Bool)
    case list([Int])

    init(parsing text: String, listValued: Bool, flag: String) throws {
        if listValued {
            if text == "none" { self = .list([]); return }
            let parts = text.split(separator: ",").map { Int($0.trimmingCharacters(in: .whitespaces)) }
            guard !parts.isEmpty, parts.allSatisfy({ $0 != nil }) else {
                throw RunSettingsError(flag: flag, reason: "'\(text)' is not a comma-separated list of whole numbers")
            }
            self = .list(parts.compactMap { $0 })
        } else if let i = Int(text) {
            self = .integer(i)
        } else if let d = Double(text) {
            self = .number(d)
        } else if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else {
            self = .text(text)
        }
    }

    /// The value as JSONSerialization takes it.
    var json: Any {
        switch self {
        case .number(let d): d
        case .integer(let i): i
        case .text(let s): s
        case .bool(let b): b
        case .list(let l): l
        }
    }
}

extension String {
    /// `maxFrames` → `max-frames`.
    var kebabCased: String {
        var out = ""
        for ch in self {
            if ch.isUppercase {
                out += "-" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }
}
