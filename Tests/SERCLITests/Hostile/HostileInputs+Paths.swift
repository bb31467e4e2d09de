import Foundation
import SERTestSupport

extension HostileInputs {
    /// Corpus entries that are not regular files, or are named oddly.
    static var paths: [HostileCase] {
        let clip = HostileWorkspace.clipName()
        let file = (clip as NSString).lastPathComponent
        let some = goodClips...goodClips + 1
        return [
            corpusCase(.path, "link-to-dev-zero", expect: .rejects(file, clips: goodClips)) { try $0.link(clip, to: "/dev/zero") },
            corpusCase(.path, "link-to-fifo", expect: .rejects(file, clips: goodClips)) {
                let fifo = try $0.fifo("pipe")
                try $0.link(clip, to: fifo)
            },
            corpusCase(.path, "fifo-named-like-a-clip", expect: .rejects(file, clips: goodClips)) { try $0.fifo(clip) },
            corpusCase(.path, "link-to-itself", expect: .rejects(file, clips: goodClips)) { try $0.link(clip, to: file) },
            corpusCase(.path, "two-link-loop", expect: .rejects(file, clips: goodClips)) {
                try $0.link(clip, to: "03-01-05-01-01-02-07.wav")
                try $0.link(HostileWorkspace.clipName(take: 2), to: file)
            },
            corpusCase(.path, "dangling-link", expect: .rejects(file, clips: goodClips)) { try $0.link(clip, to: "/nonexistent/x.wav") },
            corpusCase(.path, "folder-link-loop", expect: .survives(clips: goodClips...goodClips)) {
                try $0.link("corpus/Actor_09", to: ".")
            },
            corpusCase(.path, "link-to-parent", expect: .survives(clips: goodClips...goodClips)) {
                try $0.link("corpus/Actor_09", to: "..")
            },
            corpusCase(.path, "unreadable-folder", expect: .rejects("Actor_08", clips: goodClips), needsNonRoot: true) {
                try $0.write("corpus/Actor_08/03-01-05-01-01-01-08.wav", HostileAudio.tone())
                try $0.chmod("corpus/Actor_08", 0o000)
            },
            corpusCase(.path, "folder-named-like-a-clip", expect: .rejects(file, clips: goodClips)) {
                try $0.folder(clip)
            },
            corpusCase(.path, "non-utf8-name", expect: .survives(clips: some)) {
                try $0.write(
                    "corpus/Actor_07", rawName: Array("03-01-05-01-01-01-07".utf8) + [0xFF, 0xFE] + Array(".wav".utf8), HostileAudio.tone())
            },
            corpusCase(.path, "255-byte-name", expect: .survives(clips: some)) {
                try $0.write("corpus/Actor_07/" + String(repeating: "x", count: 251) + ".wav", HostileAudio.tone())
            },
            corpusCase(.path, "newline-in-name", expect: .survives(clips: some)) {
                try $0.write("corpus/Actor_07/03-01-05-01-01-01-07\n.wav", HostileAudio.tone())
            },
            corpusCase(.path, "dash-name", expect: .survives(clips: some)) { try $0.write("corpus/-rf.wav", HostileAudio.tone()) },
            corpusCase(.path, "100-deep-folders", expect: .survives(clips: some)) {
                try $0.write("corpus/" + String(repeating: "d/", count: 100) + "03-01-05-01-01-01-07.wav", HostileAudio.tone())
            },
            HostileCase(.path, "corpus-is-a-fifo", base: .goodCorpus, expect: .refuses(naming: "pipe")) {
                try $0.fifo("pipe")
                return HostileCommand(arguments: ["import", "pipe", "--name", "h"])
            },
            HostileCase(.path, "corpus-is-dev-zero-link", base: .goodCorpus, expect: .refuses(naming: "zero")) {
                try $0.link("zero", to: "/dev/zero")
                return HostileCommand(arguments: ["import", "zero", "--name", "h"])
            },
            HostileCase(.path, "corpus-missing", base: .goodCorpus, expect: .refuses(naming: "nowhere")) { _ in
                HostileCommand(arguments: ["import", "nowhere", "--name", "h"])
            },
        ]
    }
}
