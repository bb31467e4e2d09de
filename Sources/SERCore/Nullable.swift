/// An optional that JSON encoders write as `null` instead of leaving its key out.
///
/// Synthesized `Encodable` skips a `nil` optional (`encodeIfPresent`); `ser`'s `--json`
/// contract wants every key present, `null` when empty. Mark such a property
/// `@Nullable var name: String?`. Decoding accepts both a `null` and a missing key.
@propertyWrapper
public struct Nullable<Value> {
    public var wrappedValue: Value?

    public init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }
}

extension Nullable: Encodable where Value: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue {
            try container.encode(wrappedValue)
        } else {
            try container.encodeNil()
        }
    }
}

extension Nullable: Decodable where Value: Decodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }
}

extension Nullable: Equatable where Value: Equatable {}
extension Nullable: Hashable where Value: Hashable {}
extension Nullable: Sendable where Value: Sendable {}

extension KeyedDecodingContainer {
    /// A ``Nullable`` property whose key is missing decodes as `nil` (synthesized decoding
    /// calls this overload rather than the generic one, which would require the key).
    public func decode<Value: Decodable>(_ type: Nullable<Value>.Type, forKey key: Key) throws -> Nullable<Value> {
        Nullable(wrappedValue: try decodeIfPresent(Value.self, forKey: key))
    }
}
