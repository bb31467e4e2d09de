import GRDB
import SERCore

/// The named remotes of `ser remote` (table `remotes`).
extension Store {
    /// Adds a remote; the caller has removed any password from `url`.
    /// - Throws: `StoreError.alreadyExists` when the name is taken.
    public func addRemote(name: String, url: String) throws {
        try write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM remotes WHERE name = ?", arguments: [name]) == true {
                throw StoreError(.alreadyExists, path: self.path, "a remote named \(name) exists already")
            }
            try db.execute(
                sql: "INSERT INTO remotes (name, url, created_at) VALUES (?, ?, ?)", arguments: [name, url, Timestamp.now()])
        }
    }

    /// Every remote, by name.
    public func remotes() throws -> [RemoteRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, url, created_at FROM remotes ORDER BY name").map {
                RemoteRecord(name: $0["name"], url: $0["url"], createdAt: $0["created_at"])
            }
        }
    }

    /// Removes a remote by name.
    /// - Throws: `StoreError.notFound` when there is none of that name.
    public func removeRemote(name: String) throws {
        try write { db in
            try db.execute(sql: "DELETE FROM remotes WHERE name = ?", arguments: [name])
            if db.changesCount == 0 {
                throw StoreError(.notFound, path: self.path, "there is no remote named \(name)")
            }
        }
    }
}
