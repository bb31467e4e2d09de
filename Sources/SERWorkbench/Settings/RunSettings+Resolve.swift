public import SERCore

extension RunSettings {
    /// The settings of a run or a sweep's base, in the one order every front end uses:
    /// defaults ← the recipe's overrides ← the settings file ← `given` (the caller's values,
    /// by setting key). The recipe is `given`'s, else the file's, else `seed`; it trains a
    /// distilled student when a `teacher` is given or in the file (``Recipe/overrides(distilling:)``).
    ///
    /// - Parameters:
    ///   - config: the path of a settings file (``ConfigFile/load(path:)``), if any.
    ///   - given: values from the command line (or another front end), by setting key.
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key, the value's reason and
    ///   where it came from (the recipe, the file, the caller).
    public static func resolved(config: String? = nil, given: [String: JSONValue]) throws -> RunSettings {
        let file = try config.map { (values: try ConfigFile.load(path: $0), path: $0) }
        /// The value of `key` given, else the file's.
        func value(_ key: String) -> JSONValue? { given[key] ?? file?.values[key].flatMap(JSONValue.init(any:)) }
        let recipe: Recipe
        if let value = value("recipe") {
            do {
                recipe = try Recipe(json: value)
            } catch let error as SettingValueError {
                let source: SettingSource = given["recipe"] == nil ? file.map { .configFile($0.path) } ?? .caller : .caller
                throw WorkbenchError.setting("recipe", error.reason, source: source)
            }
        } else {
            recipe = .seed
        }
        let distilling = value("teacher").map { $0 != .null } ?? false
        var settings = try RunSettings().merging(recipe.overrides(distilling: distilling), source: .recipe(recipe.rawValue))
        if let file { settings = try settings.merging(file: file.values, path: file.path) }
        return try settings.merging(given, source: .caller)
    }
}
