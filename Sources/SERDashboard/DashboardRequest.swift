import Foundation

/// One HTTP request as the dashboard sees it: method, decoded path segments, query items and
/// the few headers it reads. Built by ``DashboardServer`` from Hummingbird's request, or by a
/// test directly.
public struct DashboardRequest: Sendable, Equatable {
    /// `GET`, `HEAD`, ... (upper case).
    public var method: String
    /// The path split at `/`, each segment percent-decoded; `[]` for `/`.
    public var segments: [String]
    /// Query items in order; a name may repeat (`run=3&run=5`).
    public var query: [(name: String, value: String)]
    /// The `Range` header, if any.
    public var range: String?
    /// The `X-SER-Token` header, or the token of an `Authorization: Bearer` header.
    public var headerToken: String?

    /// Parses `target` (`/path?query`, still percent-encoded).
    ///
    /// - Throws: ``DashboardError`` `.badRequest` when a segment is not valid percent-encoded
    ///   UTF-8, or the target is longer than ``maxTargetLength``.
    public init(method: String, target: String, range: String? = nil, headerToken: String? = nil) throws {
        guard target.utf8.count <= Self.maxTargetLength else {
            throw DashboardError(
                .tooLarge, "the request target is \(target.utf8.count) bytes; at most \(Self.maxTargetLength) are accepted")
        }
        self.method = method.uppercased()
        self.range = range
        self.headerToken = headerToken
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        let rawPath = parts.first.map(String.init) ?? "/"
        segments = try rawPath.split(separator: "/").map { raw in
            guard let decoded = String(raw).removingPercentEncoding else {
                throw DashboardError(.badRequest, "the path segment '\(raw)' is not valid percent-encoded UTF-8")
            }
            return decoded
        }
        query = []
        if parts.count == 2 {
            for item in parts[1].split(separator: "&") where !item.isEmpty {
                let pair = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                func decode(_ text: Substring) throws -> String {
                    guard let value = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
                        throw DashboardError(.badRequest, "the query item '\(item)' is not valid percent-encoded UTF-8")
                    }
                    return value
                }
                query.append((try decode(pair[0]), pair.count == 2 ? try decode(pair[1]) : ""))
            }
        }
    }

    /// The first value of query item `name`.
    public func value(_ name: String) -> String? {
        query.first { $0.name == name }?.value
    }

    /// Every value of query item `name`.
    public func values(_ name: String) -> [String] {
        query.filter { $0.name == name }.map(\.value)
    }

    /// Query item `name` as an integer in `range`, or `fallback` when absent.
    ///
    /// - Throws: ``DashboardError`` `.badRequest` when it is not an integer or below the
    ///   range, `.tooLarge` when above it.
    func integer(_ name: String, default fallback: Int, in range: ClosedRange<Int>) throws -> Int {
        guard let text = value(name) else { return fallback }
        guard let number = Int(text), number >= range.lowerBound else {
            throw DashboardError(.badRequest, "\(name) '\(text.prefix(20))' is not an integer of at least \(range.lowerBound)")
        }
        guard number <= range.upperBound else {
            throw DashboardError(.tooLarge, "\(name) \(number) is above the maximum \(range.upperBound)")
        }
        return number
    }

    /// What identifies the reply to this request (the method aside: HEAD is GET without
    /// the body): path, query and header token, with separators no decoded text holds alone.
    var cacheKey: String {
        segments.joined(separator: "\u{0}") + "\u{1}" + query.map { $0.name + "\u{2}" + $0.value }.joined(separator: "\u{3}")
            + "\u{1}" + (headerToken ?? "")
    }

    /// The longest request target (path and query) accepted, in bytes.
    public static let maxTargetLength = 8192

    public static func == (a: DashboardRequest, b: DashboardRequest) -> Bool {
        a.method == b.method && a.segments == b.segments && a.range == b.range && a.headerToken == b.headerToken
            && a.query.map(\.name) == b.query.map(\.name) && a.query.map(\.value) == b.query.map(\.value)
    }
}
