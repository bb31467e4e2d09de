import Foundation
import Testing

/// `--quiet` prints only errors, for every command: no data, no notes, no progress (the data
/// output of `ser runs` included); `--json` still prints what it is asked for.
@Suite struct QuietOutputTests {
    @Test func quietCommandsPrintNothingButErrors() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.writeToneCorpus(actors: 4)
        try corpus.file("Actor_01/03-01-01-01-01-02-01.wav", Data("not a wav file".utf8))
        let model = corpus.folder.appendingPathComponent("a.onnx").path
        let clip = corpus.corpus.appendingPathComponent("Actor_04/03-01-03-01-01-01-04.wav").path
        let commands: [[String]] = [
            ["import", corpus.corpus.path, "--name", "tones"],
            ["datasets"], ["clips"], ["features", "--sample-rate", "16000"],
            ["run", "--epochs", "1", "--test-speakers", "4", "--name", "a"] + RunCommandTests.tiny,
            ["run", "--epochs", "1", "--test-speakers", "4", "--name", "b", "--seed", "2"] + RunCommandTests.tiny,
            ["status"], ["runs"], ["runs", "--all"], ["show", "a"], ["compare"], ["diff", "a", "b"],
            ["evaluate", "a", "--dataset", "tones"], ["export", "a", "--format", "onnx", "-o", model], ["which", model],
            ["predict", clip, "--run", "a"], ["report", "a", "-o", corpus.folder.appendingPathComponent("a.html").path],
            ["plot", "curves", "a", "-o", corpus.folder.appendingPathComponent("c.svg").path],
            ["plot", "features", "--dataset", "tones", "--list"], ["tag", "a", "x"], ["note", "a", "n"],
            ["rm", "b"], ["runs", "--deleted"], ["restore", "2"], ["rm", "b"], ["gc"],
        ]
        for arguments in commands {
            let result = try corpus.ser(arguments + ["--quiet"])
            let shown = "ser \(arguments.joined(separator: " ")) --quiet"
            #expect(result.status == 0, "\(shown): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(shown) printed: \(result.stdout.prefix(300))")
            if arguments.first == "import" {
                // The rejected file is reported: it is the one error-like line an import makes.
                #expect(result.stderr.hasPrefix("ser: rejected ") && result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
            } else {
                #expect(result.stderr.isEmpty, "\(shown) wrote to standard error: \(result.stderr.prefix(300))")
            }
        }
        // Asked for by name, data still comes: --json, and compare's --format.
        #expect(try corpus.ser(["runs", "--quiet", "--json"]).stdout.contains("\"name\" : \"a\""))
        #expect(try corpus.ser(["compare", "-q", "--format", "csv", "--columns", "id,name"]).stdout.contains("1,a"))
    }
}
