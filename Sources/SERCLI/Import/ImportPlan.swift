import Foundation
import SERCorpus

/// What an import will look at: the files found under the PATHs (or listed in a manifest),
/// each with its path below the dataset root and its label (or why it has none).
///
/// Built before anything is written, so a missing path, a corpus no layout matches or a
/// manifest without the needed columns stops the import with nothing in the database.
struct ImportPlan {
    /// One candidate file.
    struct Item: Sendable {
        /// Absolute path.
        var path: String
        /// Path below ``ImportPlan/root``, `/`-separated.
        var relativePath: String
        /// The label, or why the file has none.
        var label: Result<ClipLabel, CorpusError>
    }

    /// The file extensions considered audio when walking folders.
    static let audioExtensions: Set<String> = [
        "wav", "wave", "flac", "ogg", "oga", "opus", "aif", "aiff", "aifc", "au", "snd", "w64", "rf64", "caf", "mp3",
    ]

    /// The dataset root: the one folder given, or the folder holding all the PATHs.
    var root: String
    /// The resolved layout.
    var layout: CorpusLayout
    /// The candidate files, sorted by relative path.
    var items: [Item]
    /// Manifest rows that name no usable file (no path, no label, repeated).
    var manifestRejections: [(path: String, reason: String)] = []
    /// Files skipped because their extension is not an audio one (README, manifests, ...).
    var ignoredFiles = 0

    /// Resolves `paths` (folders, audio files, or one CSV manifest) under `layout` (`nil` = auto).
    ///
    /// - Throws: ``ImportError`` `.notFound`, `.noAudio`, `.layout`, `.manifest`.
    static func make(paths: [String], layout requested: CorpusLayout?) throws -> ImportPlan {
        let fileManager = FileManager.default
        var roots: [(path: String, isDirectory: Bool)] = []
        for path in paths {
            let absolute = absolutePath(path)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw ImportError(.notFound, path: absolute, "does not exist")
            }
            // Walk the real folder: the enumerator does not descend into a symlinked root.
            roots.append((URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path, isDirectory.boolValue))
        }
        let manifests = roots.filter { !$0.isDirectory && $0.path.lowercased().hasSuffix(".csv") }
        if requested == .csv || !manifests.isEmpty {
            guard roots.count == 1, let manifest = manifests.first else {
                throw ImportError(.manifest, path: roots.first?.path ?? ".",
                                  "--layout csv takes exactly one PATH: the CSV manifest file")
            }
            return try fromManifest(manifest.path)
        }
        let base = commonFolder(roots.map { $0.isDirectory ? $0.path : ($0.path as NSString).deletingLastPathComponent })
        var files: [(path: String, relative: String)] = []
        var ignored = 0
        for root in roots {
            if !root.isDirectory {
                files.append((root.path, relative(root.path, to: base)))
                continue
            }
            guard let walker = fileManager.enumerator(
                at: URL(fileURLWithPath: root.path),
                includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey], options: [.skipsHiddenFiles])
            else { throw ImportError(.notFound, path: root.path, "cannot be listed") }
            for case let url as URL in walker {
                // Regular files, and symbolic links (a broken one is then rejected as unreadable).
                let kind = try? url.resourceValues(forKeys: [.isRegularFileKey, .isSymbolicLinkKey])
                guard kind?.isRegularFile == true || kind?.isSymbolicLink == true else { continue }
                guard audioExtensions.contains(url.pathExtension.lowercased()) else {
                    ignored += 1
                    continue
                }
                let path = url.standardizedFileURL.path
                files.append((path, relative(path, to: base)))
            }
        }
        files.sort { $0.relative < $1.relative }
        let relatives = files.map(\.relative)
        let layout: CorpusLayout
        if let requested {
            layout = requested
        } else {
            do {
                layout = try LayoutDetector.detect(relatives, root: base)
            } catch {
                throw ImportError(files.isEmpty ? .noAudio : .layout, path: base, error.reason)
            }
        }
        if files.isEmpty {
            throw ImportError(.noAudio, path: base, "holds no audio files (looked for \(audioExtensions.sorted().joined(separator: " ")))")
        }
        let items = files.map { file in
            Item(path: file.path, relativePath: file.relative,
                 label: Result { () throws(CorpusError) -> ClipLabel in try layout.label(forRelativePath: file.relative) })
        }
        if requested != nil, !items.contains(where: { (try? $0.label.get()) != nil }) {
            throw ImportError(.layout, path: base,
                "--layout \(layout.rawValue) matches none of its \(items.count) audio files (e.g. \(relatives.prefix(3).joined(separator: ", ")))")
        }
        return ImportPlan(root: base, layout: layout, items: items, ignoredFiles: ignored)
    }

    /// A plan from a CSV manifest; paths in it are relative to its folder.
    static func fromManifest(_ manifestPath: String) throws -> ImportPlan {
        let text: String
        do {
            text = try String(contentsOfFile: manifestPath, encoding: .utf8)
        } catch {
            throw ImportError(.manifest, path: manifestPath, "cannot be read as UTF-8 text")
        }
        let manifest: CSVManifest
        do {
            manifest = try CSVManifest.parse(text, source: manifestPath)
        } catch {
            throw ImportError(.manifest, path: manifestPath, error.reason)
        }
        let folder = (manifestPath as NSString).deletingLastPathComponent
        var items: [Item] = []
        for entry in manifest.entries {
            let path = entry.path.hasPrefix("/")
                ? URL(fileURLWithPath: entry.path).standardizedFileURL.path
                : URL(fileURLWithPath: entry.path, relativeTo: URL(fileURLWithPath: folder, isDirectory: true)).standardizedFileURL.path
            items.append(Item(path: path, relativePath: relative(path, to: folder), label: .success(entry.label)))
        }
        if items.isEmpty {
            throw ImportError(.manifest, path: manifestPath, "lists no usable rows (every row lacks a path or a label)")
        }
        items.sort { $0.relativePath < $1.relativePath }
        let rejections = manifest.rejections.map { rejection in
            (path: rejection.path.isEmpty ? "\(manifestPath):\(rejection.line)" : rejection.path, reason: rejection.reason)
        }
        return ImportPlan(root: folder, layout: .csv, items: items, manifestRejections: rejections)
    }

    static func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// `path` below `base` (`/`-separated), or `path` itself when it is not below it.
    static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The deepest folder that holds every one of `folders`.
    static func commonFolder(_ folders: [String]) -> String {
        guard var common = folders.first?.split(separator: "/").map(String.init) else { return "/" }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/").map(String.init)
            common = Array(zip(common, parts).prefix { $0.0 == $0.1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }
}
