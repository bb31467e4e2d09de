import Foundation
import SERAudio
import SERCorpus
import SERStore

/// The inputs `fuzz-inputs` feeds arbitrary bytes to. Each `run` returns normally for any
/// input; it traps (`fatalError`) only when an invariant breaks, so libFuzzer records the
/// input as a crash. A crash, an out-of-memory or a hang inside the code under test is a bug
/// in that code.
enum FuzzTarget: String, CaseIterable, Sendable {
    /// The audio decoders' header checks: `RIFFCheck` on the first bytes, then libsndfile
    /// through `AudioDecoder.info` and `.decode` on the bytes written to a temporary file.
    case audio
    /// The CSV manifest parser (`CSVReader`, `CSVManifest`), bytes as UTF-8 (invalid
    /// sequences repaired, as `String(decoding:)` does).
    case csv
    /// The `--where` lexer, parser and compiler to SQL.
    case filter = "where"

    /// Runs one input through the target, checking its invariants.
    func run(_ bytes: UnsafeRawBufferPointer) {
        switch self {
        case .audio: FuzzTarget.audio(bytes)
        case .csv: FuzzTarget.csv(String(decoding: bytes, as: UTF8.self))
        case .filter: FuzzTarget.filter(String(decoding: bytes, as: UTF8.self))
        }
    }

    /// The temporary file audio inputs are written to (one per process).
    static let audioPath = FileManager.default.temporaryDirectory.appendingPathComponent("ser-fuzz-\(getpid()).wav").path

    static func audio(_ bytes: UnsafeRawBufferPointer) {
        _ = RIFFCheck.truncation(head: Array(bytes.prefix(4096)), fileSize: bytes.count)
        guard FileManager.default.createFile(atPath: audioPath, contents: Data(bytes)) else {
            fatalError("cannot write \(audioPath)")
        }
        do {
            let info = try AudioDecoder.info(path: audioPath)
            FuzzHints.accepted(info)
            guard info.frames > 0, info.channels > 0, info.sampleRate > 0 else {
                fatalError("info() accepted a header with \(info.frames) frames, \(info.channels) channels, \(info.sampleRate) Hz")
            }
            let decoded = try AudioDecoder.decode(path: audioPath)
            guard decoded.samples.count == decoded.info.frames * decoded.info.channels else {
                fatalError("decode() returned \(decoded.samples.count) samples for \(decoded.info.frames) × \(decoded.info.channels)")
            }
        } catch let error as AudioError {
            FuzzHints.refused(error)
            guard error.path == audioPath, !error.reason.isEmpty else { fatalError("an AudioError without its file or reason: \(error)") }
        } catch {
            fatalError("untyped error from AudioDecoder: \(error)")
        }
    }

    static func csv(_ text: String) {
        // The manifest parser drops a leading byte-order mark before reading rows; so do we.
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let rows: [CSVReader.Row]
        do {
            rows = try CSVReader.rows(body, source: "fuzz.csv")
        } catch {  // typed: CorpusError
            guard error.path == "fuzz.csv", error.code == .malformedManifest else { fatalError("CSVReader error: \(error)") }
            return
        }
        var previous = 0
        for row in rows {
            guard row.line >= max(1, previous) else { fatalError("row lines out of order: \(row.line) after \(previous)") }
            previous = row.line
        }
        do {
            let manifest = try CSVManifest.parse(text, source: "fuzz.csv")
            guard manifest.entries.count + manifest.rejections.count == max(0, rows.count - 1) else {
                fatalError("\(rows.count - 1) data rows became \(manifest.entries.count) entries + \(manifest.rejections.count) rejections")
            }
            guard Set(manifest.entries.map(\.path)).count == manifest.entries.count, !manifest.entries.contains(where: { $0.path.isEmpty })
            else {
                fatalError("manifest entries repeat a path or hold an empty one")
            }
        } catch {  // typed: CorpusError
            guard error.path == "fuzz.csv" else { fatalError("CSVManifest error without its file: \(error)") }
        }
    }

    /// Hyperparameter names known to the fuzzed compiler (as a database with runs would have).
    static let hyperparameters: Set<String> = ["lr", "optimizer", "layers", "seed", "epochs"]

    static func filter(_ expression: String) {
        do {
            let fragment = try FilterCompiler.compile(expression, hyperparameters: hyperparameters)
            let placeholders = fragment.sql.filter { $0 == "?" }.count
            guard placeholders == fragment.arguments.count else {
                fatalError("SQL has \(placeholders) placeholders for \(fragment.arguments.count) arguments: \(fragment.sql)")
            }
        } catch let error as FilterError {
            guard error.expression == expression, error.offset + error.length <= expression.count + 1, !error.reason.isEmpty else {
                fatalError(
                    "FilterError points outside its expression: offset \(error.offset), length \(error.length), \(expression.count) characters"
                )
            }
        } catch {
            fatalError("untyped error from FilterCompiler: \(error)")
        }
    }
}
