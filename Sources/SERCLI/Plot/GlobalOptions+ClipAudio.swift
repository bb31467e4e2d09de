import SERCore
import SERWorkbench
import Foundation
import SERReports
import SERStore

extension GlobalOptions {
    /// The samples of the clip `reference` names (id or path) in the database; without a
    /// database, a plain audio file can still be drawn.
    func clipAudio(_ reference: String) throws -> ClipResolver.ClipAudio {
        let store: Store?
        do {
            store = try openStore()
        } catch {
            guard FileManager.default.fileExists(atPath: reference), Int64(reference) == nil else { throw error }
            store = nil
        }
        return try ClipResolver.audio(reference, store: store)
    }
}
