import Foundation
import SERRemote

/// Where the CLI finds a remote's password, as libpq does: `PGPASSWORD`, else the file
/// `PGPASSFILE` names, else `~/.pgpass`. Never from `ser.db`.
enum RemotePassword {
    static func lookup(for url: RemoteURL) -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
        let file = environment["PGPASSFILE"] ?? (NSHomeDirectory() as NSString).appendingPathComponent(".pgpass")
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        return PGPass.password(in: text, for: url)
    }
}
