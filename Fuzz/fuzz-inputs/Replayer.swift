#if !FUZZING
    import Foundation

    /// `fuzz-inputs` in a plain build: replays inputs through the same checks the fuzzer runs,
    /// in process, so the committed corpus is a regression test.
    ///
    ///     fuzz-inputs                         every file of Fuzz/corpus/<target>/, all targets
    ///     fuzz-inputs replay TARGET PATH...   these files (or every file in these folders)
    ///     fuzz-inputs seed FOLDER             writes the generated seeds into FOLDER/corpus/<target>/
    ///                                         and known crashers into FOLDER/crashers/<target>/
    ///
    /// Each input's name is printed before it runs, so a crash names its input. Exit 0 when
    /// every input passed; a broken invariant traps.
    @main
    enum Replayer {
        /// The package root, from this file's path.
        static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()

        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            switch arguments.first {
            case nil:
                var total = 0
                for target in FuzzTarget.allCases {
                    let folder = packageRoot.appendingPathComponent("Fuzz/corpus/\(target.rawValue)")
                    total += replay(target, files(in: [folder.path]))
                }
                print("replayed \(total) inputs")
            case "replay" where arguments.count >= 3:
                guard let target = FuzzTarget(rawValue: arguments[1]) else { fail("unknown target '\(arguments[1])'") }
                print("replayed \(replay(target, files(in: Array(arguments.dropFirst(2))))) inputs")
            case "seed" where arguments.count == 2:
                do {
                    let written = try FuzzSeeds.write(into: URL(fileURLWithPath: arguments[1]))
                    print("wrote \(written) seed inputs")
                } catch {
                    fail("\(error)")
                }
            default:
                fail("usage: fuzz-inputs [replay audio|csv|where PATH... | seed FOLDER]")
            }
        }

        /// Every regular file at or below `paths`, sorted.
        static func files(in paths: [String]) -> [String] {
            var found: [String] = []
            for path in paths {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { fail("\(path): no such file or folder") }
                if !isFolder.boolValue {
                    found.append(path)
                    continue
                }
                let names = (try? FileManager.default.subpathsOfDirectory(atPath: path)) ?? []
                for name in names where !name.hasPrefix(".") {
                    let file = path + "/" + name
                    if FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue { found.append(file) }
                }
            }
            return found.sorted()
        }

        /// Runs each file through `target`; returns how many.
        static func replay(_ target: FuzzTarget, _ files: [String]) -> Int {
            for file in files {
                FileHandle.standardError.write(Data("\(target.rawValue): \(file)\n".utf8))
                guard let data = FileManager.default.contents(atPath: file) else { fail("\(file): cannot be read") }
                data.withUnsafeBytes { target.run($0) }
            }
            try? FileManager.default.removeItem(atPath: FuzzTarget.audioPath)
            return files.count
        }

        static func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data("fuzz-inputs: error: \(message)\n".utf8))
            exit(1)
        }
    }
#endif
