import Foundation

extension HostileInputs {
    /// `ser run` on the trained base's dataset with tiny settings (one run takes seconds).
    static let tinyRun = ["run", "--test-speakers", "6", "-q"] + RunCommandTests.tiny

    /// `ser run --config cfg.<ext>` with `text` in the file: refused, naming `names`.
    static func config(
        _ name: String, _ ext: String, _ text: String, expect: HostileExpectation, knownIssue: KnownIssue? = nil
    ) -> HostileCase {
        HostileCase(.config, name, base: .trained, expect: expect, knownIssue: knownIssue) {
            try $0.write("cfg.\(ext)", text: text)
            return HostileCommand(arguments: tinyRun + ["--config", "cfg.\(ext)"])
        }
    }

    /// Config files with wrong types, duplicate keys, non-finite and huge numbers.
    static var configs: [HostileCase] {
        [
            config("control-json", "json", #"{"epochs": 1}"#, expect: .succeeds),
            config("json-epochs-2.5", "json", #"{"epochs": 2.5}"#, expect: .refuses(naming: "epochs")),
            config("json-epochs-string", "json", #"{"epochs": "ten"}"#, expect: .refuses(naming: "epochs")),
            config("json-epochs-1e20", "json", #"{"epochs": 1e20}"#, expect: .refuses(naming: "epochs")),
            config("json-epochs-1e400", "json", #"{"epochs": 1e400}"#, expect: .refuses(naming: "cfg.json")),
            config("json-lr-negative", "json", #"{"lr": -1}"#, expect: .refuses(naming: "lr")),
            config("json-lr-zero", "json", #"{"lr": 0}"#, expect: .refuses(naming: "lr")),
            config("json-nan-literal", "json", #"{"lr": NaN}"#, expect: .refuses(naming: "cfg.json")),
            config("json-duplicate-key", "json", #"{"epochs": 1, "epochs": 2}"#, expect: .refuses(naming: "epochs")),
            config("json-array", "json", "[1, 2, 3]", expect: .refuses(naming: "cfg.json")),
            config("json-nested-100000", "json", String(repeating: "[", count: 100_000), expect: .refuses(naming: "cfg.json")),
            config("json-null", "json", #"{"epochs": null}"#, expect: .succeedsOrRefuses(naming: "epochs")),
            config("json-unknown-key", "json", #"{"epoch": 1}"#, expect: .refuses(naming: "epoch")),
            config("json-epochs-2^64", "json", #"{"epochs": 18446744073709551616}"#, expect: .refuses(naming: "epochs")),
            config("json-array-for-number", "json", #"{"epochs": [1, 2]}"#, expect: .refuses(naming: "epochs")),
            config("json-unterminated-string", "json", #"{"optimizer": "adam}"#, expect: .refuses(naming: "cfg.json")),
            // TOML is no longer read (#17); "[" alone aborted toml++ 3.4.0, the parser TOMLKit 0.6.0 vendors.
            config("toml-refused", "toml", "epochs = 1\n", expect: .refuses(naming: "cfg.toml")),
            config("toml-bare-bracket", "toml", "[\n", expect: .refuses(naming: "cfg.toml")),
            HostileCase(.config, "toml-not-utf8", base: .trained, expect: .refuses(naming: "cfg.toml")) {
                try $0.write("cfg.toml", Data([0x65, 0x3D, 0xFF, 0xFE, 0x0A]))
                return HostileCommand(arguments: tinyRun + ["--config", "cfg.toml"])
            },
            HostileCase(.config, "config-is-a-folder", base: .trained, expect: .refuses(naming: "cfg.toml")) {
                try $0.folder("cfg.toml")
                return HostileCommand(arguments: tinyRun + ["--config", "cfg.toml"])
            },
            HostileCase(.config, "config-is-a-fifo", base: .trained, expect: .refuses(naming: "cfg.toml")) {
                try $0.fifo("cfg.toml")
                return HostileCommand(arguments: tinyRun + ["--config", "cfg.toml"])
            },
        ]
    }

    /// `ser run` with one hostile flag value: refused, naming the flag.
    static func flag(
        _ name: String, _ arguments: [String], naming: String, notSaying wrong: String? = nil, knownIssue: KnownIssue? = nil
    ) -> HostileCase {
        let expect = HostileExpectation(exit: .failure, names: [naming], forbidden: wrong.map { [$0] } ?? [])
        return HostileCase(.flag, name, base: .trained, expect: expect, knownIssue: knownIssue) { _ in
            HostileCommand(arguments: tinyRun + arguments)
        }
    }

    /// Flag values: non-finite, negative, zero, huge, overflowing.
    static var flags: [HostileCase] {
        [
            HostileCase(.flag, "control-epochs-1", base: .trained, expect: .succeeds) { _ in
                HostileCommand(arguments: tinyRun + ["--epochs", "1"])
            },
            flag("lr-nan", ["--lr", "nan"], naming: "--lr"),
            flag("lr-minus-1", ["--lr", "-1"], naming: "--lr", notSaying: "Missing value"),
            flag("lr-inf", ["--lr", "inf"], naming: "--lr"),
            flag("lr-zero", ["--lr", "0"], naming: "--lr"),
            flag("lr-1e309", ["--lr", "1e309"], naming: "--lr"),
            flag("epochs-100000000", ["--epochs", "100000000"], naming: "--epochs", notSaying: "at least 1"),
            flag("epochs-0", ["--epochs", "0"], naming: "--epochs"),
            flag("epochs-2^64", ["--epochs", "18446744073709551616"], naming: "--epochs"),
            flag("batch-0", ["--batch", "0"], naming: "--batch"),
            flag("dropout-1.5", ["--dropout", "1.5"], naming: "--dropout"),
            flag("dropout-nan", ["--dropout", "nan"], naming: "--dropout"),
            flag("max-frames-0", ["--max-frames", "0"], naming: "--max-frames"),
            flag("sample-rate-0", ["--sample-rate", "0"], naming: "--sample-rate"),
            flag("sample-rate-1e9", ["--sample-rate", "1000000000"], naming: "--sample-rate"),
            flag("layers-0", ["--layers", "0"], naming: "--layers"),
            flag("layers-1000000", ["--layers", "1000000"], naming: "--layers"),
            flag("threads-0", ["--threads", "0"], naming: "--threads"),
            flag("test-speakers-99", ["--test-speakers", "99"], naming: "99"),
            flag("unknown-flag", ["--lrr", "0.1"], naming: "--lrr"),
            HostileCase(.flag, "import-batch-size-0", base: .goodCorpus, expect: .refuses(naming: "--batch-size")) { _ in
                importing(["--batch-size", "0"])
            },
            HostileCase(.flag, "plot-scale-100", base: .trained, expect: .refuses(naming: "--scale")) {
                HostileCommand(arguments: ["plot", "curves", String($0.runID), "--scale", "100", "-o", "c.png"])
            },
        ]
    }
}
