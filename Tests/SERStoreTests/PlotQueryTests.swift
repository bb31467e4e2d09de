import Foundation
import GRDB
import SERCore
import Testing

@testable import SERStore

@Suite struct PlotQueryTests {
    @Test func clipsAreFoundByIdAbsolutePathOrRelativePath() throws {
        let store = try RunStoreTests().makeStore()
        #expect(try store.clip(named: "2")?.label == "happy")
        #expect(try store.clip(named: "a3")?.id == 3)
        // Every fixture clip has the path /x/a: the newest wins.
        #expect(try store.clip(named: "/x/a")?.id == 4)
        #expect(try store.clip(named: "missing.wav") == nil)
        #expect(try store.clip(named: "99") == nil)
    }

    @Test func confusionFollowsTheCheckpointsClassOrderAndRunOverviewReadsTheSummary() throws {
        let store = try RunStoreTests().makeStore()
        let id = try store.createRun(RunStoreTests().newRun("plots"))
        #expect(try store.runOverview(id)?.status == "queued")
        #expect(try store.evaluatedSubsets(id).isEmpty)
        try store.recordEpoch(
            id, EpochRecord(epoch: 1, trainLoss: 1, trainAccuracy: 0.5, learningRate: 1e-3, wallSeconds: 1),
            last: Checkpoint(kind: .last, epoch: 1, classes: ["sad", "happy"], tensors: []), best: nil)
        try store.recordEvaluation(
            id,
            EvaluationRecord(
                subset: "val", metrics: ["accuracy": 0.5], classes: [.init(label: "sad", precision: 1, recall: 0.5, f1: 0.667, support: 2)],
                labels: ["happy", "sad"], confusion: [[1, 1], [0, 2]], predictions: []))
        let matrix = try #require(try store.confusion(id, subset: "val"))
        #expect(matrix.labels == ["sad", "happy"])
        #expect(matrix.counts == [[2, 0], [1, 1]])
        #expect(matrix.total == 4)
        #expect(try store.confusion(id, subset: "test") == nil)
        #expect(try store.evaluatedSubsets(id) == ["val"])
        #expect(try store.classMetrics(id, subset: "val").map(\.label) == ["sad"])
        #expect(try store.runMetrics(id) == [RunMetric(subset: "val", name: "accuracy", value: 0.5, std: nil)])
        let overview = try #require(try store.runOverview(id))
        #expect(overview.epochsDone == 1 && overview.tags == ["a", "b"] && overview.displayName == "run \(id) (plots)")
        #expect(try store.hyperparameters(id).map(\.name) == ["layers", "lr", "optimizer"])
        #expect(try store.provenance(id)?.serVersion == "0.1.0")
    }

    @Test func datasetClipsUseTheNewestVersionAndStoredAudioDecodes() throws {
        let store = try RunStoreTests().makeStore()
        #expect(try store.datasetExists("d"))
        #expect(try !store.datasetExists("nope"))
        #expect(try store.datasetClips("d").map(\.id) == [1, 2, 3, 4])
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO dataset_versions (id, dataset_id, hash, clip_count, created_at) VALUES (1, 1, ?, 2, '2026-01-01')",
                arguments: [String(repeating: "f", count: 64)])
            try db.execute(sql: "INSERT INTO dataset_version_clips (version_id, clip_id) VALUES (1, 2), (1, 4)")
            let pcm = Data([0x00, 0x40, 0x00, 0xC0])  // 16384, -16384
            try db.execute(
                sql: "INSERT INTO clip_audio (clip_id, dtype, sample_rate, channels, frames, data) VALUES (1, 'int16', 16000, 1, 2, ?)",
                arguments: [pcm])
        }
        #expect(try store.datasetClips("d").map(\.id) == [2, 4])
        let audio = try #require(try store.storedAudio(1))
        #expect(audio.samples == [0.5, -0.5])
        #expect(try store.storedAudio(2) == nil)
    }
}
