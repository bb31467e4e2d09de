import Foundation
import SERTestSupport
import Testing

/// The `--json` contract (docs/JSON.md): every command's real output on a small generated
/// corpus validates against its schema in docs/json, which lists every key as required and
/// allows no other, so a renamed, missing or added key fails here.
@Suite struct JSONContractTests {
    static let schemaFolder = SERProcess.packageRoot.appendingPathComponent("docs/json")

    /// Runs commands and checks their output, remembering which schemas were used.
    final class Checker {
        let corpus: TestCorpus
        var used: Set<String> = []
        var validators: [String: JSONSchemaValidator] = [:]

        init(_ corpus: TestCorpus) { self.corpus = corpus }

        /// Runs `ser ARGS --json`, expects success and output valid against `schema`.
        /// - Returns: the output, parsed.
        @discardableResult
        func check(_ schema: String, _ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Any {
            let result = try corpus.ser(arguments + ["--json"])
            guard result.status == 0 else {
                Issue.record(
                    "ser \(arguments.joined(separator: " ")) --json exited \(result.status): \(result.stderr)",
                    sourceLocation: sourceLocation)
                throw SERProcess.Failure(result: result)
            }
            if validators[schema] == nil {
                let data = try Data(contentsOf: JSONContractTests.schemaFolder.appendingPathComponent("\(schema).schema.json"))
                validators[schema] = try JSONSchemaValidator(schema: data)
            }
            used.insert(schema)
            let violations = try #require(validators[schema]).violations(of: Data(result.stdout.utf8))
            #expect(
                violations.isEmpty, "ser \(arguments.joined(separator: " ")) --json breaks \(schema).schema.json: \(violations)",
                sourceLocation: sourceLocation)
            return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        }
    }

    @Test func everyCommandsJSONMatchesItsSchema() throws {
        let corpus = try TestCorpus()
        defer { corpus.remove() }
        try corpus.initDatabase()
        try corpus.writeToneCorpus(actors: 4)
        try corpus.file("Actor_01/03-01-01-01-01-02-01.wav", Data("not a wav file".utf8))  // one rejection
        let c = Checker(corpus)
        let tiny = RunCommandTests.tiny

        let imported = try c.check("import", ["import", corpus.corpus.path, "--name", "tones"]) as? [String: Any]
        #expect((imported?["rejected"] as? [Any])?.count == 1)
        try c.check("datasets", ["datasets"])
        try c.check("clips", ["clips", "--limit", "3"])
        try c.check("features", ["features", "--sample-rate", "16000"])
        try c.check("run", ["run", "--epochs", "2", "--test-speakers", "4", "--name", "a", "--tag", "t"] + tiny)
        try c.check("run", ["run", "--epochs", "2", "--test-speakers", "4", "--name", "b", "--seed", "3"] + tiny)
        let seeds = try c.check("ensemble", ["run", "--split", "kfold:2", "--epochs", "1", "--seeds", "3,4", "--name", "kf"] + tiny)
        let kfold = try #require((seeds as? [String: Any])?["members"] as? [Int]).first ?? 0
        try c.check("ensemble", ["ensemble", "a", "b", "--name", "ab"])
        try c.check(
            "sweep",
            [
                "sweep", "--lr", "1e-3,3e-3", "--test-speakers", "4", "--jobs", "1", "--set", "epochs=1", "--set", "sampleRate=16000",
                "--set", "layers=12", "--set", "dense=12", "--set", "batch=8", "--set", "maxFrames=16", "--set", "dropout=0", "--set",
                "threads=1",
            ])
        try c.check("evaluate", ["evaluate", "a", "--dataset", "tones"])
        try c.check("status", ["status"])
        try c.check("runs", ["runs", "--all"])
        try c.check("show", ["show", "a"])
        try c.check("show", ["show", String(kfold)])
        try c.check("compare", ["compare", "--children", "--per-class"])
        try c.check("diff", ["diff", "a", "b"])
        let model = corpus.folder.appendingPathComponent("a.onnx").path
        try c.check("export", ["export", "a", "--format", "onnx", "-o", model])
        try c.check("which", ["which", model])
        let clip = corpus.corpus.appendingPathComponent("Actor_04/03-01-03-01-01-01-04.wav").path
        try c.check("predict", ["predict", clip, "--run", "a"])
        try c.check("run", ["run", "--epochs", "1", "--test-speakers", "4", "--normalization", "speaker", "--name", "ps"] + tiny)
        let enrolled = try c.check("enroll", ["enroll", "carol", clip, "--run", "ps"]) as? [String: Any]
        #expect((enrolled?["enrollments"] as? [Any])?.count == 1)
        try c.check("enroll", ["enroll", "--list"])
        try c.check("report", ["report", "a", "-o", corpus.folder.appendingPathComponent("a.html").path])
        let withChildren = try c.check("report", ["report", String(kfold), "-o", corpus.folder.appendingPathComponent("kf.html").path])
        #expect(((withChildren as? [String: Any])?["children"] as? [Any])?.count == 2)
        try c.check("report", ["report", "--dataset", "tones", "-o", corpus.folder.appendingPathComponent("tones.html").path])
        try c.check("plot", ["plot", "curves", "a", "-o", corpus.folder.appendingPathComponent("curves.svg").path])
        try c.check("plot-features-list", ["plot", "features", "--dataset", "tones", "--list"])
        try c.check("tag", ["tag", "a", "paper"])
        try c.check("note", ["note", "a", "first try"])
        try c.check("rm", ["rm", "b"])
        try c.check("runs-deleted", ["runs", "--deleted"])
        try c.check("restore", ["restore", "2"])
        try c.check("rm", ["rm", "b"])
        try c.check("gc", ["gc"])

        // The remote commands, against a real server when one can be started here.
        let remoteSchemas: Set<String> = ["remote", "push", "pull", "queue"]
        if TestPostgres.isAvailable {
            let server = try TestPostgres.start()
            defer { server.stop() }
            // remote add and rm print the remotes afterwards, in remote's shape.
            let added = try c.check("remote", ["remote", "add", "origin", server.url]) as? [String: Any]
            #expect((added?["remotes"] as? [Any])?.count == 1)
            _ = try c.check("remote", ["remote", "add", "spare", server.url])
            let removed = try c.check("remote", ["remote", "rm", "spare"]) as? [String: Any]
            #expect((removed?["remotes"] as? [[String: Any]])?.map { $0["name"] as? String } == ["origin"])
            let listed = try c.check("remote", ["remote"]) as? [String: Any]
            #expect((listed?["remotes"] as? [Any])?.count == 1)
            let pushed = try c.check("push", ["push", "a", "--features"]) as? [String: Any]
            #expect((pushed?["pushed"] as? [Any])?.count == 1)
            try c.check("pull", ["pull"])
            let queued = try corpus.ser(["run", "--queue", "origin", "--epochs", "1", "--test-speakers", "4", "-q"] + tiny)
            #expect(queued.status == 0, "\(queued.stderr)")
            let queue = try c.check("queue", ["queue"]) as? [String: Any]
            #expect((queue?["counts"] as? [String: Int])?["queued"] == 1)
        }

        // Every schema is exercised; a schema no command prints would be a promise unchecked.
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.schemaFolder.path).filter { $0.hasSuffix(".schema.json") }
        let schemas = Set(files.map { String($0.dropLast(".schema.json".count)) })
        #expect((TestPostgres.isAvailable ? schemas : schemas.subtracting(remoteSchemas)) == c.used)
    }

    @Test func aSchemaCatchesOutputThatDrifts() throws {
        // The real `ser tag --json` shape, then the drifts the contract exists to catch.
        let schema = try JSONSchemaValidator(schema: Data(contentsOf: Self.schemaFolder.appendingPathComponent("tag.schema.json")))
        #expect(try schema.violations(of: Data(#"{"run": 1, "tags": ["a"]}"#.utf8)).isEmpty)
        #expect(try !schema.violations(of: Data(#"{"runId": 1, "tags": ["a"]}"#.utf8)).isEmpty)  // renamed key
        #expect(try !schema.violations(of: Data(#"{"run": 1}"#.utf8)).isEmpty)  // missing key
        #expect(try !schema.violations(of: Data(#"{"run": "1", "tags": ["a"]}"#.utf8)).isEmpty)  // number as string
        #expect(try !schema.violations(of: Data(#"{"run": 1, "tags": "a,b"}"#.utf8)).isEmpty)  // list as text
    }
}
