// A second consumer of the workbench: this target depends on the `SERWorkbench` product
// alone (no SERCLI, no test support, no store module), as another Swift program or front end
// would. It writes a small corpus, imports it, trains a tiny run and reads its metrics.
import Foundation
import SERWorkbench
import Testing

@Suite struct ConsumerTests {
    /// A 16 kHz mono 16-bit WAV file of `samples`.
    static func wav(_ samples: [Int16]) -> Data {
        var data = Data()
        func append<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
        data.append(contentsOf: Array("RIFF".utf8)); append(UInt32(36 + samples.count * 2))
        data.append(contentsOf: Array("WAVEfmt ".utf8)); append(UInt32(16)); append(UInt16(1)); append(UInt16(1))
        append(UInt32(16_000)); append(UInt32(32_000)); append(UInt16(2)); append(UInt16(16))
        data.append(contentsOf: Array("data".utf8)); append(UInt32(samples.count * 2))
        for s in samples { append(s) }
        return data
    }

    @Test func importsTrainsAndReadsMetricsThroughTheLibraryAlone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ser-consumer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        // Label folders: two classes (a steady tone and a rising chirp), three speakers' worth.
        for (label, rising) in [("low", false), ("high", true)] {
            let dir = folder.appendingPathComponent("corpus/\(label)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            for k in 0..<8 {
                var phase = 0.0
                let samples = (0..<8_000).map { i -> Int16 in
                    let f = 200.0 + 20 * Double(k) + (rising ? 400 * Double(i) / 8_000 : 0)
                    phase += 2 * Double.pi * f / 16_000
                    return Int16(10_000 * sin(phase))
                }
                try Self.wav(samples).write(to: dir.appendingPathComponent("\(label)-\(k).wav"))
            }
        }
        let workbench = try Workbench.create(at: folder.appendingPathComponent("ser.db").path)
        let summary = try workbench.importCorpus(ImportRequest(paths: [folder.appendingPathComponent("corpus").path], name: "tones"))
        #expect(summary.newClips == 16)

        var settings = RunSettings()
        settings.split = .random
        settings.testFraction = 0.25
        settings.sampleRate = 16_000
        settings.layers = [8]
        settings.dense = [8]
        settings.maxFrames = 16
        settings.epochs = 2
        settings.threads = 1
        let outcome = try workbench.train(settings)
        #expect(outcome.status == .finished)
        let accuracy = try #require(outcome.testMetrics["accuracy"])
        #expect((0...1).contains(accuracy))
        #expect(try workbench.settings(ofRun: outcome.run).epochs == 2)
    }
}
