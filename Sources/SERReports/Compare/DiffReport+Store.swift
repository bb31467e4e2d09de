import SERCore
public import SERStore

extension DiffReport {
    /// What differs between runs `a` and `b` (rows of one `Store.compare`): their settings
    /// (`names`, hyperparameters), provenance, metrics, epochs and the confusion matrices of
    /// `subset` on the union of their labels.
    public static func between(_ a: CompareRow, _ b: CompareRow, names: [String], subset: String, store: Store) throws -> DiffReport {
        let (epochsA, epochsB) = (try store.epochs(a.id), try store.epochs(b.id))
        let empty = (labels: [String](), counts: [[Int]]())
        let confA = try store.confusion(a.id, subset: subset).map { (labels: $0.labels, counts: $0.counts) } ?? empty
        let confB = try store.confusion(b.id, subset: subset).map { (labels: $0.labels, counts: $0.counts) } ?? empty
        let labels = Array(Set(confA.labels + confB.labels)).sorted()
        let matrixA = remap(confA, to: labels), matrixB = remap(confB, to: labels)
        return DiffReport(
            a: a.id, b: b.id, settings: settings(a, b, names: names), provenance: try provenance(a, b, store: store),
            metrics: metrics(a, b),
            epochsA: epochsA, epochsB: epochsB, labels: labels, confusionA: matrixA, confusionB: matrixB,
            confusionDelta: zip(matrixB, matrixA).map { zip($0, $1).map { $0 - $1 } })
    }

    /// Settings of both runs (hyperparameters as JSON values).
    public static func settings(_ a: CompareRow, _ b: CompareRow, names: [String]) -> [DiffReport.Pair] {
        names.map { name in
            let x = a.hyperparameters[name].map(JSONValue.init(parsingOrKeeping:)) ?? .null
            let y = b.hyperparameters[name].map(JSONValue.init(parsingOrKeeping:)) ?? .null
            return DiffReport.Pair(name: name, a: x, b: y, differs: x != y)
        }
    }

    /// Dataset, split, features, status and the `provenance` row of both runs.
    public static func provenance(_ a: CompareRow, _ b: CompareRow, store: Store) throws -> [DiffReport.Pair] {
        func dataset(_ r: CompareRow) -> String? { r.dataset.map { "\($0)@\(r.datasetVersion ?? "?")" } }
        var pairs: [DiffReport.Pair] = []
        func add(_ name: String, _ x: JSONValue?, _ y: JSONValue?) {
            pairs.append(DiffReport.Pair(name: name, a: x ?? .null, b: y ?? .null, differs: x != y))
        }
        func add(_ name: String, _ x: String?, _ y: String?) { add(name, x.map(JSONValue.string), y.map(JSONValue.string)) }
        add("dataset", dataset(a), dataset(b))
        add("split", a.split, b.split)
        add("features", a.features, b.features)
        add("status", a.status, b.status)
        let pa = try store.provenance(a.id).map(ProvenanceReport.fields) ?? []
        let pb = try store.provenance(b.id).map(ProvenanceReport.fields) ?? []
        let (da, db) = (Dictionary(pa, uniquingKeysWith: { x, _ in x }), Dictionary(pb, uniquingKeysWith: { x, _ in x }))
        var seen = Set<String>()
        for key in (pa + pb).map(\.0) where seen.insert(key).inserted { add(key, da[key], db[key]) }
        return pairs
    }

    /// Scores, epochs and duration of both runs, with `delta` = b − a.
    public static func metrics(_ a: CompareRow, _ b: CompareRow) -> [DiffReport.Metric] {
        func pair(_ key: String, _ name: String, _ x: MetricValue?, _ y: MetricValue?) -> DiffReport.Metric {
            DiffReport.Metric(
                key: key, name: name, a: x?.value, b: y?.value, aStd: x?.std, bStd: y?.std,
                delta: x.flatMap { x in y.map { $0.value - x.value } })
        }
        return [
            pair("test_acc", "test acc", a.testAccuracy, b.testAccuracy), pair("test_f1", "test F1", a.testF1, b.testF1),
            pair("test_uar", "test UAR", a.testUAR, b.testUAR),
            pair("val_acc", "val acc", a.validationAccuracy, b.validationAccuracy),
            pair("val_f1", "val F1", a.validationF1, b.validationF1),
            pair("val_uar", "val UAR", a.validationUAR, b.validationUAR), pair("best_epoch", "best epoch", a.bestEpoch, b.bestEpoch),
            pair("epochs", "epochs", a.epochsDone.map { MetricValue(Double($0)) }, b.epochsDone.map { MetricValue(Double($0)) }),
            pair("duration_s", "seconds", a.durationSeconds.map { MetricValue($0) }, b.durationSeconds.map { MetricValue($0) }),
        ]
    }

    /// `matrix` re-indexed to `labels` (missing rows/columns are zero).
    public static func remap(_ matrix: (labels: [String], counts: [[Int]]), to labels: [String]) -> [[Int]] {
        let index = Dictionary(uniqueKeysWithValues: matrix.labels.enumerated().map { ($1, $0) })
        return labels.map { truth in
            labels.map { predicted in
                guard let i = index[truth], let j = index[predicted], i < matrix.counts.count, j < matrix.counts[i].count else {
                    return 0
                }
                return matrix.counts[i][j]
            }
        }
    }
}
