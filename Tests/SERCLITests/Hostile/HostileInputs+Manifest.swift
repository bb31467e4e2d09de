import Foundation
import SERTestSupport

extension HostileInputs {
    /// The four good rows of a manifest over the good corpus (paths relative to `corpus/`).
    static let goodRows = [
        "Actor_01/03-01-01-01-01-01-01.wav,neutral", "Actor_01/03-01-01-01-01-02-01.wav,neutral",
        "Actor_02/03-01-01-01-01-01-02.wav,neutral", "Actor_02/03-01-01-01-01-02-02.wav,neutral",
    ]

    /// `ser import corpus/m.csv --name h` with `m.csv` holding `data`.
    static func manifest(
        _ name: String, expect: HostileExpectation, knownIssue: KnownIssue? = nil,
        _ data: @escaping @Sendable (HostileWorkspace) throws -> Data
    ) -> HostileCase {
        HostileCase(.manifest, name, base: .goodCorpus, expect: expect, knownIssue: knownIssue) {
            try $0.write("corpus/m.csv", data($0))
            return HostileCommand(arguments: ["import", "corpus/m.csv", "--name", "h"])
        }
    }

    /// A manifest of the good rows plus `extra` lines.
    static func rows(_ extra: [String], header: String = "path,label") -> Data {
        Data(([header] + goodRows + extra).joined(separator: "\n").utf8 + [0x0A])
    }

    /// CSV manifests with bad quoting, encoding, sizes and paths.
    static var manifests: [HostileCase] {
        let good = goodClips...goodClips
        return [
            manifest("control-crlf-bom", expect: .survives(clips: good)) { _ in
                Data([0xEF, 0xBB, 0xBF]) + Data((["path,label"] + goodRows).joined(separator: "\r\n").utf8)
            },
            manifest("unterminated-quote", expect: .refuses(naming: "m.csv")) { _ in rows(["\"Actor_03/x.wav,angry"]) },
            manifest("empty", expect: .refuses(naming: "m.csv")) { _ in Data() },
            manifest("header-only-no-label", expect: .refuses(naming: "m.csv")) { _ in Data("path,speaker\n".utf8) },
            manifest("garbage", expect: .refuses(naming: "m.csv")) { _ in HostileAudio.garbage(count: 8192) },
            manifest("latin1-label", expect: .succeedsOrRefuses(naming: "m.csv")) { _ in
                rows([]) + Data(Array("Actor_03/x.wav,col".utf8) + [0xE8] + Array("re\n".utf8))  // "colère" in Latin-1
            },
            manifest("utf16", expect: .succeedsOrRefuses(naming: "m.csv")) { _ in
                Data([0xFF, 0xFE]) + (String(decoding: rows([]), as: UTF8.self).data(using: .utf16LittleEndian) ?? Data())
            },
            manifest("nul-bytes", expect: .survives(clips: good)) { _ in rows(["Actor_03/\u{0}x.wav,angry\u{0}"]) },
            manifest("2MB-field", expect: .survives(clips: good)) { _ in rows(["Actor_03/x.wav," + String(repeating: "a", count: 2 << 20)])
            },
            manifest("5000-columns", expect: .survives(clips: good)) { _ in
                rows([], header: "path,label," + (0..<4998).map { "c\($0)" }.joined(separator: ","))
            },
            // open: each rejection runs `DELETE FROM import_rejections WHERE dataset_id = ? AND path = ?`,
            // a full scan (no index on those columns): quadratic, 20,000 rows take minutes.
            manifest("20000-missing-rows", expect: .survives(clips: good)) { _ in rows((0..<20000).map { "missing/\($0).wav,angry" }) },
            manifest("duplicate-rows", expect: .survives(clips: good)) { _ in rows(goodRows + goodRows) },
            manifest("quoted-newline-in-path", expect: .survives(clips: good)) { _ in rows(["\"Actor_03/a\nb.wav\",angry"]) },
            manifest("path-escapes-corpus", expect: .rejects("passwd", clips: goodClips)) { _ in
                rows(["../../../../../../etc/passwd,angry"])
            },
            manifest("row-is-dev-zero", expect: .rejects("/dev/zero", clips: goodClips)) { _ in rows(["/dev/zero,angry"]) },
            manifest("row-is-a-fifo", expect: .rejects("pipe.wav", clips: goodClips)) {
                try $0.fifo("corpus/pipe.wav")
                return rows(["pipe.wav,angry"])
            },
            manifest("row-is-a-folder", expect: .rejects("Actor_01", clips: goodClips)) { _ in rows(["Actor_01,angry"]) },
            HostileCase(.manifest, "manifest-is-a-fifo", base: .goodCorpus, expect: .refuses(naming: "m.csv")) {
                try $0.fifo("corpus/m.csv")
                return HostileCommand(arguments: ["import", "corpus/m.csv", "--name", "h"])
            },
        ]
    }
}
