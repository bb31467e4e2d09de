public import Foundation
public import SERCore

/// Checks JSON against a JSON Schema (draft 2020-12), for the subset `ser`'s `--json`
/// schemas (docs/json) use: `type` (one name or a list, `null` included), `properties`,
/// `required`, `additionalProperties` (`false` or a schema), `items`, `enum`, `minimum`,
/// `format: date-time`, and `$ref` to `#/$defs/NAME`; `$schema`, `$id`, `title`,
/// `description` and `$comment` are annotations.
///
/// A schema using any other keyword is refused when the validator is made, so a schema can
/// never silently ask for a check that is not made.
public struct JSONSchemaValidator: Sendable {
    /// One way an instance breaks the schema.
    public struct Violation: Equatable, Sendable, CustomStringConvertible {
        /// JSON Pointer to the offending value (`/trials/0/run`; `""` for the root).
        public var path: String
        public var message: String
        public var description: String { "\(path.isEmpty ? "/" : path): \(message)" }

        public init(path: String, message: String) {
            self.path = path
            self.message = message
        }
    }

    /// A schema the validator cannot apply, with the JSON Pointer of the offending part.
    public struct SchemaError: Error, Equatable, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "schema \(path.isEmpty ? "/" : path): \(reason)" }
    }

    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$comment"]
    static let keywords: Set<String> = [
        "$defs", "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "minimum", "format",
    ]
    static let typeNames: Set<String> = ["null", "boolean", "integer", "number", "string", "array", "object"]

    let root: JSONValue

    /// - Throws: ``SchemaError`` for a keyword outside the subset, a malformed keyword value
    ///   or a `$ref` that leads nowhere; `DecodingError` when `schema` is not JSON.
    public init(schema: Data) throws {
        root = try JSONValue(parsing: schema)
        try check(root, at: "")
    }

    /// The ways `instance` (JSON text) breaks the schema; empty when it conforms.
    /// - Throws: `DecodingError` when `instance` is not JSON.
    public func violations(of instance: Data) throws -> [Violation] {
        violations(of: try JSONValue(parsing: instance))
    }

    /// The ways `instance` breaks the schema; empty when it conforms.
    public func violations(of instance: JSONValue) -> [Violation] {
        var found: [Violation] = []
        validate(instance, against: root, at: "", into: &found)
        return found
    }

    // MARK: Checking the schema

    private func check(_ schema: JSONValue, at path: String) throws {
        if case .bool = schema { return }
        guard case .object(let members) = schema else { throw SchemaError(path: path, reason: "a schema must be an object or a boolean") }
        for (key, value) in members where !Self.annotations.contains(key) {
            let here = path + "/" + Self.escape(key)
            switch key {
            case "$defs", "properties":
                guard case .object(let schemas) = value else { throw SchemaError(path: here, reason: "must be an object of schemas") }
                for (name, sub) in schemas { try check(sub, at: here + "/" + Self.escape(name)) }
            case "$ref":
                guard case .string(let reference) = value else { throw SchemaError(path: here, reason: "must be a string") }
                if resolve(reference) == nil {
                    throw SchemaError(path: here, reason: "'\(reference)' does not name a schema under #/$defs")
                }
            case "type":
                let names: [JSONValue]
                if case .array(let list) = value { names = list } else { names = [value] }
                for name in names {
                    guard case .string(let text) = name, Self.typeNames.contains(text) else {
                        throw SchemaError(path: here, reason: "unknown type \(name)")
                    }
                }
            case "required":
                guard case .array(let list) = value, list.allSatisfy({ if case .string = $0 { true } else { false } }) else {
                    throw SchemaError(path: here, reason: "must be an array of strings")
                }
            case "additionalProperties", "items":
                try check(value, at: here)
            case "enum":
                guard case .array = value else { throw SchemaError(path: here, reason: "must be an array") }
            case "minimum":
                guard value.numeric != nil else { throw SchemaError(path: here, reason: "must be a number") }
            case "format":
                guard value == .string("date-time") else {
                    throw SchemaError(path: here, reason: "only format date-time is checked, not \(value)")
                }
            default:
                throw SchemaError(
                    path: here,
                    reason: "keyword '\(key)' is not supported by this validator (\(Self.keywords.sorted().joined(separator: ", ")))")
            }
        }
    }

    /// The schema `#/$defs/NAME` names.
    private func resolve(_ reference: String) -> JSONValue? {
        let prefix = "#/$defs/"
        guard reference.hasPrefix(prefix), case .object(let members) = root, case .object(let definitions)? = members["$defs"] else {
            return nil
        }
        return definitions[String(reference.dropFirst(prefix.count))]
    }

    // MARK: Validating an instance

    private func validate(_ value: JSONValue, against schema: JSONValue, at path: String, into found: inout [Violation]) {
        if case .bool(let allowed) = schema {
            if !allowed { found.append(Violation(path: path, message: "no value is allowed here")) }
            return
        }
        guard case .object(let keywords) = schema else { return }
        if case .string(let reference)? = keywords["$ref"], let target = resolve(reference) {
            validate(value, against: target, at: path, into: &found)
        }
        if let type = keywords["type"] {
            let allowed: [String]
            switch type {
            case .string(let name): allowed = [name]
            case .array(let names): allowed = names.compactMap { if case .string(let s) = $0 { s } else { nil } }
            default: allowed = []
            }
            if value.typeNames.isDisjoint(with: allowed) {
                found.append(Violation(path: path, message: "expected \(allowed.joined(separator: " or ")), found \(Self.describe(value))"))
                return  // the other keywords would only repeat the mismatch
            }
        }
        if case .array(let options)? = keywords["enum"], !options.contains(where: { Self.equal($0, value) }) {
            found.append(Violation(path: path, message: "\(Self.describe(value)) is not one of the allowed values"))
        }
        if let minimum = keywords["minimum"]?.numeric, let x = value.numeric, x < minimum {
            found.append(Violation(path: path, message: "\(x) is below the minimum \(minimum)"))
        }
        if keywords["format"] == .string("date-time"), case .string(let text) = value, !Self.isDateTime(text) {
            found.append(Violation(path: path, message: "'\(text)' is not an RFC 3339 date-time"))
        }
        if case .object(let members) = value {
            var properties: [String: JSONValue] = [:]
            if case .object(let declared)? = keywords["properties"] { properties = declared }
            if case .array(let required)? = keywords["required"] {
                for case .string(let name) in required where members[name] == nil {
                    found.append(Violation(path: path, message: "missing required key '\(name)'"))
                }
            }
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                let here = path + "/" + Self.escape(name)
                if let sub = properties[name] {
                    validate(member, against: sub, at: here, into: &found)
                } else if let additional = keywords["additionalProperties"] {
                    if additional == .bool(false) {
                        found.append(Violation(path: here, message: "key '\(name)' is not allowed (additionalProperties: false)"))
                    } else {
                        validate(member, against: additional, at: here, into: &found)
                    }
                }
            }
        }
        if case .array(let items) = value, let itemSchema = keywords["items"] {
            for (i, item) in items.enumerated() { validate(item, against: itemSchema, at: path + "/\(i)", into: &found) }
        }
    }

    /// JSON equality, with integers equal to the same number written with a fraction.
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        if let x = a.numeric, let y = b.numeric { return x == y }
        return a == b
    }

    /// RFC 3339 `date-time`: `2026-11-25T12:00:00.000Z` or with a `±hh:mm` offset.
    public static func isDateTime(_ text: String) -> Bool {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
            let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return false }
        func number(_ group: Int) -> Int? {
            guard let range = Range(match.range(at: group), in: text) else { return nil }
            return Int(text[range])
        }
        guard let month = number(2), let day = number(3), let hour = number(4), let minute = number(5), let second = number(6) else {
            return false
        }
        if let offsetHours = number(9), let offsetMinutes = number(10), offsetHours > 23 || offsetMinutes > 59 { return false }
        return (1...12).contains(month) && (1...31).contains(day) && hour < 24 && minute < 60 && second <= 60
    }

    /// A short description of a value for messages.
    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return "boolean \(b)"
        case .integer(let i): return "integer \(i)"
        case .number(let x): return "number \(x)"
        case .string(let s): return "string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .array(let a): return "array of \(a.count)"
        case .object(let o): return "object with \(o.count) keys"
        }
    }

    /// A key as a JSON Pointer token (RFC 6901).
    static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
