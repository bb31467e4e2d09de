import SERCore
import SERReports
import SERWorkbench
import Foundation
import SERPlot

/// Where `ser export` writes: checked before any work, written atomically by ``AtomicFile``
/// (a temporary file in the same folder, then `rename`), so a failed or interrupted export
/// leaves no partial file, and only ever as a regular file.
struct ExportDestination {
    /// The absolute path of the file.
    let path: String

    /// Checks `path`: its folder exists and is writable; it is not (and does not link to) a
    /// folder, device, FIFO or socket; an existing file is only replaced with `force`.
    ///
    /// - Throws: ``ModelUseError`` naming the path and the reason.
    init(_ rawPath: String, force: Bool) throws {
        do {
            path = try AtomicFile.destination(rawPath)
        } catch let error as PlotError {
            throw ModelUseError(path: rawPath, error.reason)
        }
        if FileManager.default.fileExists(atPath: path) && !force {
            throw ModelUseError(path: rawPath, "already exists; pass --force to overwrite it")
        }
    }

    /// Writes `bytes` through ``AtomicFile`` (temporary file, fsync, rename).
    ///
    /// - Throws: ``ModelUseError`` with the system's reason; the temporary file is removed.
    func write(_ bytes: [UInt8]) throws {
        do {
            try AtomicFile.write(Data(bytes), to: path)
        } catch let error as PlotError {
            throw ModelUseError(path: path, error.reason)
        }
    }
}
