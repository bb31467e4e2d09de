public import SERCore
import Foundation

/// What `ser import` did, printed at the end (text, or JSON with `--json`).
public struct ImportSummary: Codable, Sendable, Equatable {
    /// A file that could not be imported.
    public struct Rejection: Codable, Sendable, Equatable {
        /// Absolute path (or `manifest:line` for a manifest row without a path).
        public var path: String
        /// Why, starting with its kind: `unlabelled:`, `unreadable:`, `not audio:`, `empty:`,
        /// `truncated:`, `too large:`, `bad samples:`, `not a file:` (a folder named like a clip,
        /// a device, FIFO or socket), `unreadable folder:`.
        public var reason: String

        public init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Dataset name.
    public var dataset: String
    /// Layout used.
    public var layout: String
    /// Dataset root folder.
    public var root: String
    /// Candidate audio files found (or manifest rows with a path and label).
    public var files: Int
    /// Files skipped for not having an audio extension.
    public var ignoredFiles: Int
    /// Clips added by this run.
    public var newClips: Int
    /// Clips that were already stored (same relative path and content).
    public var existingClips: Int
    /// Files and manifest rows that could not be used.
    public var rejected: [Rejection]
    /// The dataset version these files form (`nil` when no file was usable).
    @Nullable public var version: String?
    /// Its id.
    @Nullable public var versionID: Int64?
    /// Whether this run created the version (false: an identical version existed).
    public var versionCreated: Bool
    /// Clips per canonical label in the version.
    public var labels: [String: Int]
    /// Distinct speakers in the version.
    public var speakers: Int
    /// Total audio duration of the version, seconds.
    public var seconds: Double
    /// Clips with more than one channel (downmixed to mono when features are computed).
    public var multichannelClips: Int
    /// Whether the PCM was stored in the database.
    public var storedAudio: Bool
    /// Wall-clock time of the import, seconds.
    public var elapsedSeconds: Double
    /// Symbolic links to folders left alone because of `--no-follow`.
    public var linksNotFollowed: Int = 0

    /// The human-readable report.
    public var text: String {
        var lines: [String] = []
        let rate = elapsedSeconds > 0 ? Double(files) / elapsedSeconds : 0
        lines.append(
            "Imported \(dataset) (layout \(layout)) from \(root) in \(Format.duration(elapsedSeconds)) (\(String(format: "%.0f", rate)) files/s)"
        )
        lines.append(
            "  files      \(files) audio files"
                + (ignoredFiles > 0 ? " (\(ignoredFiles) other \(ignoredFiles == 1 ? "file" : "files") ignored)" : ""))
        if linksNotFollowed > 0 {
            lines.append(
                "  links      \(linksNotFollowed) linked \(linksNotFollowed == 1 ? "folder" : "folders") not followed (--no-follow)")
        }
        lines.append("  clips      \(newClips) new, \(existingClips) already present, \(rejected.count) rejected")
        if let version {
            let short = String(version.prefix(12))
            lines.append(
                versionCreated
                    ? "  version    \(short) (new, \(newClips + existingClips) clips)"
                    : "  version    \(short) (unchanged: the database already holds this version"
                        + (newClips == 0 ? "; nothing added)" : ")"))
        } else {
            lines.append("  version    none: no usable file")
        }
        let labelText = labels.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        lines.append("  labels     \(labels.count): \(labelText)")
        lines.append("  speakers   \(speakers)")
        lines.append("  duration   \(Format.duration(seconds))")
        if multichannelClips > 0 {
            lines.append("  channels   \(multichannelClips) multi-channel clips (downmixed to mono by averaging for features)")
        }
        lines.append("  audio      " + (storedAudio ? "PCM stored in the database" : "referenced by path and content hash"))
        if !rejected.isEmpty {
            lines.append("Rejected \(rejected.count) files:")
            for rejection in rejected { lines.append("  \(rejection.path): \(rejection.reason)") }
        }
        return lines.joined(separator: "\n")
    }
}
