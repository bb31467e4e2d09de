import Foundation
public import SERPlot
public import SERStore

/// The trials of a parent run (sweep, k-fold, seeds) with the settings that vary between
/// them and their scores: what `ser plot sweep` and the sweep report show.
public struct SweepTrials {
    /// One child run.
    public struct Trial {
        public var run: RunSummaryRow
        /// Setting key → value as the child's configuration holds it (JSON value).
        public var settings: [String: Any]
        /// Best validation accuracy (what trials are chosen on).
        public var validation: Double? { run.bestValAcc }
        /// Test accuracy (reported, never chosen on).
        public var test: Double? { run.testAcc }
    }

    public var parent: RunOverview
    /// The swept setting keys, in the sweep's order (or, for other parents, the keys whose
    /// values differ between children, by name).
    public var keys: [String]
    /// Each key's alternatives in the order the sweep listed them (category order).
    public var alternatives: [String: [String]]
    /// Ranked by validation accuracy, best first; trials without one last, by id.
    public var trials: [Trial]

    /// Loads the children of `parentID`.
    ///
    /// - Throws: ``ReportError`` `.noData` when the run has no child runs.
    public static func load(_ parentID: Int64, store: Store) throws -> SweepTrials {
        let parent = try RunFigures.overview(parentID, store: store)
        let children = try store.childRuns(of: parentID)
        guard !children.isEmpty else {
            throw ReportError(
                .noData, "run \(parentID)", "is a \(parent.kind) run with no child runs; `ser plot sweep` draws the trials of a sweep")
        }
        var trials: [Trial] = []
        for child in children {
            let config = try store.runOverview(child.id).map(\.config) ?? "{}"
            let settings = (try? JSONSerialization.jsonObject(with: Data(config.utf8)) as? [String: Any]) ?? [:]
            trials.append(Trial(run: child, settings: settings))
        }
        var keys: [String] = []
        var alternatives: [String: [String]] = [:]
        if let axes = try store.hyperparameters(parentID).first(where: { $0.name == "sweep.axes" }),
            let list = try? JSONSerialization.jsonObject(with: Data(axes.value.utf8)) as? [[String: Any]]
        {
            for entry in list {
                for (key, values) in entry {
                    keys.append(key)
                    alternatives[key] = (values as? [Any])?.map(text) ?? []
                }
            }
        } else {
            let all = Set(trials.flatMap { $0.settings.keys })
            keys = all.sorted().filter { key in Set(trials.map { $0.settings[key].map(text) ?? "" }).count > 1 }
        }
        // Settings given once (a fixed value passed as a flag) are not axes of the search.
        let varying = keys.filter { key in Set(trials.map { $0.settings[key].map(text) ?? "" }).count > 1 }
        if !varying.isEmpty { keys = varying }
        trials.sort { a, b in
            switch (a.validation, b.validation) {
            case let (x?, y?): return x != y ? x > y : a.run.id < b.run.id
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.run.id < b.run.id
            }
        }
        return SweepTrials(parent: parent, keys: keys, alternatives: alternatives, trials: trials)
    }

    /// A JSON `true`/`false` (JSONSerialization gives `Bool` on Linux, a boolean NSNumber on
    /// Darwin).
    public static func boolean(_ value: Any) -> Bool? {
        if type(of: value) == Bool.self { return value as? Bool }
        #if canImport(Darwin)
            if let n = value as? NSNumber, String(cString: n.objCType) == "c" { return n.boolValue }
        #endif
        return nil
    }

    /// A JSON number that is not a boolean.
    public static func number(_ value: Any) -> Double? {
        guard boolean(value) == nil else { return nil }
        if let d = value as? Double { return d }
        if let i = value as? Int { return Double(i) }
        return (value as? NSNumber)?.doubleValue
    }

    /// A setting value as text: `0.001`, `64,32`, `adam`, `true`.
    public static func text(_ value: Any) -> String {
        if let list = value as? [Any] { return list.map(text).joined(separator: ",") }
        if let flag = boolean(value) { return flag ? "true" : "false" }
        if let number = self.number(value) { return ParameterAxis.format(number) }
        return "\(value)"
    }

    /// The axis of setting `key`: numbers placed by value, anything else a category in the
    /// sweep's order.
    public func axis(_ key: String) -> ParameterAxis {
        let values: [ParameterAxis.Value?] = trials.map { trial in
            guard let value = trial.settings[key] else { return nil }
            if let number = Self.number(value) { return ParameterAxis.Value.number(number) }
            return ParameterAxis.Value.category(Self.text(value))
        }
        return ParameterAxis(label: key, values: values, categories: alternatives[key])
    }
}
