public import SERCore

/// Why a service could not do its job: a code a caller can switch on, the *setting key* at
/// fault where one is (`layers`, `testSpeakers`; a front end turns it into its own name, such
/// as the flag `--layers`), and the reason in words.
public struct WorkbenchError: LocatedError, Equatable {
    /// The kind of failure.
    public enum Code: String, Sendable {
        /// A setting's value is unusable (``key`` names it).
        case invalidSetting
        /// A run, dataset or model that does not exist.
        case notFound
        /// The run is in a state the operation does not apply to (running, finished, a parent).
        case wrongState
        /// The data cannot be used (no clips, one label, moved sources, failed features).
        case unusableData
        /// Cancelled through the ``CancellationToken``.
        case cancelled
        /// Training could not go on (e.g. the loss stopped being finite).
        case trainingFailed
        /// A trained model cannot be used this way (ensemble export, speaker normalisation).
        case modelUse
        /// The request cannot be carried out as asked (runs that cannot be combined, a bad grid).
        case invalidRequest
    }

    public let code: Code
    /// The setting key at fault, as in `runs.config` and `hyperparameters.name`.
    public let key: String?
    /// Where the bad value came from, when it was a setting.
    public let source: SettingSource?
    public let reason: String

    public init(_ code: Code, key: String? = nil, source: SettingSource? = nil, _ reason: String) {
        self.code = code
        self.key = key
        self.source = source
        self.reason = reason
    }

    /// A bad setting.
    public static func setting(_ key: String, _ reason: String, source: SettingSource = .caller) -> WorkbenchError {
        WorkbenchError(.invalidSetting, key: key, source: source, reason)
    }

    /// `--layers`-free wording for any front end: `path: setting 'epochs' must be …` for a
    /// settings file, `layers: needs at least one …` for a key, else `location: reason`.
    public var description: String {
        switch (key, source) {
        case (let key?, .configFile(let path)?): "\(path): setting '\(key)' \(reason)"
        case (let key?, .recipe(let name)?): "recipe \(name): setting '\(key)' \(reason)"
        default: location.map { "\($0): \(reason)" } ?? reason
        }
    }

    public var location: String? {
        guard let key else {
            if case .configFile(let path) = source { return path }
            return nil
        }
        switch source {
        case .configFile(let path): return "\(path): setting '\(key)'"
        case .recipe(let name): return "recipe \(name): setting '\(key)'"
        case .caller, .none: return key
        }
    }
}

/// Where a setting's value came from.
public enum SettingSource: Sendable, Equatable {
    /// Given directly by the caller (flags, an API argument).
    case caller
    /// A settings file.
    case configFile(String)
    /// A named preset.
    case recipe(String)
}
