public import SERCore

extension RunSettings {
    /// The settings of a run or a sweep's base, in the one order every front end uses:
    /// defaults ← the recipe's overrides ← the settings file ← `given` (the caller's values,
    /// by setting key). The recipe is `given`'s, else the file's, else `seed`; it trains a
    /// distilled student when a `teacher` is given or in the file (``Recipe/overrides(distilling:)``).
    ///
    /// - Parameters:
    ///   - file: a settings file's values (``ConfigFile/load(path:)``) and its path.
    ///   - given: values from the command line (or another front end), by setting key.
    /// - Throws: ``WorkbenchError`` `.invalidSetting` naming the key, the value's reason and
    ///   where it came from (the recipe, the file, the caller).
    public static func resolved(file: (values: [String: Any], path: String)? = nil, given: [String: JSONValue]) throws -> RunSettings {
        let recipe: Recipe
        if let value = given["recipe"] ?? file?.values["recipe"].flatMap(JSONValue.init(any:)) {
            do {
                recipe = try Recipe(json: value)
            } catch let error as SettingValueError {
                let source: SettingSource = given["recipe"] == nil ? file.map { .configFile($0.path) } ?? .caller : .caller
                throw WorkbenchError.setting("recipe", error.reason, source: source)
            }
        } else {
            recipe = .seed
        }
        let teacher = given["teacher"] ?? file?.values["teacher"].flatMap(JSONValue.init(any:))
        let distilling = teacher != nil && teacher != .null
        var settings = try RunSettings().merging(recipe.overrides(distilling: distilling), source: .recipe(recipe.rawValue))
        if let file { settings = try settings.merging(file: file.values, path: file.path) }
        return try settings.merging(given, source: .caller)
    }
}
