import Foundation
import GRDB
import Testing

/// A tone corpus with one finished tiny run, shared by the export/predict tests.
struct TrainedCorpus {
    let corpus: TestCorpus
    let runID: Int64

    /// Imports the tone corpus and trains one run with `settings` (added to tiny defaults).
    init(_ settings: [String] = []) throws {
        corpus = try TestCorpus.importedTones(actors: 6)
        let trained = try corpus.ser(
            ["run", "--epochs", "3", "--test-speakers", "6", "--seed", "3", "-q"] + RunCommandTests.tiny + settings)
        guard trained.status == 0 else { throw SERProcess.Failure(result: trained) }
        runID = try corpus.readOnly { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM runs") } ?? 0
    }

    /// The run's test-set evaluation: clip path → (label, probabilities in class order).
    func testPredictions() throws -> [(path: String, label: String, probabilities: [Double])] {
        try corpus.readOnly { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT c.path, p.predicted_label, p.probabilities FROM run_predictions p JOIN clips c ON c.id = p.clip_id
                    WHERE p.run_id = ? AND p.subset = 'test' ORDER BY c.path
                    """, arguments: [runID]
            ).map { row in
                let text: String = row["probabilities"]
                return (row["path"], row["predicted_label"], try JSONDecoder().decode([Double].self, from: Data(text.utf8)))
            }
        }
    }

    /// `ser predict --json` decoded.
    func predict(_ files: [String], _ extra: [String]) throws -> PredictOutput {
        let result = try corpus.ser(["predict", "--json"] + extra + files)
        guard result.status == 0 else { throw SERProcess.Failure(result: result) }
        return try JSONDecoder().decode(PredictOutput.self, from: Data(result.stdout.utf8))
    }
}

/// The JSON `ser predict --json` prints.
struct PredictOutput: Decodable {
    struct Prediction: Decodable {
        let path: String
        let predicted: String
        let probabilities: [String: Double]
        let frames: Int
    }

    let run: Int64?
    let classes: [String]
    let predictions: [Prediction]
}

extension TestCorpus {
    /// Reads the database read-only.
    func readOnly<T>(_ body: (Database) throws -> T) throws -> T {
        var config = Configuration()
        config.readonly = true
        return try DatabaseQueue(path: database, configuration: config).read(body)
    }

    /// Writes to the database (to fake states such as an unfinished run).
    func writeDatabase(_ sql: String) throws {
        try DatabaseQueue(path: database).write { db in try db.execute(sql: sql) }
    }
}

/// Whether `python3` can import onnx and onnxruntime (the parity test needs both).
enum PythonONNX {
    static let available: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import onnx, onnxruntime, numpy"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus == 0
        } catch {
            return false
        }
    }()

    /// Runs `Tests/python/test_onnx_export.py` with `arguments`.
    static func runParityScript(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", SERProcess.packageRoot.appendingPathComponent("Tests/python/test_onnx_export.py").path] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
