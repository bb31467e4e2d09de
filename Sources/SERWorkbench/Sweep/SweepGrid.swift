import Foundation
public import SERCore

/// The trials of a sweep: every combination of the alternatives given per setting (grid), or
/// a seeded random sample of them.
///
/// Alternatives are written comma-separated (`lr 1e-3,3e-4`), except for list-valued
/// settings whose own values contain commas: there alternatives are colon-separated
/// (`layers 128,64:256,128`).
public struct SweepGrid: Equatable, Sendable {
    /// One swept setting and its alternatives, in the order given.
    public struct Axis: Equatable, Sendable {
        public var key: String
        public var values: [JSONValue]
    }

    public var axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// Parses `key → text` alternatives (keys are setting keys, ``RunSettings/all``).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key: unknown, not sweepable,
    ///   an empty alternative, or one its setting cannot read.
    public static func parse(_ raw: [(key: String, text: String)]) throws -> SweepGrid {
        var axes: [Axis] = []
        for (key, text) in raw {
            guard let setting = RunSettings.byKey[key] else {
                throw WorkbenchError.setting(key, "unknown setting; known settings: \(RunSettings.keys.joined(separator: ", "))")
            }
            guard setting.sweepable else {
                throw WorkbenchError.setting(key, "is fixed for a whole sweep; give one value")
            }
            let pieces = text.split(separator: setting.isList ? ":" : ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !pieces.contains(where: \.isEmpty) else {
                throw WorkbenchError.setting(key, "has an empty alternative in '\(text)'")
            }
            axes.append(Axis(key: key, values: try pieces.map { try setting.parse(text: $0) }))
        }
        return SweepGrid(axes: axes)
    }

    /// Number of combinations.
    public var size: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// Every combination, first axis slowest.
    public func combinations() -> [[String: JSONValue]] {
        var out: [[String: JSONValue]] = [[:]]
        for axis in axes {
            out = out.flatMap { partial in
                axis.values.map { value in partial.merging([axis.key: value]) { _, new in new } }
            }
        }
        return out
    }

    /// `count` distinct combinations drawn with `seed` (all of them if `count ≥ size`).
    public func sample(_ count: Int, seed: UInt64) -> [[String: JSONValue]] {
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

extension String {
    /// `maxFrames` → `max-frames`.
    public var kebabCased: String {
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
