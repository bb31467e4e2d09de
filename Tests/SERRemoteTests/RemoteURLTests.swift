import Testing
@testable import SERRemote

@Suite struct RemoteURLTests {
    @Test func parsesAndStoresWithoutThePassword() throws {
        let url = try RemoteURL("postgres://alice:s3cret@db.lab:6543/ser_team?sslmode=require")
        #expect(url.user == "alice" && url.host == "db.lab" && url.port == 6543 && url.database == "ser_team")
        #expect(url.sslMode == .require)
        #expect(url.password == "s3cret")
        #expect(url.stored == "postgres://alice@db.lab:6543/ser_team?sslmode=require")
        #expect(!url.stored.contains("s3cret"))
        let plain = try RemoteURL("postgresql://bob@127.0.0.1/ser")
        #expect(plain.port == 5432 && plain.sslMode == .disable && plain.password == nil)
        #expect(plain.stored == "postgres://bob@127.0.0.1:5432/ser")
    }

    @Test(arguments: [
        ("mysql://a@h/db", "is not a postgres://"),
        ("postgres://h/db", "names no user"),
        ("postgres://a@h", "names no database"),
        ("postgres://a@h/", "names no database"),
        ("postgres://a@h/db?sslmode=sometimes", "sslmode sometimes is not one of"),
        ("postgres://a@h/db?timeout=3", "unknown parameter timeout"),
    ])
    func refusesBadURLsWithAReason(_ text: String, _ reason: String) {
        let error = #expect(throws: RemoteError.self) { try RemoteURL(text) }
        #expect(error?.code == .invalidURL && error?.reason.contains(reason) == true, "\(String(describing: error))")
    }

    @Test func errorsNeverShowAPassword() {
        #expect(RemoteURL.redacted("postgres://a:pw@h/") == "postgres://a:***@h/")
        #expect(throws: RemoteError.self) { try RemoteURL("postgres://a:topsecret@h/") }
        do {
            _ = try RemoteURL("postgres://a:topsecret@h/")
        } catch {
            #expect(!"\(error)".contains("topsecret"))
        }
    }

    @Test func pgpassMatchesLikeLibpq() throws {
        let url = try RemoteURL("postgres://alice@db.lab:5432/ser")
        let file = """
            # comment
            other:5432:ser:alice:wrong
            db.lab:5432:ser:bob:wrong
            db.lab:*:ser:alice:pa\\:ss\\\\word
            *:*:*:*:fallback
            """
        #expect(PGPass.password(in: file, for: url) == "pa:ss\\word")
        #expect(PGPass.password(in: "*:*:*:*:fallback", for: url) == "fallback")
        #expect(PGPass.password(in: "db.lab:5433:ser:alice:x", for: url) == nil)
    }
}
