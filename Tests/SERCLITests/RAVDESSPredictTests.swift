import Foundation
import GRDB
import Testing

/// `ser predict` on real RAVDESS clips (the shared set, when present) against the run's own
/// test-set evaluation of the same clips.
@Suite("ser predict: RAVDESS")
struct RAVDESSPredictTests {
    @Test(.enabled(if: RAVDESSImportTests.available, "skipped: ../shared/data/ravdess-speech is not on this machine"))
    func predictGivesTheRunsTestLabelsForRealClips() throws {
        let work = try TestCorpus()
        defer { work.remove() }
        try work.initDatabase()
        // Three actors; actor 01 (held out for test) has a stereo clip, so mono mixing is covered.
        for actor in ["Actor_01", "Actor_02", "Actor_03"] {
            try FileManager.default.copyItem(
                at: RAVDESSImportTests.corpus.appendingPathComponent(actor), to: work.corpus.appendingPathComponent(actor))
        }
        let imported = try work.ser(["import", work.corpus.path, "--name", "ravdess3", "-q"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let trained = try work.ser([
            "run", "--epochs", "2", "--test-speakers", "01", "--seed", "2", "--layers", "8", "--dense", "8", "--max-frames", "48",
            "--threads", "1", "-q",
        ])
        #expect(trained.status == 0, "\(trained.stderr)")
        let expected = try work.readOnly { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.path, c.channels, p.predicted_label, p.probabilities FROM run_predictions p JOIN clips c ON c.id = p.clip_id
                    WHERE p.run_id = 1 AND p.subset = 'test' ORDER BY c.path
                    """)
        }
        #expect(expected.count == 60)
        #expect(expected.contains { $0["channels"] as Int == 2 })
        let result = try work.ser(["predict", "--run", "1", "--json"] + expected.map { $0["path"] as String })
        #expect(result.status == 0, "\(result.stderr)")
        let output = try JSONDecoder().decode(PredictOutput.self, from: Data(result.stdout.utf8))
        for (row, got) in zip(expected, output.predictions) {
            #expect(got.predicted == row["predicted_label"] as String, "\(got.path)")
            let want = try JSONDecoder().decode([Double].self, from: Data((row["probabilities"] as String).utf8))
            for (c, label) in output.classes.enumerated() {
                #expect(abs((got.probabilities[label] ?? -1) - want[c]) < 1e-5, "\(got.path) \(label)")
            }
        }
    }
}
