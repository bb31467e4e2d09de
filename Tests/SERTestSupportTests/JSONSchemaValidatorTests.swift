import Foundation
import SERTestSupport
import Testing

/// The schema validator the `--json` contract tests rely on: what it accepts, what it
/// catches, and the schemas it refuses rather than half-check.
@Suite struct JSONSchemaValidatorTests {
    /// A schema using every supported keyword.
    static let schema = #"""
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "a run", "description": "test schema",
          "type": "object",
          "required": ["id", "name", "kind", "score", "tags", "when", "epochs", "params"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "integer", "minimum": 1},
            "name": {"type": ["string", "null"]},
            "kind": {"enum": ["train", "kfold"]},
            "score": {"type": ["number", "null"], "minimum": 0},
            "tags": {"type": "array", "items": {"type": "string"}},
            "when": {"type": "string", "format": "date-time"},
            "epochs": {"type": "array", "items": {"$ref": "#/$defs/epoch"}},
            "params": {"type": "object", "additionalProperties": {"type": ["number", "string", "array", "boolean", "null"]}}
          },
          "$defs": {
            "epoch": {
              "type": "object", "required": ["epoch", "loss"], "additionalProperties": false,
              "properties": {"epoch": {"type": "integer"}, "loss": {"type": "number"}}
            }
          }
        }
        """#

    static let valid = #"""
        {"id": 3, "name": null, "kind": "kfold", "score": 0.5, "tags": ["a", "b"], "when": "2026-11-25T12:00:00.000Z",
         "epochs": [{"epoch": 1, "loss": 2}, {"epoch": 2, "loss": 1.5}], "params": {"lr": 0.001, "layers": [128, 64], "act": "relu"}}
        """#

    func violations(_ instance: String, schema: String = schema) throws -> [JSONSchemaValidator.Violation] {
        try JSONSchemaValidator(schema: Data(schema.utf8)).violations(of: Data(instance.utf8))
    }

    /// `valid` with one key's value replaced (or the key removed with `nil`).
    func variant(_ key: String, _ json: String?) throws -> String {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(Self.valid.utf8)) as? [String: Any])
        object[key] = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func aConformingInstanceHasNoViolations() throws {
        #expect(try violations(Self.valid).isEmpty)
        // An integer is a number; 2.0 is an integer.
        #expect(try violations(try variant("score", "1")).isEmpty)
        #expect(try violations(try variant("id", "2.0")).isEmpty)
        #expect(try violations(try variant("when", "\"2026-02-03T04:05:06+01:00\"")).isEmpty)
    }

    @Test(arguments: [
        ("id", "\"3\"", "/id", "expected integer"),
        ("id", "1.5", "/id", "expected integer"),
        ("id", "0", "/id", "below the minimum"),
        ("name", "7", "/name", "expected string or null"),
        ("score", "true", "/score", "expected number or null"),
        ("kind", "\"sweep\"", "/kind", "not one of the allowed values"),
        ("tags", "[\"a\", 1]", "/tags/1", "expected string"),
        ("when", "\"2026-11-25 12:00:00\"", "/when", "not an RFC 3339 date-time"),
        ("when", "\"2026-13-25T12:00:00Z\"", "/when", "not an RFC 3339 date-time"),
        ("epochs", "[{\"epoch\": 1}]", "/epochs/0", "missing required key 'loss'"),
        ("epochs", "[{\"epoch\": 1, \"loss\": 1, \"lr\": 3}]", "/epochs/0/lr", "not allowed"),
        ("params", "{\"nested\": {\"x\": 1}}", "/params/nested", "expected number or string or array or boolean or null"),
        ("extra", "1", "/extra", "not allowed (additionalProperties: false)"),
    ])
    func eachKindOfViolationIsCaughtWithItsPath(key: String, json: String, path: String, message: String) throws {
        let found = try violations(try variant(key, json))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.path == path && found.first?.message.contains(message) == true, "\(found)")
    }

    @Test func aMissingKeyAndAWrongRootAreCaught() throws {
        let found = try violations(try variant("name", nil))
        #expect(found == [JSONSchemaValidator.Violation(path: "", message: "missing required key 'name'")])
        #expect(try violations("[1, 2]").map(\.message) == ["expected object, found array of 2"])
    }

    @Test func schemasWithKeywordsOutsideTheSubsetAreRefused() throws {
        for schema in [
            #"{"type": "object", "oneOf": [{"type": "string"}]}"#,
            #"{"type": "string", "pattern": "^a"}"#,
            #"{"type": "string", "format": "email"}"#,
            #"{"type": "object", "properties": {"a": {"maxLength": 3}}}"#,
            #"{"type": "thing"}"#,
            ##"{"$ref": "#/$defs/missing"}"##,
        ] {
            #expect(throws: JSONSchemaValidator.SchemaError.self, "\(schema)") { try JSONSchemaValidator(schema: Data(schema.utf8)) }
        }
    }

    @Test func dateTimesFollowRFC3339() {
        #expect(JSONSchemaValidator.isDateTime("2026-11-25T12:00:00.000Z"))
        #expect(JSONSchemaValidator.isDateTime("2026-11-25t23:59:60z"))
        #expect(!JSONSchemaValidator.isDateTime("2026-11-25T24:00:00Z"))
        #expect(!JSONSchemaValidator.isDateTime("2026-11-25T12:00:00"))
        #expect(!JSONSchemaValidator.isDateTime("25/11/2026"))
    }
}
