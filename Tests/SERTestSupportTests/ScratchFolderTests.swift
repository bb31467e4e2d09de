import Foundation
import SERTestSupport
import Testing

/// The scratch folders every fixture makes: fresh, inside this process's folder, and the
/// folders of test processes that died without exiting swept away.
@Suite struct ScratchFolderTests {
    @Test func eachFolderIsFreshEmptyAndInsideThisProcesssFolder() throws {
        let one = try ScratchFolder.make()
        let two = try ScratchFolder.make()
        #expect(one != two)
        #expect(one.deletingLastPathComponent().path == ScratchFolder.root.path)
        #expect(ScratchFolder.root.lastPathComponent == "\(ScratchFolder.prefix)\(getpid())")
        #expect(one.lastPathComponent.hasPrefix("eachFolderIsFreshEmptyAndInsideThisProcesssFolder-"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: one.path).isEmpty)
        #expect(try ScratchFolder.make("../../x/y").deletingLastPathComponent().path == ScratchFolder.root.path)
    }

    @Test func foldersOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let temporary = try ScratchFolder.make()
        // A pid that was just used and has exited (reaped), and two that are alive.
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        let dead = "\(ScratchFolder.prefix)\(finished.processIdentifier)"
        let names = [dead, "\(ScratchFolder.prefix)\(getpid())", "\(ScratchFolder.prefix)1", "ser-tests.not-a-pid", "other.5"]
        for name in names {
            try FileManager.default.createDirectory(
                at: temporary.appendingPathComponent(name).appendingPathComponent("inner"), withIntermediateDirectories: true)
        }
        #expect(ScratchFolder.removeFoldersOfDeadProcesses(in: temporary) == [dead])
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).sorted() == names.dropFirst().sorted())
    }
}
