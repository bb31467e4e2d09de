import Foundation
import SERTestSupport

/// The temporary folder one hostile case runs in: `corpus/` for input files, `ser.db`, and
/// anything else the case writes. Helpers create the odd file kinds the cases need.
struct HostileWorkspace: Sendable {
    let folder: URL
    /// The finished run in a ``HostileCase/Base/trained`` database (0 otherwise).
    let runID: Int64

    var corpus: URL { folder.appendingPathComponent("corpus") }
    var database: String { folder.appendingPathComponent("ser.db").path }

    /// `folder/relative` as a path.
    func path(_ relative: String) -> String { folder.appendingPathComponent(relative).path }

    /// Writes `data` at `relative` (below the folder), creating folders.
    @discardableResult
    func write(_ relative: String, _ data: Data) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
        return url.path
    }

    /// Writes UTF-8 `text` at `relative`.
    @discardableResult
    func write(_ relative: String, text: String) throws -> String { try write(relative, Data(text.utf8)) }

    /// A symbolic link at `relative` pointing at `target` (written as given).
    @discardableResult
    func link(_ relative: String, to target: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        return url.path
    }

    /// A FIFO (named pipe) at `relative`.
    @discardableResult
    func fifo(_ relative: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard mkfifo(url.path, 0o644) == 0 else { throw HostileSetupError("mkfifo \(url.path): \(String(cString: strerror(errno)))") }
        return url.path
    }

    /// A character device like `/dev/null` (major 1, minor 3: glibc's `makedev(1, 3)`) at `relative`; root only.
    @discardableResult
    func nullDevice(_ relative: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        guard mknod(url.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0 else {
            throw HostileSetupError("mknod \(url.path): \(String(cString: strerror(errno)))")
        }
        return url.path
    }

    /// A folder at `relative`.
    @discardableResult
    func folder(_ relative: String) throws -> String {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }

    /// Writes `data` at `folder/relative` + `rawName`, a file name given as bytes (not
    /// necessarily UTF-8), through `open(2)`.
    func write(_ relative: String, rawName: [UInt8], _ data: Data) throws {
        let parent = try folder(relative)
        var path = Array(parent.utf8) + [UInt8(ascii: "/")] + rawName
        path.append(0)
        let descriptor = open(path.map { CChar(bitPattern: $0) }, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw HostileSetupError("open raw name: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        let written = data.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
        guard written == data.count else { throw HostileSetupError("short write of raw-named file") }
    }

    /// Sets POSIX permissions.
    func chmod(_ relative: String, _ mode: Int) throws {
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path(relative))
    }

    /// A good RAVDESS-named tone clip of actor `actor` (emotion 01, take `take`).
    @discardableResult
    func goodClip(actor: Int, take: Int = 1, seed: Int = 9) throws -> String {
        try write(String(format: "corpus/Actor_%02d/03-01-01-01-01-%02d-%02d.wav", actor, take, actor), HostileAudio.tone(seed: seed))
    }

    /// The RAVDESS-style name `corpus/Actor_AA/03-01-05-01-01-TT-AA.wav` of a hostile clip
    /// (angry, actor `actor`), so the layout would take it as a clip.
    static func clipName(actor: Int = 7, take: Int = 1) -> String {
        String(format: "corpus/Actor_%02d/03-01-05-01-01-%02d-%02d.wav", actor, take, actor)
    }

    /// Removes the folder, first making every folder inside it writable and searchable again.
    func remove() {
        restorePermissions(folder.path)
        try? FileManager.default.removeItem(at: folder)
    }

    private func restorePermissions(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return }
        Foundation.chmod(path, 0o755)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            restorePermissions(path + "/" + name)
        }
    }
}

/// A case's setup failed (the test, not `ser`).
struct HostileSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
