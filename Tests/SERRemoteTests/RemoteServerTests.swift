import Foundation
import GRDB
import SERCore
import SERStore
import SERTestSupport
import Testing
@testable import SERRemote

/// Push, pull and the remote's schema against a real PostgreSQL server started for each test.
@Suite(.enabled(if: TestPostgres.isAvailable, Comment(rawValue: TestPostgres.skipReason)))
struct RemoteServerTests {
    /// Row counts of every exchanged table on the remote.
    func remoteCounts(_ server: TestPostgres) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for spec in ExchangeSchema.all {
            counts[spec.name] = Int(try server.psql("SELECT count(*) FROM \(spec.name)").trimmingCharacters(in: .whitespacesAndNewlines))
        }
        return counts
    }

    func connect(_ server: TestPostgres) async throws -> Remote {
        try await Remote.connect(name: "origin", url: try RemoteURL(server.url), password: nil)
    }

    @Test func theSchemaIsMigratedOnceAndANewerRemoteIsRefused() async throws {
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            #expect(try await remote.schemaVersion() == RemoteMigrations.latestVersion)
            await remote.close()
            let again = try await connect(server)
            #expect(try await again.schemaVersion() == RemoteMigrations.latestVersion)
            await again.close()
            #expect(try server.psql("SELECT count(*) FROM remote_schema_migrations").hasPrefix("\(RemoteMigrations.all.count)"))
            try server.psql("INSERT INTO remote_schema_migrations (version, name, applied_by) VALUES (999, 'future', 'ser 9')")
            let newer = await #expect(throws: RemoteError.self) { try await connect(server) }
            #expect(newer?.code == .newerSchema && "\(newer.map { "\($0)" } ?? "")".contains("999"))
        }
    }

    @Test func pushingTwiceDuplicatesNothing() async throws {
        let store = try RemoteFixture.makeStore()
        let first = try RemoteFixture.addFinishedRun(to: store, name: "a", seed: 1)
        try RemoteFixture.addFinishedRun(to: store, name: "b", seed: 2, epochs: 2)
        let running = try store.createRun(
            NewRun(
                datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 3, config: "{}", commandLine: "ser run",
                provenance: Provenance(serVersion: "0.1.0")))
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            let report = try await remote.push(from: store, runIDs: nil)
            #expect(report.pushed.count == 2)
            #expect(report.skipped.map(\.runID) == [running])
            let counts = try remoteCounts(server)
            #expect(counts["runs"] == 2 && counts["epochs"] == 5 && counts["clips"] == 6 && counts["dataset_versions"] == 1)
            #expect(counts["checkpoints"] == 4 && counts["checkpoint_tensors"] == 4 && counts["confusion"] == 8)
            #expect(counts["feature_configs"] == 1 && counts["run_splits"] == 12 && counts["hyperparameters"] == 6)
            let again = try await remote.push(from: store, runIDs: nil)
            #expect(again.pushed.isEmpty && again.alreadyThere.count == 2)
            let one = try await remote.push(from: store, runIDs: [first])
            let firstUUID = try RemoteFixture.uuid(of: first, in: store)
            #expect(one.pushed.isEmpty && one.alreadyThere == [firstUUID])
            #expect(try remoteCounts(server) == counts)
            await remote.close()
        }
    }

    /// Tensors of the fixture's 6 clips under its recipe, whose bytes depend on the clip.
    static func addFeatures(to store: Store, count: Int = 6) throws {
        try store.write { db in
            for clip in 1...count {
                let values: [Float] = (0..<6).map { Float(clip) + Float($0) / 8 }
                let data = values.withUnsafeBytes { Data($0) }
                try db.execute(
                    sql: "INSERT INTO features (clip_id, config_id, frames, dims, data, computed_at) VALUES (?, 1, 3, 2, ?, 'now')",
                    arguments: [clip, data])
            }
        }
    }

    /// Every tensor of a database by its clip's content hash.
    static func tensors(_ store: Store) throws -> [String: Data] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT c.content_hash, f.data FROM features f JOIN clips c ON c.id = f.clip_id")
                .reduce(into: [:]) { $0[$1["content_hash"] as String] = $1["data"] as Data }
        }
    }

    @Test func featureTensorsTravelOnRequestAndOnlyWhatIsMissing() async throws {
        let source = try RemoteFixture.makeStore()
        let run = try RemoteFixture.addFinishedRun(to: source, name: "with-features", seed: 3)
        // Four of six tensors first: an interrupted cache, or a push before the rest existed.
        try Self.addFeatures(to: source, count: 4)
        let target = try RemoteFixture.makeStore()
        try target.write { try $0.execute(sql: "DELETE FROM feature_configs") }
        let key = ExchangeScope.featureSetKey(version: String(repeating: "v", count: 64), recipe: String(repeating: "f", count: 64))
        #expect(try source.featureCoverage(key).cached.count == 4 && !(try source.holds(.featureSet, key: key)))
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            // A plain push sends no tensors; --features sends the four there are.
            #expect(try await remote.push(from: source, runIDs: [run]).tensors == 0)
            #expect(try server.psql("SELECT count(*) FROM features").hasPrefix("0"))
            #expect(try await remote.push(from: source, runIDs: [run], features: true).tensors == 4)
            #expect(try await remote.holds(.featureSet, key: key) == false)
            // The other two appear; pushing again sends only those.
            try source.write { db in try db.execute(sql: "DELETE FROM features") }
            try Self.addFeatures(to: source)
            #expect(try await remote.push(from: source, runIDs: [run], features: true).tensors == 2)
            #expect(try await remote.holds(.featureSet, key: key))
            #expect(try await remote.push(from: source, runIDs: [run], features: true).tensors == 0)
            // A pull without --features copies none; with it, all six, byte for byte.
            #expect(try await remote.pull(into: target).tensors == 0)
            #expect(try Self.tensors(target).isEmpty)
            #expect(try await remote.pull(into: target, features: true).tensors == 6)
            #expect(try await remote.pull(into: target, features: true).tensors == 0)
            await remote.close()
        }
        let sent = try Self.tensors(source)
        let received = try Self.tensors(target)
        #expect(sent.count == 6 && received == sent)
        #expect(try target.holds(.featureSet, key: key))
    }

    /// An ensemble names its members by local id; they travel as UUIDs and come back as the
    /// receiving database's ids, in order, in its settings and its hyperparameter row.
    @Test func anEnsembleKeepsItsMembersAcrossDatabases() async throws {
        let source = try RemoteFixture.makeStore()
        let members = try (1...3).map { try RemoteFixture.addFinishedRun(to: source, name: "m\($0)", seed: Int64($0)) }
        let list = "[\(members.reversed().map(String.init).joined(separator: ","))]"
        let ensemble = try source.createRun(
            NewRun(
                name: "ens", datasetVersionID: 1, featureConfigID: 1, split: "speaker", seed: 1,
                config: #"{"ensembleOf":\#(list),"combine":"mean of class probabilities"}"#, commandLine: "ser ensemble",
                hyperparameters: ["ensembleOf": list], provenance: Provenance(serVersion: "0.1.0")))
        try source.markRunning(ensemble, pid: 1)
        try source.endRun(ensemble, status: .finished)
        let uuids = try members.reversed().map { try RemoteFixture.uuid(of: $0, in: source) }
        // The receiving database has runs of its own, so every pulled run gets another id.
        let target = try RemoteFixture.makeStore()
        for i in 0..<2 { try RemoteFixture.addFinishedRun(to: target, name: "own\(i)", seed: 40 + Int64(i)) }
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            #expect(try await remote.push(from: source, runIDs: nil).pushed.count == 4)
            let stored = try server.value("SELECT config FROM runs WHERE name = 'ens'")
            #expect(
                stored == #"{"ensembleOf":[\#(uuids.map { "\"\($0)\"" }.joined(separator: ","))],"combine":"mean of class probabilities"}"#)
            #expect(try await remote.pull(into: target).pulled.count == 4)
            await remote.close()
        }
        let ids = try uuids.map { uuid in
            try #require(try target.read { try Int64.fetchOne($0, sql: "SELECT id FROM runs WHERE uuid = ?", arguments: [uuid]) })
        }
        #expect(ids != Array(members.reversed()), "the members have other ids there")
        let expected = "[\(ids.map(String.init).joined(separator: ","))]"
        let row = try #require(
            try target.read {
                try Row.fetchOne(
                    $0,
                    sql: """
                        SELECT r.config, h.value FROM runs r JOIN hyperparameters h ON h.run_id = r.id AND h.name = 'ensembleOf'
                        WHERE r.name = 'ens'
                        """)
            })
        #expect(row["config"] as String == #"{"ensembleOf":\#(expected),"combine":"mean of class probabilities"}"#)
        #expect(row["value"] as String == expected)
    }

    @Test func pullKeepsTheLocalRunAndCopiesTheRemoteOnesExactly() async throws {
        let source = try RemoteFixture.makeStore()
        let sweep = try RemoteFixture.addFinishedRun(to: source, name: "parent", seed: 5, epochs: 1, kind: .sweep)
        let trial = try RemoteFixture.addFinishedRun(to: source, name: "trial", seed: 6, epochs: 4, parentID: sweep, kind: .trial)
        try source.write { try $0.execute(sql: "UPDATE runs SET selected_run_id = ? WHERE id = ?", arguments: [trial, sweep]) }
        // A second database whose own run 1 is a different run, and which lacks the dataset.
        let target = try RemoteFixture.makeStore()
        try target.write { db in
            try db.execute(sql: "DELETE FROM dataset_version_clips")
            try db.execute(sql: "DELETE FROM dataset_versions")
            try db.execute(sql: "DELETE FROM clips")
            try db.execute(sql: "DELETE FROM datasets")
        }
        let own = try target.createRun(
            NewRun(
                name: "mine", datasetVersionID: nil, featureConfigID: nil, split: nil, seed: 9, config: "{}", commandLine: "ser run",
                provenance: Provenance(serVersion: "0.1.0")))
        #expect(own == 1)
        let ownUUID = try RemoteFixture.uuid(of: own, in: target)
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            #expect(try await remote.push(from: source, runIDs: [sweep]).pushed.count == 2)
            let report = try await remote.pull(into: target)
            #expect(report.pulled.count == 2 && report.datasetVersions.count == 1)
            #expect(try await remote.pull(into: target).pulled.isEmpty)
            await remote.close()
        }
        #expect(try RemoteFixture.uuid(of: own, in: target) == ownUUID)
        #expect(try target.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") } == 3)
        for local in [sweep, trial] {
            let uuid = try RemoteFixture.uuid(of: local, in: source)
            let sent = try RemoteFixture.snapshot(source, uuid: uuid)
            let received = try RemoteFixture.snapshot(target, uuid: uuid)
            #expect(sent.keys.sorted() == received.keys.sorted())
            for (table, rows) in sent {
                #expect(Set(rows) == Set(received[table] ?? []), "table \(table) of run \(local) differs after the round trip")
            }
        }
        // Links by UUID: the trial's parent and the sweep's selected trial are the pulled runs.
        let links = try target.read { db in
            try Int64.fetchAll(
                db,
                sql: """
                    SELECT p.id FROM runs c JOIN runs p ON p.id = c.parent_id WHERE c.name = 'trial'
                    UNION ALL SELECT p.selected_run_id FROM runs p WHERE p.name = 'parent'
                    UNION ALL SELECT id FROM runs WHERE name = 'trial'
                    """)
        }
        #expect(links == [2, 3, 3])
        #expect(try target.epochs(2).count == 1)
        #expect(try target.epochs(3).count == 4)
        let sentWeights = try source.checkpoint(trial, kind: .best)
        #expect(try target.checkpoint(3, kind: .best) == sentWeights)
    }

    @Test func anInterruptedPushLeavesWholeRunsAndPushingAgainFinishes() async throws {
        let store = try RemoteFixture.makeStore()
        let ids = try (1...3).map { try RemoteFixture.addFinishedRun(to: store, name: "r\($0)", seed: Int64($0)) }
        let uuids = try ids.map { try RemoteFixture.uuid(of: $0, in: store) }
        struct Injected: Error {}
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            // Stopped between runs: the first run is committed whole.
            await #expect(throws: Injected.self) {
                try await remote.push(from: store, runIDs: nil, hooks: PushHooks(afterRun: { _ in throw Injected() }))
            }
            let afterFirst = try remoteCounts(server)
            #expect(afterFirst["runs"] == 1 && afterFirst["epochs"] == 3)
            // Stopped inside the second run's transaction: nothing of it reaches the remote.
            await #expect(throws: Injected.self) {
                try await remote.push(
                    from: store, runIDs: nil,
                    hooks: PushHooks(beforeCommit: { uuid in
                        if uuid == uuids[1] { throw Injected() }
                    }))
            }
            #expect(try server.psql("SELECT count(*) FROM epochs WHERE run_uuid = '\(uuids[1])'").hasPrefix("0"))
            #expect(try remoteCounts(server)["runs"] == 1)
            let finished = try await remote.push(from: store, runIDs: nil)
            #expect(finished.pushed == [uuids[1], uuids[2]] && finished.alreadyThere == [uuids[0]])
            let counts = try remoteCounts(server)
            #expect(counts["runs"] == 3 && counts["epochs"] == 9 && counts["checkpoint_tensors"] == 6 && counts["clips"] == 6)
            await remote.close()
        }
    }

    @Test func twoDatabasesPushingTheSameRunsConverge() async throws {
        let a = try RemoteFixture.makeStore()
        try RemoteFixture.addFinishedRun(to: a, name: "from-a", seed: 1)
        let b = try RemoteFixture.makeStore()
        try RemoteFixture.addFinishedRun(to: b, name: "from-b", seed: 2)
        try await TestPostgres.with { server in
            let remote = try await connect(server)
            // Both push at once: the shared dataset version and recipe are written once.
            async let pushA = remote.push(from: a, runIDs: nil)
            let second = try await connect(server)
            async let pushB = second.push(from: b, runIDs: nil)
            _ = try await (pushA, pushB)
            _ = try await remote.pull(into: a)
            _ = try await second.pull(into: b)
            #expect(try a.runUUIDs() == b.runUUIDs())
            #expect(try a.runUUIDs().count == 2)
            let counts = try remoteCounts(server)
            #expect(counts["runs"] == 2 && counts["dataset_versions"] == 1 && counts["clips"] == 6)
            #expect(try await remote.push(from: a, runIDs: nil).pushed.isEmpty)
            await remote.close()
            await second.close()
        }
    }

    @Test func anUnreachableOrMissingRemoteSaysSoInOneLine() async throws {
        let port = try TestPostgresPort.free()
        let gone = await #expect(throws: RemoteError.self) {
            try await Remote.connect(name: "gone", url: try RemoteURL("postgres://ser@127.0.0.1:\(port)/ser"), password: nil)
        }
        #expect(gone?.code == .unreachable && gone.map { "\($0)" }?.contains("\n") == false, "\(String(describing: gone))")
        try await TestPostgres.with { server in
            let url = try RemoteURL("postgres://ser@127.0.0.1:\(server.port)/nosuchdb")
            let missing = await #expect(throws: RemoteError.self) { try await Remote.connect(name: "origin", url: url, password: nil) }
            #expect(missing?.code == .server && missing?.reason.contains("nosuchdb") == true, "\(String(describing: missing))")
            let stranger = try RemoteURL("postgres://mallory@127.0.0.1:\(server.port)/ser")
            let refused = await #expect(throws: RemoteError.self) { try await Remote.connect(name: "origin", url: stranger, password: nil) }
            #expect(refused?.code == .authentication && refused?.reason.contains("mallory") == true, "\(String(describing: refused))")
        }
    }
}
