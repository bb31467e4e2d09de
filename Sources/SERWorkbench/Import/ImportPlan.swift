import Foundation
public import SERCorpus

/// What an import will look at: the files found under the PATHs (or listed in a manifest),
/// each with its path below the dataset root and its label (or why it has none).
///
/// Built before anything is written, so a missing path, a corpus no layout matches or a
/// manifest without the needed columns stops the import with nothing in the database.
public struct ImportPlan: Sendable {
    /// One candidate file.
    public struct Item: Sendable {
        /// Absolute path.
        public var path: String
        /// Path below ``ImportPlan/root``, `/`-separated.
        public var relativePath: String
        /// The label, or why the file has none.
        public var label: Result<ClipLabel, CorpusError>
    }

    /// The file extensions considered audio when walking folders.
    public static let audioExtensions: Set<String> = [
        "wav", "wave", "flac", "ogg", "oga", "opus", "aif", "aiff", "aifc", "au", "snd", "w64", "rf64", "caf", "mp3",
    ]

    /// The dataset root: the one folder given, or the folder holding all the PATHs.
    public var root: String
    /// The resolved layout.
    public var layout: CorpusLayout
    /// The candidate files, sorted by relative path.
    public var items: [Item]
    /// Manifest rows that name no usable file (no path, no label, repeated).
    public var manifestRejections: [(path: String, reason: String)] = []
    /// Files skipped because their extension is not an audio one (README, manifests, ...).
    public var ignoredFiles = 0
    /// Entries of the walk that cannot be imported: unreadable folders, folders named like
    /// clips, audio-named devices, FIFOs and sockets (see ``CorpusWalker``).
    public var walkRejections: [(path: String, reason: String)] = []
    /// Symbolic links to folders not followed (`--no-follow`).
    public var linksNotFollowed = 0

    /// Resolves `paths` (folders, audio files, or one CSV manifest) under `layout` (`nil` = auto).
    ///
    /// Folders are walked by ``CorpusWalker``: symbolic links to files and folders are
    /// followed (each real folder once) unless `followLinks` is off, and paths are kept as
    /// given, not resolved.
    ///
    /// - Throws: ``ImportError`` `.notFound`, `.noAudio`, `.layout`, `.manifest`.
    public static func make(paths: [String], layout requested: CorpusLayout?, followLinks: Bool = true) throws -> ImportPlan {
        let fileManager = FileManager.default
        var roots: [(path: String, isDirectory: Bool)] = []
        for path in paths {
            let absolute = absolutePath(path)
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: absolute, isDirectory: &isDirectory) else {
                throw ImportError(.notFound, path: absolute, "does not exist")
            }
            // Kept as given: a linked root is walked through its link, like every linked folder.
            roots.append((absolute, isDirectory.boolValue))
        }
        let manifests = roots.filter { !$0.isDirectory && $0.path.lowercased().hasSuffix(".csv") }
        if requested == .csv || !manifests.isEmpty {
            guard roots.count == 1, let manifest = manifests.first else {
                throw ImportError(
                    .manifest, path: roots.first?.path ?? ".",
                    "--layout csv takes exactly one PATH: the CSV manifest file")
            }
            return try fromManifest(manifest.path)
        }
        let base = commonFolder(roots.map { $0.isDirectory ? $0.path : ($0.path as NSString).deletingLastPathComponent })
        var files: [(path: String, relative: String)] = []
        var walker = CorpusWalker(audioExtensions: audioExtensions, followLinks: followLinks)
        for root in roots where !root.isDirectory {
            files.append((root.path, relative(root.path, to: base)))
        }
        walker.walk(roots: roots.filter(\.isDirectory).map(\.path))
        files += walker.files.map { ($0, relative($0, to: base)) }
        files.sort { $0.relative < $1.relative }
        let relatives = files.map(\.relative)
        if files.isEmpty {
            throw ImportError(
                .noAudio, path: base,
                "holds no audio files (looked for \(audioExtensions.sorted().joined(separator: " ")))\(walker.whatElse)")
        }
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
        let items = files.map { file in
            Item(
                path: file.path, relativePath: file.relative,
                label: Result { () throws(CorpusError) -> ClipLabel in try layout.label(forRelativePath: file.relative) })
        }
        if requested != nil, !items.contains(where: { (try? $0.label.get()) != nil }) {
            throw ImportError(
                .layout, path: base,
                "--layout \(layout.rawValue) matches none of its \(items.count) audio files (e.g. \(relatives.prefix(3).joined(separator: ", ")))"
            )
        }
        return ImportPlan(
            root: base, layout: layout, items: items, ignoredFiles: walker.ignored, walkRejections: walker.rejections,
            linksNotFollowed: walker.linksNotFollowed)
    }

    /// A plan from a CSV manifest; paths in it are relative to its folder.
    public static func fromManifest(_ manifestPath: String) throws -> ImportPlan {
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
            let path =
                entry.path.hasPrefix("/")
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

    public static func absolutePath(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return URL(fileURLWithPath: expanded, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
            .standardizedFileURL.path
    }

    /// `path` below `base` (`/`-separated), or `path` itself when it is not below it.
    public static func relative(_ path: String, to base: String) -> String {
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    /// The deepest folder that holds every one of `folders`.
    public static func commonFolder(_ folders: [String]) -> String {
        guard var common = folders.first?.split(separator: "/").map(String.init) else { return "/" }
        for folder in folders.dropFirst() {
            let parts = folder.split(separator: "/").map(String.init)
            common = Array(zip(common, parts).prefix { $0.0 == $0.1 }.map(\.0))
        }
        return "/" + common.joined(separator: "/")
    }
}
