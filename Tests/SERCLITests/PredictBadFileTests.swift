import Foundation
import SERTestSupport
import Testing

/// Issue #16 items 7, 9 and 11 in `ser predict`: every file is checked as `ser import` checks
/// it, each bad file is reported, the others are still classified, and the exit status says
/// some failed.
@Suite("ser predict: bad files")
struct PredictBadFileTests {
    @Test func badFilesAreReportedAndTheRestClassified() throws {
        let trained = try TrainedCorpus()
        let corpus = trained.corpus
        defer { corpus.remove() }
        let good1 = corpus.corpus.appendingPathComponent("Actor_01/03-01-01-01-01-01-01.wav").path
        let good2 = corpus.corpus.appendingPathComponent("Actor_02/03-01-03-01-01-01-02.wav").path
        let full = try Data(contentsOf: URL(fileURLWithPath: good1))
        let cut = try corpus.file("bad/cut.wav", full.prefix(full.count / 2)).path  // import rejects it as truncated
        var samples = (0..<8000).map { Float(sin(Double($0) * 0.05)) * 0.5 }
        samples[1000] = .infinity
        let inf = try corpus.file("bad/inf.wav", WAVWriter.float32(sampleRate: 16000, channels: 1, samples: samples)).path
        samples[1000] = 0
        samples[10] = 1e18  // used to give NaN probabilities and a label, exit 0
        let loud = try corpus.file("bad/loud.wav", WAVWriter.float32(sampleRate: 16000, channels: 1, samples: samples)).path
        let huge = try corpus.file(
            "bad/huge.flac", FLACWriter.pcm16(sampleRate: 16000, samples: [Int16](repeating: 5, count: 8000), claimedFrames: (1 << 36) - 1)
        ).path
        let files = [good1, cut, inf, loud, huge, good2]

        let json = try corpus.ser(["predict", "--run", "\(trained.runID)", "--json"] + files)
        #expect(json.status == 1, "\(json.stderr)")
        #expect(json.stderr.contains("4 of 6 files could not be classified; the other 2 were"), "\(json.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let predictions = try #require(report["predictions"] as? [[String: Any]])
        #expect(predictions.compactMap { $0["path"] as? String } == [good1, good2])
        for prediction in predictions {
            let p = try #require(prediction["probabilities"] as? [String: Double])
            #expect(p.values.allSatisfy(\.isFinite) && abs(p.values.reduce(0, +) - 1) < 1e-4)
        }
        let failures = try #require(report["failures"] as? [[String: String]])
        var reasons: [String: String] = [:]
        for failure in failures { reasons[failure["path"] ?? ""] = failure["reason"] }
        #expect(failures.compactMap { $0["path"] } == [cut, inf, loud, huge])
        #expect(reasons[cut]?.contains("truncated: its header promises") == true, "\(reasons)")
        #expect(reasons[inf]?.contains("sample 1000 (frame 1000, channel 0) is inf") == true, "\(reasons)")
        #expect(reasons[loud]?.contains("sample 10 (frame 10, channel 0) is 1e+18") == true, "\(reasons)")
        #expect(reasons[huge]?.contains("its header claims 68719476735 frames") == true, "\(reasons)")

        let text = try corpus.ser(["predict", "--run", "\(trained.runID)"] + files)
        #expect(text.status == 1)
        #expect(text.stderr.contains("ser: \(cut): cannot be used as audio: truncated"), "\(text.stderr)")
        #expect(text.stdout.contains(good1) && text.stdout.contains(good2) && !text.stdout.contains(inf))
        #expect(!text.stdout.lowercased().contains("nan"))
    }
}
