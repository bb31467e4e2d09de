public import SERCore
/// One setting of a run, declared once: its key, type, help and rule. Decoding and encoding
/// of ``RunSettings`` (settings files, `runs.config`), command-line overrides, sweep axes,
/// `hyperparameters` rows and the command line's help all derive from ``RunSettings/all``.
public struct Setting: Sendable {
    /// Sections of the help text.
    public enum Group: String, Sendable, CaseIterable {
        case data, split, model, training, augmentation
    }

    /// The name in settings files, `runs.config` and `hyperparameters.name` (`maxFrames`).
    public let key: String
    public let group: Group
    /// What the value stands for, as the help shows it (`n`, `rate`, `sizes`).
    public let valueName: String
    /// One sentence, with the default.
    public let help: String
    /// `a whole number`, `one of adam, adamw, sgd`.
    public let typeDescription: String
    /// A value that is itself a comma-separated list: sweep alternatives are `:`-separated.
    public let isList: Bool
    /// Whether `ser sweep` may vary it (data selection and threads are fixed per sweep).
    public let sweepable: Bool
    /// Whether the value is a run's id: a front end may let the user name the run any way a
    /// run reference can (`bs6x5`, `last`, `@tag`) and pass its id.
    public let namesRun: Bool

    let read: @Sendable (RunSettings) -> JSONValue?
    let write: @Sendable (inout RunSettings, JSONValue) throws -> Void
    let parse: @Sendable (String) throws -> JSONValue
    let check: @Sendable (RunSettings) -> String?

    /// Declares a setting stored at `path`.
    ///
    /// - Parameter rule: the reason a value is refused, or `nil` when it is fine.
    static func make<V: SettingValue>(
        _ key: String, _ path: any WritableKeyPath<RunSettings, V> & Sendable, _ group: Group, _ valueName: String, _ help: String,
        sweepable: Bool = true, namesRun: Bool = false, rule: (@Sendable (V) -> String?)? = nil
    ) -> Setting {
        Setting(
            key: key, group: group, valueName: valueName, help: help, typeDescription: V.typeDescription, isList: V.isList,
            sweepable: sweepable, namesRun: namesRun,
            read: { $0[keyPath: path].json },
            write: { settings, json in settings[keyPath: path] = try V(json: json) },
            parse: { text in try V(text: text).json ?? .null },
            check: { settings in rule?(settings[keyPath: path]) })
    }

    /// The value in `settings`, as JSON (`nil` for an absent optional).
    public func value(in settings: RunSettings) -> JSONValue? { read(settings) }

    /// Reads command-line text as this setting's JSON value.
    ///
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming this key.
    public func parse(text: String, source: SettingSource = .caller) throws -> JSONValue {
        do {
            return try parse(text)
        } catch let error as SettingValueError {
            throw WorkbenchError.setting(key, error.reason, source: source)
        }
    }
}

extension Setting {
    /// A rule: the value lies in `range`.
    static func within<T: Comparable & Sendable>(_ range: ClosedRange<T>, _ reason: String) -> @Sendable (T) -> String? {
        { range.contains($0) ? nil : "\(reason) (got \($0))" }
    }
}
