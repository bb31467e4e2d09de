import ArgumentParser
import Foundation
import SERRemote
import SERStore

/// `--remote NAME` of `ser runs`, `show`, `compare` and `diff`: read a team remote instead of
/// this database.
struct RemoteReadOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Read this team remote's runs instead of the local database's (run ids are then positions in the remote's history, oldest first; names, @tags and last work as here).",
            valueName: "remote"))
    var remote: String?

    /// The database to read: the local one opened read-only, or with `--remote`, a scratch
    /// snapshot of the remote made now (every run with its records, checkpoint tensors left
    /// out), removed when the command exits. The same query code then serves both.
    func store(_ options: GlobalOptions) throws -> Store {
        let local = try options.openStore(readOnly: true)
        guard let remote else { return local }
        let record = try RemoteSelection.record(remote, in: local)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ser-remote-view-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        OpenStores.removeAtExit(folder)
        let snapshot = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        _ = try RemoteSelection.using(record) { remote in try await remote.pull(into: snapshot, skipping: ["checkpoint_tensors"]) }
        return snapshot
    }
}
