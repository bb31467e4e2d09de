import Foundation
import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports
import SERTestSupport

@Suite struct InitCommandTests {
    @Test func initCreatesThenRefusesToOverwrite() throws {
        let folder = try ScratchFolder.make()
        let first = try SERProcess.run(["init"], in: folder)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(folder.appendingPathComponent("ser.db").path))
        let before = try Data(contentsOf: folder.appendingPathComponent("ser.db"))
        let second = try SERProcess.run(["init"], in: folder)
        #expect(second.status != 0)
        #expect(second.stderr.contains("already exists"))
        #expect(second.stderr.contains(folder.appendingPathComponent("ser.db").path))
        #expect(try Data(contentsOf: folder.appendingPathComponent("ser.db")) == before)
    }

    @Test func twoInitsRacingForOnePathOneWinsOneRefuses() throws {
        let folder = try ScratchFolder.make()
        let runs = try (0..<2).map { _ in try SERProcess.start(["init", "race.db"], in: folder) }
        for process in runs { process.waitUntilExit() }
        let statuses = runs.map(\.terminationStatus).sorted()
        #expect(statuses == [0, 1])
        let status = try SERProcess.run(["status", "--db", "race.db"], in: folder)
        #expect(status.status == 0, "\(status.stderr)")
    }

    @Test func statusFindsTheDatabaseFromASubfolderAndHonoursSER_DB() throws {
        let folder = try ScratchFolder.make()
        #expect(try SERProcess.run(["init"], in: folder).status == 0)
        let deep = folder.appendingPathComponent("x/y")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        let found = try SERProcess.run(["status", "--json"], in: deep)
        #expect(found.status == 0, "\(found.stderr)")
        #expect(found.stdout.contains("\"schema_version\""))
        let elsewhere = try ScratchFolder.make()
        let missing = try SERProcess.run(["status"], in: elsewhere)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("ser init"))
        let viaEnv = try SERProcess.run(["status"], in: elsewhere, environment: ["SER_DB": folder.appendingPathComponent("ser.db").path])
        #expect(viaEnv.status == 0, "\(viaEnv.stderr)")
    }

    @Test func aTextFileGivenAsDatabaseIsRefusedAndUnchanged() throws {
        let folder = try ScratchFolder.make()
        let file = folder.appendingPathComponent("notes.txt")
        try Data("just text\n".utf8).write(to: file)
        let result = try SERProcess.run(["status", "--db", file.path], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.contains("notes.txt"))
        #expect(result.stderr.contains("not a SQLite database"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "just text\n")
    }

    @Test func theBinaryCopiedAloneStillCreatesAndMigrates() throws {
        let binary = SERProcess.binary
        let elsewhere = try ScratchFolder.make()
        let copy = elsewhere.appendingPathComponent("ser")
        try FileManager.default.copyItem(at: binary, to: copy)
        let result = try SERProcess.run(["init", "alone.db"], in: elsewhere, executable: copy)
        #expect(result.status == 0, "\(result.stderr)")
        let status = try SERProcess.run(["status", "--db", "alone.db", "--json"], in: elsewhere, executable: copy)
        // Every migration file of the package is embedded: the new database is at the latest.
        let migrations = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Migrations")
        let latest = try FileManager.default.contentsOfDirectory(atPath: migrations.path).filter { $0.hasSuffix(".sql") }.count
        #expect(latest >= 2)
        #expect(status.stdout.contains("\"schema_version\" : \(latest)"), "\(status.stdout)")
    }

    @Test func parsesGlobalOptionsAndPrintsVersion() throws {
        let command = try SER.parseAsRoot(["status", "--db", "x.db", "--json"])
        let status = try #require(command as? SER.Status)
        #expect(status.options.db == "x.db")
        #expect(status.options.json)
        let version = try SERProcess.run(["--version"], in: FileManager.default.temporaryDirectory)
        #expect(version.stdout.hasPrefix("ser "))
        #expect(SER.helpMessage().contains("init"))
    }
}
