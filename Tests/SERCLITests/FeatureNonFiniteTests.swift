import Foundation
import GRDB
import SERTestSupport
import Testing

/// Issue #16 item 9: audio that would give non-finite features is a failure naming the clip,
/// never "0 failed" (a run then trained on NaN).
@Suite("ser features: non-finite input")
struct FeatureNonFiniteTests {
    @Test func storedPCMWithAbsurdSamplesIsAFailureNamingTheClip() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        let tone = (0..<8000).map { Float(sin(Double($0) * 0.05)) * 0.5 }
        try corpus.file("happy/a.wav", WAVWriter.float32(sampleRate: 16000, channels: 1, samples: tone))
        try corpus.file("sad/b.wav", WAVWriter.float32(sampleRate: 16000, channels: 1, samples: tone.map { $0 * 0.5 }))
        let imported = try corpus.ser(["import", corpus.corpus.path, "--layout", "folders", "--store-audio", "-q"])
        #expect(imported.status == 0, "\(imported.stderr)")
        // A database written before import checked samples: clip 1's PCM holds 1e18 from sample 2000 on.
        var bad = tone
        for i in 2000..<8000 { bad[i] = 1e18 }
        let blob = bad.withUnsafeBufferPointer { Data(buffer: $0) }
        try DatabaseQueue(path: corpus.database).write { db in
            try db.execute(sql: "UPDATE clip_audio SET data = ? WHERE clip_id = 1", arguments: [blob])
        }
        let features = try corpus.ser(["features", "--sample-rate", "16000"])
        #expect(features.status == 0, "\(features.stderr)")
        #expect(features.stdout.contains("1 computed") && features.stdout.contains(", 1 failed"), "\(features.stdout)")
        #expect(features.stdout.contains("happy/a.wav: clip 1 ("), "\(features.stdout)")
        #expect(features.stdout.contains("stored PCM sample 2000 (frame 2000) is 1e+18"), "\(features.stdout)")
    }
}
