import Foundation
import GRDB
import SERTestSupport
import Testing
@testable import SERStore

@Suite struct CompareQueryTests {
    func names(_ comparison: RunComparison) -> [String] { comparison.rows.map { $0.name ?? "?" } }

    @Test func topLevelRunsSortedByTestAccuracyBestFirstWithoutMetricsLast() throws {
        let fixture = try CompareFixture()
        let result = try fixture.store.compare(CompareQuery())
        #expect(names(result) == ["rnd-a", "spk-a", "kf", "spk-b", "sw", "broken"])
        #expect(result.matched == 6)
    }

    @Test func ascendingSortTopAndChildren() throws {
        let fixture = try CompareFixture()
        let ascending = try fixture.store.compare(CompareQuery(sort: "test.acc", descending: false, limit: 2))
        #expect(names(ascending) == ["sw", "spk-b"])
        #expect(ascending.matched == 6)
        let byLearningRate = try fixture.store.compare(CompareQuery(sort: "lr", descending: false, includeChildren: true))
        #expect(names(byLearningRate).prefix(1) == ["rnd-a"])
        #expect(names(byLearningRate).last == "sw")  // no lr: last
        #expect(byLearningRate.rows.count == 11)
    }

    @Test func parentsShowMeanAndStdAndTheirChildrensBestEpoch() throws {
        let fixture = try CompareFixture()
        let row = try #require(try fixture.store.compare(CompareQuery(runIDs: [4])).rows.first)
        #expect(row.testAccuracy == MetricValue(0.65, std: 0.05))
        #expect(row.children == 3)
        // Folds have 2, 3 and 4 epochs of constant validation accuracy: the first is best.
        #expect(row.bestEpoch == MetricValue(1, std: 0))
        let validation = try #require(row.validationAccuracy)
        #expect(abs(validation.value - 0.55) < 1e-12)
        #expect(abs((validation.std ?? 0) - (0.005 / 3.0).squareRoot()) < 1e-9)
    }

    @Test func aTrainRunShowsItsBestEpochNotItsLast() throws {
        let fixture = try CompareFixture()
        let row = try #require(try fixture.store.compare(CompareQuery(runIDs: [1])).rows.first)
        #expect(row.bestEpoch == MetricValue(2))
        #expect(row.validationAccuracy == MetricValue(0.62))
        #expect(row.epochsDone == 3)
        #expect(row.split == "speaker" && row.dataset == "ravdess" && row.tags == ["baseline"])
        #expect(row.hyperparameters["lr"] == "0.001" && row.hyperparameters["optimizer"] == "\"adam\"")
    }

    /// (expression, expected run names in test-accuracy order, children included)
    static let filters: [(String, [String])] = [
        ("lr < 0.001 and split = 'speaker'", ["spk-b"]),
        ("lr <= 0.001 and split = 'speaker' and test.acc > 0.5", ["spk-a", "sw-2", "spk-b"]),
        ("optimizer = 'sgd'", ["spk-b"]),
        ("optimizer != 'adam'", ["spk-b"]),
        ("not optimizer = 'adam'", ["spk-b"]),
        ("not lr < 1", ["sw"]),  // two-valued logic: the sweep parent has no lr
        ("kind in ('kfold', 'sweep')", ["kf", "sw"]),
        ("name like 'kf-%' and val.acc > 0.52", ["kf-3", "kf-2"]),
        ("tag = 'baseline'", ["spk-a", "spk-b"]),
        ("tag != 'baseline' and kind = 'train'", ["rnd-a", "broken"]),
        ("status = 'failed' or test.acc > 0.75", ["rnd-a", "broken"]),
        ("dataset = 'emodb'", ["spk-b"]),
        ("split like 'kfold%' and kind = 'kfold'", ["kf"]),
        ("best_epoch = 2 and id < 4", ["rnd-a", "spk-a"]),
        ("layers = '[128,64]' and kind = 'sweep'", ["sw"]),
        ("lr in (0.01, 0.0001)", ["rnd-a", "sw-1", "broken"]),
    ]

    @Test(arguments: filters)
    func whereFiltersRuns(expression: String, expected: [String]) throws {
        let fixture = try CompareFixture()
        let result = try fixture.store.compare(CompareQuery(filter: expression, includeChildren: true))
        #expect(names(result) == expected, "\(expression)")
    }

    @Test func datasetTagAndIdsNarrowTheSelection() throws {
        let fixture = try CompareFixture()
        #expect(names(try fixture.store.compare(CompareQuery(dataset: "ravdess", tag: "baseline"))) == ["spk-a"])
        #expect(names(try fixture.store.compare(CompareQuery(runIDs: [5, 2]))) == ["rnd-a", "kf-1"])
        #expect(throws: StoreError.self) { try fixture.store.compare(CompareQuery(runIDs: [1, 999])) }
        #expect(throws: StoreError.self) { try fixture.store.compare(CompareQuery(sort: "accuracy")) }
    }

    @Test func perClassF1IsFetchedOnRequest() throws {
        let fixture = try CompareFixture()
        let plain = try fixture.store.compare(CompareQuery(runIDs: [1]))
        #expect(plain.classLabels.isEmpty && plain.rows[0].classF1.isEmpty)
        let result = try fixture.store.compare(CompareQuery(runIDs: [1, 3], perClass: true))
        #expect(result.classLabels == ["happy", "sad"])
        #expect(result.rows.map { $0.classF1["happy"] } == [0.70, 0.60])
    }

    func fingerprint(_ fixture: CompareFixture) throws -> (Data, Int, Int) {
        let tables = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM sqlite_master") ?? 0 }
        let runs = try fixture.store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM runs") ?? 0 }
        var bytes = try Data(contentsOf: URL(fileURLWithPath: fixture.path))
        if let wal = FileManager.default.contents(atPath: fixture.path + "-wal") { bytes += wal }
        return (bytes, tables, runs)
    }

    @Test func sqlInjectionIsRefusedOrInertAndTheDatabaseIsUntouched() throws {
        let fixture = try CompareFixture()
        _ = try fixture.store.pool.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
        let before = try fingerprint(fixture)
        #expect(before.2 == 11)
        // Unquoted: a syntax error (unterminated string / ';').
        for hostile in ["x'; DROP TABLE runs; --", "name = 'x'; DROP TABLE runs; --", "lr = 1 or 1=1); DROP TABLE runs; --"] {
            #expect(throws: FilterError.self) { try fixture.store.compare(CompareQuery(filter: hostile)) }
        }
        // Quoted: a harmless string that matches nothing.
        let inert = try fixture.store.compare(CompareQuery(filter: "name = 'x''; DROP TABLE runs; --' or optimizer = ''' OR 1=1 --'"))
        #expect(inert.rows.isEmpty)
        let sortInjection = "lr; DROP TABLE runs"
        #expect(throws: StoreError.self) { try fixture.store.compare(CompareQuery(sort: sortInjection)) }
        let after = try fingerprint(fixture)
        #expect(after.0 == before.0)
        #expect(after.1 == before.1 && after.2 == before.2)
    }
}
