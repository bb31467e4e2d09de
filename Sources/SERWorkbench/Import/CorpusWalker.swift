import Foundation
import SERCore
import SERAudio

/// Finds the audio files below corpus folders, following symbolic links to files and folders.
///
/// Paths are recorded as given (through the links), never resolved, so a corpus made of links
/// (a folder of linked speaker folders, a `cp -rs` tree) gives the same relative paths — and
/// the same dataset version — as the real one. Each real folder is visited once, by device and
/// inode, so a link loop or two links to one folder cannot repeat files. Hidden entries
/// (`.name`) are skipped.
///
/// Nothing is dropped without a word: an unreadable folder, a folder named like an audio file
/// and an audio-named entry that is a device, FIFO or socket become ``rejections``; other
/// files are counted in ``ignored``; with `followLinks` off, linked folders are counted in
/// ``linksNotFollowed``.
public struct CorpusWalker {
    /// The file extensions considered audio (lower case).
    public let audioExtensions: Set<String>
    /// Whether to descend into symbolic links to folders (`--no-follow` turns it off).
    public let followLinks: Bool

    /// Audio files found, as given (link paths, not targets). A broken link with an audio
    /// name is listed too: hashing then rejects it with its reason.
    private(set) var files: [String] = []
    /// Entries that cannot be imported, with the reason (the summary's rejection format).
    private(set) var rejections: [(path: String, reason: String)] = []
    /// Files that are not audio (by extension).
    private(set) var ignored = 0
    /// Linked folders left alone (`followLinks` off).
    private(set) var linksNotFollowed = 0
    /// Symbolic links met (followed or not), for the "holds no audio" message.
    private(set) var links = 0

    /// A real folder's identity.
    private struct FolderID: Hashable {
        public var device: UInt64
        public var inode: UInt64
    }

    private var visited: Set<FolderID> = []
    /// Linked folders met, walked once every folder reachable without links has been.
    private var pendingLinks: [(path: String, id: FolderID)] = []

    public init(audioExtensions: Set<String>, followLinks: Bool) {
        self.audioExtensions = audioExtensions
        self.followLinks = followLinks
    }

    /// Walks the folders `roots` (a link to a folder is always followed when given as a root).
    ///
    /// Every folder reachable without passing a link is walked first, so a folder that is both
    /// in the tree and the target of a link inside it is recorded under its own path; linked
    /// folders are walked after, in the order met.
    public mutating func walk(roots: [String]) {
        for root in roots {
            var info = stat()
            guard stat(root, &info) == 0 else {
                rejections.append((root, "unreadable folder: cannot be examined: \(String(cString: strerror(errno)))"))
                continue
            }
            visit(root, FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        }
        while !pendingLinks.isEmpty {
            let next = pendingLinks.removeFirst()
            visit(next.path, next.id)
        }
    }

    private mutating func visit(_ folder: String, _ id: FolderID) {
        guard visited.insert(id).inserted else { return }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            let reason = access(folder, R_OK | X_OK) == 0 ? "it cannot be listed" : "it cannot be listed (permissions)"
            rejections.append((folder, "unreadable folder: \(reason); the files in it were not imported"))
            return
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            let isAudioName = audioExtensions.contains((name as NSString).pathExtension.lowercased())
            var own = stat()
            let isLink = lstat(path, &own) == 0 && own.st_mode & S_IFMT == S_IFLNK
            if isLink { links += 1 }
            var target = stat()
            guard stat(path, &target) == 0 else {
                // A broken link (or an entry gone meanwhile): an audio name is listed so that
                // hashing rejects it with its reason; anything else is ignored.
                if isAudioName { files.append(path) } else { ignored += 1 }
                continue
            }
            switch target.st_mode & S_IFMT {
            case S_IFDIR:
                if isLink && !followLinks {
                    linksNotFollowed += 1
                    continue
                }
                if isAudioName {
                    rejections.append((path, "not a file: a folder named like an audio file (the files in it are imported as usual)"))
                }
                let id = FolderID(device: UInt64(target.st_dev), inode: UInt64(target.st_ino))
                if isLink { pendingLinks.append((path, id)) } else { visit(path, id) }
            case S_IFREG:
                if isAudioName { files.append(path) } else { ignored += 1 }
            default:
                guard isAudioName else {
                    ignored += 1
                    continue
                }
                let kind = FileKind.name(mode: target.st_mode) ?? "not a regular file"
                let via = isLink ? " (through a symbolic link)" : ""
                rejections.append((path, "unreadable: is \(kind)\(via), not a regular file; only regular files are read"))
            }
        }
    }

    /// What a folder without audio files holds instead, for the "holds no audio" message:
    /// `""`, or `"; it has 2 symbolic links …"`.
    public var whatElse: String {
        var parts: [String] = []
        if links > 0 {
            parts.append(
                "\(links) symbolic \(links == 1 ? "link" : "links")"
                    + (linksNotFollowed > 0 ? " (\(linksNotFollowed) to folders, not followed because of --no-follow)" : ""))
        }
        if !rejections.isEmpty {
            let shown = rejections.prefix(3).map { "\($0.path): \($0.reason)" }.joined(separator: "; ")
            parts.append("\(rejections.count) unusable \(rejections.count == 1 ? "entry" : "entries") (\(shown))")
        }
        if ignored > 0 { parts.append("\(ignored) other \(ignored == 1 ? "file" : "files")") }
        return parts.isEmpty ? "" : "; it has " + parts.joined(separator: ", ")
    }
}
