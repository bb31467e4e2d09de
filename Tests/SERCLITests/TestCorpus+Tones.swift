import Foundation
import SERTestSupport

extension TestCorpus {
    /// A fresh database with `actors` actors of the tone corpus imported as dataset `tones`:
    /// how most CLI tests start. The folder is removed again if a step fails.
    static func importedTones(actors: Int) throws -> TestCorpus {
        let corpus = try TestCorpus()
        do {
            try corpus.initDatabase()
            try corpus.writeToneCorpus(actors: actors)
            let imported = try corpus.ser(["import", corpus.corpus.path, "--name", "tones", "-q"])
            guard imported.status == 0 else { throw SERProcess.Failure(result: imported) }
            return corpus
        } catch {
            corpus.remove()
            throw error
        }
    }

    /// Writes the tone corpus (``ToneCorpus/write(to:actors:firstActor:repetitions:seconds:emotions:)``)
    /// into this test's corpus folder.
    @discardableResult
    func writeToneCorpus(
        actors: Int = 6, firstActor: Int = 1, repetitions: Int = 3, seconds: Double = 0.5, emotions: [Int] = [1, 3, 4, 5]
    ) throws -> Int {
        try ToneCorpus.write(
            to: corpus, actors: actors, firstActor: firstActor, repetitions: repetitions, seconds: seconds, emotions: emotions)
    }
}
