public import SERCore
import Foundation

/// A type a setting can have: how it reads from JSON (settings files, `runs.config`) and from
/// command-line text, and how it writes back to JSON.
public protocol SettingValue: Sendable, Equatable {
    /// What the value must be, for messages: `a whole number`, `one of adam, adamw, sgd`.
    static var typeDescription: String { get }
    /// Whether a value is itself a comma-separated list (`--layers 128,64`), so that sweep
    /// alternatives are separated by `:` instead of `,`.
    static var isList: Bool { get }
    /// Reads a JSON value.
    ///
    /// - Throws: ``SettingValueError`` with the rule the value broke.
    init(json: JSONValue) throws
    /// Reads command-line text (`30`, `1e-3`, `128,64`, `none`, `true`).
    init(text: String) throws
    /// The value as JSON; `nil` for an absent optional.
    var json: JSONValue? { get }
}

/// Why a value does not fit its setting (the caller adds the setting's key).
public struct SettingValueError: Error, Sendable {
    public let reason: String
    public init(_ reason: String) { self.reason = reason }
}

extension SettingValue {
    public static var isList: Bool { false }
    static func mismatch(_ value: JSONValue) -> SettingValueError {
        SettingValueError("must be \(typeDescription) (got \(value.literal))")
    }
}

extension Int: SettingValue {
    public static var typeDescription: String { "a whole number" }
    public init(json: JSONValue) throws {
        switch json {
        case .integer(let i): self = Int(i)
        case .number(let d) where d.rounded() == d && abs(d) < 9e15: self = Int(d)
        default: throw Self.mismatch(json)
        }
    }
    public init(text: String) throws {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
            throw SettingValueError("expected a whole number (got '\(text)')")
        }
        self = value
    }
    public var json: JSONValue? { .integer(Int64(self)) }
}

extension Double: SettingValue {
    public static var typeDescription: String { "a number" }
    public init(json: JSONValue) throws {
        switch json {
        case .integer(let i): self = Double(i)
        case .number(let d): self = d
        default: throw Self.mismatch(json)
        }
        guard isFinite else { throw SettingValueError("must be a finite number (got \(self))") }
    }
    public init(text: String) throws {
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)) else {
            throw SettingValueError("expected a number (got '\(text)')")
        }
        guard value.isFinite else { throw SettingValueError("must be a finite number (got \(value))") }
        self = value
    }
    public var json: JSONValue? { .number(self) }
}

extension Bool: SettingValue {
    public static var typeDescription: String { "true or false" }
    public init(json: JSONValue) throws {
        guard case .bool(let b) = json else { throw Self.mismatch(json) }
        self = b
    }
    public init(text: String) throws {
        switch text.lowercased() {
        case "true": self = true
        case "false": self = false
        default: throw SettingValueError("expected true or false (got '\(text)')")
        }
    }
    public var json: JSONValue? { .bool(self) }
}

extension String: SettingValue {
    public static var typeDescription: String { "text" }
    public init(json: JSONValue) throws {
        guard case .string(let s) = json else { throw Self.mismatch(json) }
        self = s
    }
    public init(text: String) throws { self = text }
    public var json: JSONValue? { .string(self) }
}

extension Array: SettingValue where Element: SettingValue {
    public static var typeDescription: String { "a list of \(Element.typeDescription.replacingOccurrences(of: "a ", with: ""))s" }
    public static var isList: Bool { true }
    public init(json: JSONValue) throws {
        guard case .array(let items) = json else { throw Self.mismatch(json) }
        do {
            self = try items.map { try Element(json: $0) }
        } catch {
            throw Self.mismatch(json)
        }
    }
    /// `128,64` → `[128, 64]`; `none` or nothing → `[]`.
    public init(text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "none" {
            self = []
            return
        }
        let parts = trimmed.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        do {
            guard !parts.contains(where: \.isEmpty) else { throw SettingValueError("") }
            self = try parts.map { try Element(text: $0) }
        } catch {
            throw SettingValueError(
                "expected comma-separated \(Element.typeDescription.replacingOccurrences(of: "a ", with: ""))s such as \(Element.example) (got '\(text)')"
            )
        }
    }
    public var json: JSONValue? { .array(compactMap(\.json)) }
}

extension Optional: SettingValue where Wrapped: SettingValue {
    public static var typeDescription: String { Wrapped.typeDescription }
    public static var isList: Bool { Wrapped.isList }
    public init(json: JSONValue) throws {
        self = json == .null ? nil : try Wrapped(json: json)
    }
    public init(text: String) throws { self = try Wrapped(text: text) }
    public var json: JSONValue? { self?.json }
}

extension SettingValue {
    /// A sample value for messages.
    static var example: String {
        switch self {
        case is Int.Type: "128,64"
        case is Double.Type: "0.9,1.1"
        default: "a,b"
        }
    }
}

/// A closed choice: a string enum whose raw values are what users write.
public protocol SettingChoice: SettingValue, RawRepresentable<String>, CaseIterable {
    /// The value `text` names (aliases included), or `nil`.
    static func named(_ text: String) -> Self?
}

extension SettingChoice {
    public static var typeDescription: String { "one of " + allCases.map(\.rawValue).joined(separator: ", ") }
    public static func named(_ text: String) -> Self? { Self(rawValue: text) }
    public init(json: JSONValue) throws {
        guard case .string(let s) = json, let value = Self.named(s) else { throw Self.mismatch(json) }
        self = value
    }
    public init(text: String) throws {
        guard let value = Self.named(text) else { throw SettingValueError("must be \(Self.typeDescription) (got \(text))") }
        self = value
    }
    public var json: JSONValue? { .string(rawValue) }
}
