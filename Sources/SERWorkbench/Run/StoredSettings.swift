import Foundation
public import SERStore

extension RunSettings {
    /// The settings run `header` was trained with (`runs.config`): the one decoder of a
    /// stored run's settings.
    ///
    /// - Throws: ``WorkbenchError`` `.wrongState` for an ensemble (it has no settings of its
    ///   own), `.invalidSetting` when the stored JSON cannot be read.
    public static func stored(_ header: Store.RunHeader) throws -> RunSettings {
        if let members = EnsembleBuilder.members(ofConfig: header.config) {
            throw WorkbenchError(
                .wrongState,
                "run \(header.id) is an ensemble of runs \(members.map(String.init).joined(separator: ", ")) and has no training settings of its own; "
                    + "reproduce its members and combine them with `ser ensemble`")
        }
        return try decoded(header.config, of: "run \(header.id)")
    }

    /// Settings from their stored JSON form (`runs.config`, a queued run's settings): the one
    /// decoder of that form. `owner` names where they come from in errors (`run 7`).
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` (with the key when one setting is at
    ///   fault) when the JSON cannot be read or a value is out of range.
    public static func decoded(_ json: String, of owner: String) throws -> RunSettings {
        do {
            return try JSONDecoder().decode(RunSettings.self, from: Data(json.utf8))
        } catch let error as WorkbenchError {
            throw WorkbenchError(.invalidSetting, key: error.key, "\(owner): its stored settings cannot be used: \(error.reason)")
        } catch {
            throw WorkbenchError(.invalidSetting, "\(owner): its stored settings cannot be read: \(error)")
        }
    }
}
