import Foundation
import SERWorkbench

/// The recordings a speaker is enrolled with, as given to `ser enroll` and `ser predict
/// --enroll`: files as they are, and each folder's audio files (by extension, as `ser import`
/// finds them; not recursive), sorted by name.
enum SpeakerClips {
    /// - Throws: ``ModelUseError`` naming a path that is neither a file nor a folder, or a
    ///   folder without audio.
    static func expand(_ arguments: [String]) throws -> [String] {
        var clips: [String] = []
        for argument in arguments {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else {
                throw ModelUseError(path: argument, "no such file or folder")
            }
            guard isFolder.boolValue else {
                clips.append(argument)
                continue
            }
            let names = try FileManager.default.contentsOfDirectory(atPath: argument)
                .filter { ImportPlan.audioExtensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
            guard !names.isEmpty else { throw ModelUseError(path: argument, "the folder holds no audio file") }
            clips += names.map { (argument as NSString).appendingPathComponent($0) }
        }
        return clips
    }
}
