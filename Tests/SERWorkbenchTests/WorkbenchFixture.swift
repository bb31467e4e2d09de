import Foundation
import SERCore
import SERStore
import SERTestSupport
import SERWorkbench

/// A fresh database in a temporary folder with the tone corpus written beside it (not yet
/// imported), and a workbench over it that records what it reports.
struct WorkbenchFixture {
    let folder: URL
    let store: Store
    let observer: RecordingObserver
    let workbench: Workbench

    var corpus: URL { folder.appendingPathComponent("corpus") }

    init(actors: Int = 6, observer: RecordingObserver = RecordingObserver(), cancellation: CancellationToken = CancellationToken()) throws {
        folder = try ScratchFolder.make("workbench")
        try ToneCorpus.write(to: folder.appendingPathComponent("corpus"), actors: actors)
        store = try Store.create(at: folder.appendingPathComponent("ser.db").path)
        self.observer = observer
        workbench = Workbench(
            store: store, observer: observer, cancellation: cancellation, invocation: Invocation(commandLine: "WorkbenchTests"))
    }

    /// The fixture with its corpus imported as dataset `tones`.
    static func imported(
        actors: Int = 6, observer: RecordingObserver = RecordingObserver(), cancellation: CancellationToken = CancellationToken()
    ) throws -> WorkbenchFixture {
        let fixture = try WorkbenchFixture(actors: actors, observer: observer, cancellation: cancellation)
        _ = try fixture.workbench.importCorpus(ImportRequest(paths: [fixture.corpus.path], name: "tones"))
        return fixture
    }

    /// Settings for a model small enough to train in well under a second per epoch.
    static func tiny(epochs: Int = 2, seed: Int = 1) -> RunSettings {
        var s = RunSettings()
        s.sampleRate = 16_000
        s.layers = [12]
        s.dense = [12]
        s.batch = 8
        s.maxFrames = 16
        s.dropout = 0
        s.threads = 1
        s.epochs = epochs
        s.seed = seed
        s.testSpeakers = ["6"]
        return s
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }
}
