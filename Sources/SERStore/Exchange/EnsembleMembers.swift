import Foundation
import GRDB

/// The runs an ensemble run combines, as its stored settings name them: `runs.config` holds
/// `{"ensembleOf": [ids…], …}` and the `hyperparameters` row `ensembleOf` the same list. Local
/// ids mean nothing in another database, so the exchange carries run UUIDs there instead and
/// turns them back into the receiving database's ids once every pulled run is in.
public enum EnsembleMembers {
    /// The settings key (and hyperparameter name) of the member list.
    public static let key = "ensembleOf"

    /// Finds the member list in a config's text (`key`, spelt out: a regex literal is checked
    /// at compile time); its capture is the bracketed list.
    static func list(in config: String) -> Regex<(Substring, Substring)>.Match? {
        config.firstMatch(of: /"ensembleOf"\s*:\s*(\[[^\]]*\])/)
    }

    /// `config` with its member list mapped by `map` (each element as JSON gives it: a number
    /// or a string), the rest of the text kept byte for byte; nil when `config` names no
    /// members or an element has no mapping.
    static func rewrite(_ config: String, _ map: (Any) throws -> Any?) rethrows -> String? {
        guard let match = list(in: config),
            let members = try? JSONSerialization.jsonObject(with: Data(match.output.1.utf8)) as? [Any]
        else { return nil }
        var mapped: [Any] = []
        for member in members {
            guard let value = try map(member) else { return nil }
            mapped.append(value)
        }
        guard let data = try? JSONSerialization.data(withJSONObject: mapped) else { return nil }
        var text = config
        text.replaceSubrange(match.output.1.startIndex..<match.output.1.endIndex, with: String(decoding: data, as: UTF8.self))
        return text
    }

    /// The member list alone (`[3,4]` or `["uuid",…]`), as the hyperparameter row holds it.
    static func members(of config: String) -> String? {
        list(in: config).map { String($0.output.1) }
    }

    /// `config` with member ids replaced by those runs' UUIDs (for export); nil when it names
    /// no members or one is not in `db`.
    static func toUUIDs(_ config: String, _ db: Database) throws -> String? {
        try rewrite(config) { member in
            guard let id = (member as? NSNumber)?.int64Value else { return nil }
            return try String.fetchOne(db, sql: "SELECT uuid FROM runs WHERE id = ?", arguments: [id])
        }
    }

    /// `config` with member UUIDs replaced by the local ids of those runs (after a pull); nil
    /// when it names no members or one is not here.
    static func toIDs(_ config: String, _ db: Database) throws -> String? {
        try rewrite(config) { member in
            guard let uuid = member as? String else { return nil }
            return try Int64.fetchOne(db, sql: "SELECT id FROM runs WHERE uuid = ?", arguments: [uuid])
        }
    }
}
