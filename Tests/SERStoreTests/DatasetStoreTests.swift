import Foundation
import GRDB
import SERStore
import Testing
import SERTestSupport

@Suite("DatasetStore")
struct DatasetStoreTests {
    /// A new database in a temporary folder.
    func makeStore() throws -> Store {
        try Store.create(at: try ScratchFolder.make("dataset-store").appendingPathComponent("ser.db").path)
    }

    func clip(_ datasetID: Int64, _ name: String, hash: Character, label: String = "happy") -> ClipRecord {
        ClipRecord(
            datasetID: datasetID, path: "/c/\(name)", relativePath: name, contentHash: String(repeating: hash, count: 64),
            fileSize: 100, format: "WAV/PCM_16", sampleRate: 8000, channels: 1, frames: 800, duration: 0.1,
            label: label, originalLabel: label, speaker: "s1", gender: "female", attributes: "{}",
            importedAt: Timestamp.now())
    }

    @Test func clipsVersionsAndLookups() throws {
        let store = try makeStore()
        let ids = try store.write { db -> [Int64] in
            let dataset = try DatasetStore.createDataset(
                DatasetRecord(name: "d", layout: "folders", rootPath: "/c", createdAt: Timestamp.now()), db)
            let datasetID = try #require(dataset.id)
            try DatasetStore.ensureLabels(["frustrated"], db)
            let a = try DatasetStore.insertClip(clip(datasetID, "a.wav", hash: "a"), audio: nil, db)
            let again = try DatasetStore.insertClip(clip(datasetID, "a.wav", hash: "a"), audio: nil, db)
            #expect(a == again)
            let b = try DatasetStore.insertClip(clip(datasetID, "b.wav", hash: "b", label: "frustrated"), audio: nil, db)
            return [datasetID, a, b]
        }
        let datasetID = ids[0]
        let first = try store.write { db in
            try DatasetStore.createVersion(
                datasetID: datasetID, hash: String(repeating: "1", count: 64), clipIDs: [ids[1]], note: nil, at: Timestamp.now(), db)
        }
        #expect(first.created)
        let repeated = try store.write { db in
            try DatasetStore.createVersion(
                datasetID: datasetID, hash: String(repeating: "1", count: 64), clipIDs: [ids[1]], note: nil, at: Timestamp.now(), db)
        }
        #expect(!repeated.created && repeated.version == first.version)
        let second = try store.write { db in
            try DatasetStore.createVersion(
                datasetID: datasetID, hash: String(repeating: "2", count: 64), clipIDs: [ids[1], ids[2]], note: "n", at: Timestamp.now(), db
            )
        }
        #expect(try DatasetStore.resolveVersion(dataset: "d", in: store).version == second.version)
        #expect(try DatasetStore.resolveVersion(dataset: "d", version: "1111", in: store).version == first.version)
        #expect(try DatasetStore.resolveVersion(dataset: "d", version: String(second.version.id ?? 0), in: store).version == second.version)
        let missing = #expect(throws: StoreError.self) { try DatasetStore.resolveVersion(dataset: "x", in: store) }
        #expect(missing?.reason.contains("no dataset named 'x'") == true)
        let badVersion = #expect(throws: StoreError.self) { try DatasetStore.resolveVersion(dataset: "d", version: "ffff", in: store) }
        #expect(badVersion?.reason.contains("has no version 'ffff'") == true)

        try store.read { db in
            let secondID = try #require(second.version.id)
            #expect(try DatasetStore.clips(versionID: secondID, db).map(\.relativePath) == ["a.wav", "b.wav"])
            #expect(try DatasetStore.clips(versionID: secondID, label: "frustrated", db).map(\.relativePath) == ["b.wav"])
            #expect(try DatasetStore.labelCounts(versionID: secondID, db) == ["happy": 1, "frustrated": 1])
            #expect(try DatasetStore.speakersAndSeconds(versionID: secondID, db).speakers == 1)
            #expect(try DatasetStore.existingClips(datasetID: datasetID, db).count == 2)
            #expect(try String.fetchOne(db, sql: "SELECT canonical FROM labels WHERE name = 'frustrated'") == "0")
        }
        #expect(try store.integrityProblems().isEmpty)
    }

    @Test func unknownLabelsAreRefusedByTheSchema() throws {
        let store = try makeStore()
        #expect(throws: (any Error).self) {
            try store.write { db in
                let dataset = try DatasetStore.createDataset(
                    DatasetRecord(name: "d", layout: "folders", rootPath: "/c", createdAt: Timestamp.now()), db)
                _ = try DatasetStore.insertClip(clip(dataset.id ?? -1, "a.wav", hash: "a", label: "unheard-of"), audio: nil, db)
            }
        }
        #expect(try store.read { try DatasetStore.datasets($0) }.isEmpty)  // the transaction rolled back
    }

    @Test func storedAudioDecodesBothDTypes() throws {
        var int16 = Data()
        for value: Int16 in [0, 16384, -32768, 32767] { withUnsafeBytes(of: value.littleEndian) { int16.append(contentsOf: $0) } }
        let a = ClipAudioRecord(clipID: 1, dtype: .int16, sampleRate: 8000, channels: 2, frames: 2, data: int16)
        #expect(a.floatSamples() == [0, 0.5, -1, Float(32767) / 32768])
        var float = Data()
        for value: Float in [0.25, -0.75] { withUnsafeBytes(of: value.bitPattern.littleEndian) { float.append(contentsOf: $0) } }
        let b = ClipAudioRecord(clipID: 1, dtype: .float32, sampleRate: 8000, channels: 1, frames: 2, data: float)
        #expect(b.floatSamples() == [0.25, -0.75])
    }
}
