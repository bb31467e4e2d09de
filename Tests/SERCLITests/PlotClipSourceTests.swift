import Foundation
import GRDB
import SERStore
import Testing

@Suite struct PlotClipSourceTests {
    @Test func waveformFallsBackToStoredPCMAndExplainsAMissingFile() throws {
        let fx = try PlotFixture()
        let store = try Store.open(at: fx.databasePath)
        let two = try #require(try store.clip(named: "2")), three = try #require(try store.clip(named: "3"))
        let samples = (0..<8000).map { i in Int16(12000 * sin(Double(i) / 10)) }
        let pcm = samples.withUnsafeBufferPointer { Data(buffer: $0) }
        try store.write { db in
            try db.execute(
                sql: "INSERT INTO clip_audio (clip_id, dtype, sample_rate, channels, frames, data) VALUES (2, 'int16', 16000, 1, ?, ?)",
                arguments: [samples.count, pcm])
        }
        try FileManager.default.removeItem(atPath: two.path)
        try FileManager.default.removeItem(atPath: three.path)
        let fromDatabase = try fx.ser(["plot", "waveform", "2", "-o", "w2.png"])
        #expect(fromDatabase.status == 0, "\(fromDatabase.stderr)")
        try PlotCommandTests.checkImage(fx.folder.appendingPathComponent("w2.png").path)
        let gone = try fx.ser(["plot", "waveform", "3", "-o", "w3.png"])
        #expect(gone.status == 1)
        #expect(gone.stderr.contains("clip 3: its file \(three.path) is gone"))
        let unknownDataset = try fx.ser(["plot", "dataset", "nope", "-o", "d.png"])
        #expect(unknownDataset.status == 1 && unknownDataset.stderr.contains("dataset nope: no such dataset"))
        let noFeatures = try fx.ser(["plot", "features", "--dataset", "toy", "--config", "77", "-o", "f.png"])
        #expect(noFeatures.status == 1 && noFeatures.stderr.contains("feature recipe 77"))
        let badFeature = try fx.ser(["plot", "features", "--dataset", "toy", "--feature", "zcr", "-o", "f.png"])
        #expect(badFeature.status != 0 && badFeature.stderr.contains("--feature zcr"))
    }
}
