import Foundation
import SERTestSupport

extension HostileInputs {
    /// `ser compare --where EXPR` on the trained base.
    static func filter(
        _ name: String, _ expression: String, expect: HostileExpectation = .refuses(naming: "--where"), knownIssue: KnownIssue? = nil
    ) -> HostileCase {
        HostileCase(.filter, name, base: .trained, expect: expect, knownIssue: knownIssue) { _ in
            HostileCommand(arguments: ["compare", "--where", expression])
        }
    }

    /// `--where` expressions: deep, wide, ill-typed, unterminated.
    static var filters: [HostileCase] {
        func terms(_ count: Int, _ joiner: String) -> String { (0..<count).map { "seed = \($0)" }.joined(separator: " \(joiner) ") }
        return [
            filter("control", "lr < 0.1 and not tag = 'x'", expect: .succeeds),
            // #16 item 14: a flat chain compiles flat, so 90 terms work (they overflowed SQLite's
            // parser stack before); more than 256 conditions are refused with a message.
            filter("flat-or-90", terms(90, "or"), expect: .succeeds),
            filter("flat-and-300", terms(300, "and")),
            filter("number-vs-string", "lr < 'abc'"),
            filter("string-vs-number", "optimizer = 5", expect: .succeedsOrRefuses(naming: "--where")),
            filter("nested-200", String(repeating: "(", count: 200) + "lr < 1" + String(repeating: ")", count: 200)),
            filter("open-100000", String(repeating: "(", count: 100_000)),
            filter("not-5000", String(repeating: "not ", count: 5000) + "lr < 1"),
            filter("unterminated-string", "name = 'abc"),
            filter(
                "in-20000", "seed in (" + (0..<20_000).map(String.init).joined(separator: ",") + ")",
                expect: .succeedsOrRefuses(naming: "--where")),
            filter("number-1e999", "test.acc > 1e999", expect: .succeedsOrRefuses(naming: "--where")),
            filter("empty", "", expect: .succeedsOrRefuses(naming: "--where")),
            filter("100k-identifier", String(repeating: "x", count: 100_000) + " = 1"),
            filter("unicode-field", "名前 = 'x'"),
            filter("lone-operator", "<"),
        ]
    }

    /// Output paths that are not regular files: each must be left as it was.
    static var outputs: [HostileCase] {
        /// `ser CMD -o target` (`command` gets the run id), with `target` made by `make`.
        func output(
            _ name: String, _ target: String, expect: HostileExpectation, knownIssue: KnownIssue? = nil, needsNonRoot: Bool = false,
            make: @escaping @Sendable (HostileWorkspace) throws -> Void, command: @escaping @Sendable (Int64) -> [String]
        ) -> HostileCase {
            HostileCase(.output, name, base: .trained, expect: expect, knownIssue: knownIssue, needsNonRoot: needsNonRoot) {
                try make($0)
                return HostileCommand(arguments: command($0.runID) + ["-o", target], protected: [$0.path(target)])
            }
        }
        let export: @Sendable (Int64) -> [String] = { ["export", String($0), "--force"] }
        let report: @Sendable (Int64) -> [String] = { ["report", String($0)] }
        let curves: @Sendable (Int64) -> [String] = { ["plot", "curves", String($0)] }
        return [
            output(
                "export-force-to-fifo", "out.onnx", expect: .refuses(naming: "out.onnx"), make: { try $0.fifo("out.onnx") }, command: export
            ),
            output(
                "export-force-to-link-to-dev-null", "out.onnx", expect: .refuses(naming: "out.onnx"),
                make: { try $0.link("out.onnx", to: "/dev/null") }, command: export),
            output(
                "export-force-to-char-device", "out.onnx", expect: .refuses(naming: "out.onnx"),
                make: {
                    guard getuid() == 0 else { throw HostileSkip("mknod needs root") }
                    try $0.nullDevice("out.onnx")
                }, command: export),
            output(
                "export-force-through-link", "out.onnx", expect: .succeedsOrRefuses(naming: "out.onnx"),
                make: {
                    try $0.write("real.onnx", text: "old"); try $0.link("out.onnx", to: "real.onnx")
                }, command: export),
            output(
                "export-to-folder", "out.onnx", expect: .refuses(naming: "out.onnx"), make: { try $0.folder("out.onnx") }, command: export),
            output(
                "export-parent-is-a-file", "file.txt/out.onnx", expect: .refuses(naming: "file.txt"),
                make: { try $0.write("file.txt", text: "x") }, command: export),
            output(
                "export-unwritable-folder", "ro/out.onnx", expect: .refuses(naming: "ro/out.onnx"), needsNonRoot: true,
                make: {
                    try $0.folder("ro"); try $0.chmod("ro", 0o555)
                }, command: export),
            output(
                "export-fifo-without-force", "out.onnx", expect: .refuses(naming: "out.onnx"), make: { try $0.fifo("out.onnx") },
                command: { ["export", String($0)] }),
            output("report-to-fifo", "r.html", expect: .refuses(naming: "r.html"), make: { try $0.fifo("r.html") }, command: report),
            output(
                "report-to-link-to-dev-null", "r.html", expect: .refuses(naming: "r.html"),
                make: { try $0.link("r.html", to: "/dev/null") }, command: report),
            output("plot-to-fifo", "c.png", expect: .refuses(naming: "c.png"), make: { try $0.fifo("c.png") }, command: curves),
            output(
                "plot-to-link-to-dev-null", "c.svg", expect: .refuses(naming: "c.svg"),
                make: { try $0.link("c.svg", to: "/dev/null") }, command: curves),
            HostileCase(.output, "db-is-a-folder", base: .nothing, expect: .refuses(naming: "x.db")) {
                try $0.folder("x.db")
                return HostileCommand(arguments: ["runs", "--db", "x.db"], protected: [$0.path("x.db")])
            },
            // open: SQLite opens a FIFO and blocks reading it; `ser` never checks the file type.
            HostileCase(.output, "db-is-a-fifo", base: .nothing, expect: .refuses(naming: "x.db")) {
                try $0.fifo("x.db")
                return HostileCommand(arguments: ["runs", "--db", "x.db"], protected: [$0.path("x.db")])
            },
            HostileCase(.output, "db-is-dev-zero-link", base: .nothing, expect: .refuses(naming: "x.db")) {
                try $0.link("x.db", to: "/dev/zero")
                return HostileCommand(arguments: ["runs", "--db", "x.db"], protected: [$0.path("x.db")])
            },
            HostileCase(.output, "db-is-garbage", base: .nothing, expect: .refuses(naming: "x.db")) {
                try $0.write("x.db", HostileAudio.garbage(count: 4096))
                return HostileCommand(arguments: ["runs", "--db", "x.db"])
            },
            HostileCase(.output, "db-is-truncated", base: .trained, expect: .refuses(naming: "cut.db")) {
                let bytes = try Data(contentsOf: URL(fileURLWithPath: $0.database))
                try $0.write("cut.db", bytes.prefix(bytes.count / 3))
                return HostileCommand(arguments: ["runs", "--db", "cut.db"])
            },
            HostileCase(.output, "init-over-fifo", base: .nothing, expect: .refuses(naming: "x.db")) {
                try $0.fifo("x.db")
                return HostileCommand(arguments: ["init", "x.db"], protected: [$0.path("x.db")])
            },
            HostileCase(.output, "db-read-only-file", base: .trained, expect: .succeeds, needsNonRoot: true) {
                try $0.chmod("ser.db", 0o444)
                return HostileCommand(arguments: ["runs"])
            },
            HostileCase(.output, "db-in-read-only-folder", base: .trained, expect: .succeeds, needsNonRoot: true) {
                try $0.chmod(".", 0o555)
                return HostileCommand(arguments: ["runs"])
            },
        ]
    }

    /// Standard output or error that cannot be written.
    static var streams: [HostileCase] {
        [
            HostileCase(.stream, "runs-stdout-full", base: .trained, expect: .init(exit: .failure, names: [])) { _ in
                HostileCommand(arguments: ["runs"], stdout: .full)
            },
            HostileCase(.stream, "compare-json-stdout-full", base: .trained, expect: .init(exit: .failure, names: [])) { _ in
                HostileCommand(arguments: ["compare", "--json"], stdout: .full)
            },
            HostileCase(
                .stream, "import-stdout-full", base: .goodCorpus, expect: .init(exit: .failure, names: [], clips: goodClips...goodClips)
            ) {
                try $0.write(HostileWorkspace.clipName(), Data("not audio".utf8))
                var command = importing()
                command.stdout = .full
                return command
            },
            HostileCase(
                .stream, "import-stderr-full", base: .goodCorpus, expect: .init(exit: .either, names: [], clips: goodClips...goodClips)
            ) {
                try $0.write(HostileWorkspace.clipName(), Data("not audio".utf8))
                var command = importing()
                command.stderr = .full
                return command
            },
        ]
    }
}
