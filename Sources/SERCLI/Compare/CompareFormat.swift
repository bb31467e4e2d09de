import SERCore
import SERReports
import SERWorkbench
import ArgumentParser

/// How `ser compare` prints: an aligned terminal table, or CSV / JSON / Markdown for scripts
/// and reports (column names are stable; see docs/COMPARE.md).
enum CompareFormat: String, CaseIterable, ExpressibleByArgument {
    case table, csv, json, markdown
}
