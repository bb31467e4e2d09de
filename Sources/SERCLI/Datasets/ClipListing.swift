import SERCore
import SERReports
import SERWorkbench
import Foundation
import SERStore
import SERCore

/// A clip as `ser clips --json` prints it: the row's columns, the dataset's name, and the
/// attributes as a JSON object rather than a string.
struct ClipListing: Codable, Sendable {
    @Nullable var id: Int64?
    var dataset: String
    var path: String
    var relativePath: String
    var contentHash: String
    var fileSize: Int64
    var format: String
    var sampleRate: Int
    var channels: Int
    var frames: Int
    var duration: Double
    var label: String
    var originalLabel: String
    @Nullable var speaker: String?
    @Nullable var gender: String?
    var attributes: [String: String]
    var importedAt: String

    init(dataset: String, clip: ClipRecord) {
        id = clip.id
        self.dataset = dataset
        path = clip.path
        relativePath = clip.relativePath
        contentHash = clip.contentHash
        fileSize = clip.fileSize
        format = clip.format
        sampleRate = clip.sampleRate
        channels = clip.channels
        frames = clip.frames
        duration = clip.duration
        label = clip.label
        originalLabel = clip.originalLabel
        speaker = clip.speaker
        gender = clip.gender
        attributes = (try? JSONDecoder().decode([String: String].self, from: Data(clip.attributes.utf8))) ?? [:]
        importedAt = clip.importedAt
    }
}
