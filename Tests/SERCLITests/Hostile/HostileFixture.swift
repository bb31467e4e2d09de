import Foundation
import GRDB
import SERStore
import SERTestSupport

/// The databases hostile cases start from, made once per test process and copied per case.
enum HostileFixture {
    /// Where the templates live (a scratch folder, removed at exit).
    static let root: URL = (try? ScratchFolder.make("hostile")) ?? ScratchFolder.root

    /// A fresh `ser init` database.
    static let initialized: Result<String, HostileSetupError> = {
        let database = root.appendingPathComponent("init.db").path
        do {
            let result = try SERProcess.run(["init", database, "-q"])
            guard result.status == 0 else { return .failure(HostileSetupError("ser init: \(result.stderr)")) }
            try checkpoint(database)
            return .success(database)
        } catch {
            return .failure(HostileSetupError("ser init: \(error)"))
        }
    }()

    /// The tone corpus imported as `tones` and one finished tiny run.
    static let trained: Result<(database: String, runID: Int64), HostileSetupError> = {
        do {
            let trained = try TrainedCorpus()
            try checkpoint(trained.corpus.database)
            return .success((trained.corpus.database, trained.runID))
        } catch {
            return .failure(HostileSetupError("trained fixture: \(error)"))
        }
    }()

    /// Moves everything from the write-ahead log into the database file, so one file copies.
    static func checkpoint(_ path: String) throws {
        try DatabaseQueue(path: path).writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
    }

    /// A fresh workspace for `base`.
    static func workspace(for base: HostileCase.Base) throws -> HostileWorkspace {
        let folder = try ScratchFolder.make("hostile-case")
        switch base {
        case .nothing:
            return HostileWorkspace(folder: folder, runID: 0)
        case .goodCorpus:
            let workspace = HostileWorkspace(folder: folder, runID: 0)
            try FileManager.default.copyItem(atPath: try initialized.get(), toPath: workspace.database)
            for actor in 1...2 {
                for take in 1...2 { try workspace.goodClip(actor: actor, take: take, seed: actor * 2 + take) }
            }
            return workspace
        case .trained:
            let (database, runID) = try trained.get()
            let workspace = HostileWorkspace(folder: folder, runID: runID)
            try FileManager.default.copyItem(atPath: database, toPath: workspace.database)
            return workspace
        }
    }

    /// What the verdict needs to know after a run.
    static func facts(_ workspace: HostileWorkspace, _ expectation: HostileExpectation, protected: [String: String]) -> HostileVerdict.Facts
    {
        var facts = HostileVerdict.Facts()
        if FileManager.default.fileExists(atPath: workspace.database) {
            do {
                facts.integrity = try DatabaseQueue(path: workspace.database).read {
                    try String.fetchAll($0, sql: "PRAGMA integrity_check").joined(separator: "; ")
                }
            } catch {
                facts.integrity = "cannot be opened: \(error)"
            }
        }
        if expectation.clips != nil, let store = try? Store.open(at: workspace.database),
            let version = try? DatasetStore.resolveVersion(dataset: "h", in: store).version
        {
            facts.clips = version.clipCount
        }
        for (path, before) in protected {
            let after = HostileVerdict.fileType(path)
            if after != before { facts.replaced[path] = "was a \(before), now \(after)" }
        }
        return facts
    }
}
