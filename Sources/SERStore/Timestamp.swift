public import Foundation

/// The one timestamp format of the database: ISO-8601 UTC with milliseconds,
/// `2026-11-25T12:00:00.000Z`, which sorts as text and which SQLite's `julianday()` reads.
public enum Timestamp {
    /// The current time in the database's format.
    public static func now() -> String { string(from: Date()) }

    /// A date in the database's format (UTC, millisecond precision, truncated).
    public static func string(from date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
            parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
            parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0, (millis + 1000) % 1000)
    }
}
