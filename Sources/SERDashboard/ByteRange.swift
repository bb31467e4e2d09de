import Foundation

/// One byte range of an HTTP `Range: bytes=…` header (RFC 9110 §14.1.2), resolved against a
/// body of known length: `first...last`, both inclusive.
public struct ByteRange: Sendable, Equatable {
    /// First byte served (0-based).
    public let first: Int
    /// Last byte served (inclusive).
    public let last: Int

    /// Number of bytes in the range.
    public var count: Int { last - first + 1 }

    /// Creates a range (`first <= last`).
    public init(first: Int, last: Int) {
        self.first = first
        self.last = last
    }

    /// Resolves `header` (`bytes=0-99`, `bytes=100-`, `bytes=-500`) against `length` bytes.
    ///
    /// - Returns: the range, or `nil` for a header the server may ignore (another unit, or
    ///   several ranges: the whole body is then served with 200).
    /// - Throws: ``DashboardError`` `.rangeNotSatisfiable` when the range lies outside the
    ///   body, `.badRequest` when the header is malformed.
    public static func parse(_ header: String, length: Int) throws -> ByteRange? {
        let text = header.trimmingCharacters(in: .whitespaces)
        guard text.lowercased().hasPrefix("bytes=") else { return nil }
        let spec = text.dropFirst("bytes=".count)
        guard !spec.contains(",") else { return nil }
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { throw DashboardError(.badRequest, "malformed Range header '\(header)'") }
        let start = parts[0].trimmingCharacters(in: .whitespaces), end = parts[1].trimmingCharacters(in: .whitespaces)
        let unsatisfiable = DashboardError(.rangeNotSatisfiable, "the range '\(header)' lies outside the \(length)-byte body")
        if start.isEmpty {
            guard let suffix = Int(end), suffix >= 0 else { throw DashboardError(.badRequest, "malformed Range header '\(header)'") }
            guard suffix > 0, length > 0 else { throw unsatisfiable }
            return ByteRange(first: max(0, length - suffix), last: length - 1)
        }
        guard let first = Int(start), first >= 0 else { throw DashboardError(.badRequest, "malformed Range header '\(header)'") }
        var last = length - 1
        if !end.isEmpty {
            guard let given = Int(end), given >= first else { throw DashboardError(.badRequest, "malformed Range header '\(header)'") }
            last = min(given, length - 1)
        }
        guard first < length else { throw unsatisfiable }
        return ByteRange(first: first, last: last)
    }
}
