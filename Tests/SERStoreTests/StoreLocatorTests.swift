import Foundation
import Testing
@testable import SERStore
import SERTestSupport

@Suite struct StoreLocatorTests {
    @Test func flagBeatsEnvironmentBeatsDiscovery() throws {
        let folder = try ScratchFolder.make()
        #expect(
            try StoreLocator.locate(explicit: "a.db", environment: ["SER_DB": "b.db"], start: folder.path)
                == .init(path: "a.db", source: .flag))
        #expect(
            try StoreLocator.locate(explicit: nil, environment: ["SER_DB": "b.db"], start: folder.path)
                == .init(path: "b.db", source: .environment))
    }

    @Test func discoveryFromASubfolderFindsTheParentsDatabase() throws {
        let folder = try ScratchFolder.make()
        let path = folder.appendingPathComponent("ser.db").path
        _ = try Store.create(at: path)
        let deep = folder.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let found = try StoreLocator.locate(explicit: nil, environment: [:], start: deep.path)
        #expect(found.source == .discovered)
        #expect(URL(fileURLWithPath: found.path).resolvingSymlinksInPath() == URL(fileURLWithPath: path).resolvingSymlinksInPath())
    }

    @Test func noDatabaseAnywhereSaysHowToMakeOne() throws {
        let folder = try ScratchFolder.make()
        #expect { try StoreLocator.locate(explicit: nil, environment: [:], start: folder.path) } throws: { error in
            guard let error = error as? StoreError else { return false }
            return error.code == .notFound && error.reason.contains("ser init")
        }
    }
}
