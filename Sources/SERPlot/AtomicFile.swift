public import Foundation

/// Writes files all-or-nothing: the bytes go to a hidden temporary file in the destination's
/// folder, which is then renamed over the destination.
public enum AtomicFile {
    /// Writes `data` to `path`.
    ///
    /// - Throws: ``PlotError`` `.io` naming `path` when the folder does not exist, is not
    ///   writable, or the write or rename fails; the temporary file is removed.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlotError(.io, path: path, "cannot be written: the folder \(folder.path) does not exist")
        }
        var isTarget: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isTarget), isTarget.boolValue {
            throw PlotError(.io, path: path, "cannot be written: it is a folder")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError(.io, path: path, "cannot be written: \(reason(error))")
        }
        if rename(temporary.path, url.path) != 0 {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError(.io, path: path, "cannot be written: \(message)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return ns.localizedDescription
    }
}
