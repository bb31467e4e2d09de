import Foundation

/// A way to name a run on the command line, as git names commits.
///
/// - `7`: the run with id 7.
/// - `last` or `HEAD`: the newest top-level run (not a fold or trial); `last~2` (`HEAD~2`)
///   the one two before it.
/// - `@paper`: the newest run tagged `paper`.
/// - `seed-30ep`: the run with that exact name, else the one run whose name starts with it.
public enum RunReference: Sendable, Equatable, CustomStringConvertible {
    case id(Int64)
    case last(back: Int)
    case tag(String)
    case name(String)

    /// Reads `text` (never fails: anything that is not an id, `last~N` or `@tag` is a name).
    public init(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let id = Int64(trimmed), id >= 0 {
            self = .id(id)
        } else if trimmed.hasPrefix("@"), trimmed.count > 1 {
            self = .tag(String(trimmed.dropFirst()))
        } else if let back = Self.lastOffset(trimmed) {
            self = .last(back: back)
        } else {
            self = .name(trimmed)
        }
    }

    /// `last` → 0, `HEAD~3` → 3, `last~` → 1 (as git reads `HEAD~`); `nil` for anything else.
    private static func lastOffset(_ text: String) -> Int? {
        let lower = text.lowercased()
        for head in ["last", "head"] where lower.hasPrefix(head) {
            let rest = lower.dropFirst(head.count)
            if rest.isEmpty { return 0 }
            guard rest.first == "~" else { return nil }
            let digits = rest.dropFirst()
            if digits.isEmpty { return 1 }
            guard let n = Int(digits), n >= 0 else { return nil }
            return n
        }
        return nil
    }

    public var description: String {
        switch self {
        case .id(let id): "\(id)"
        case .last(let back): back == 0 ? "last" : "last~\(back)"
        case .tag(let tag): "@\(tag)"
        case .name(let name): name
        }
    }

    /// The forms a reference takes, for messages and help.
    public static let forms = "an id (e.g. 7), a name or a unique prefix of one, last (or HEAD), last~N, or @tag"
}
