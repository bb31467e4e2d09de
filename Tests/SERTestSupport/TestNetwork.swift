import Foundation

/// Private network namespaces for tests that run processes as separate hosts: one server host
/// and `clients` client hosts, each client joined to the server by its own veth pair on its
/// own subnet (client i: `10.251.<i+1>.2`, the server `10.251.<i+1>.1`). Nothing is attached
/// to the machine's own network, and ``remove()`` deletes the namespaces with their links.
///
/// Needs root and iproute2; ``isAvailable`` probes once whether namespaces can be made here.
public final class TestNetwork: @unchecked Sendable {
    /// The server host's namespace.
    public let server: String
    /// The client hosts' namespaces.
    public let clients: [String]
    private var removed = false

    /// The `ip` program, or nil.
    static let ip: String? = ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Whether this process may create network namespaces (root, iproute2, a kernel that
    /// allows it): one is made and deleted to find out.
    public static let isAvailable: Bool = {
        guard geteuid() == 0, let ip else { return false }
        let probe = "ser-probe-\(UUID().uuidString.prefix(6))"
        guard (try? TestPostgres.run([ip, "netns", "add", probe])) != nil else { return false }
        _ = try? TestPostgres.run([ip, "netns", "del", probe])
        return true
    }()

    /// Why tests that need namespaces skip.
    public static let skipReason = "network namespaces need root and iproute2 (ip netns add) and a kernel that allows them"

    /// Creates the server namespace and `clients` client namespaces, each with loopback up.
    /// - Throws: ``TestPostgresError`` with the failing `ip` command's output (what was made
    ///   is removed).
    public init(clients count: Int) throws {
        guard let ip = Self.ip else { throw TestPostgresError(reason: Self.skipReason) }
        let tag = UUID().uuidString.prefix(6).lowercased()
        server = "ser-\(tag)-db"
        clients = (0..<count).map { "ser-\(tag)-h\($0 + 1)" }
        do {
            for namespace in [server] + clients {
                try TestPostgres.run([ip, "netns", "add", namespace])
                try TestPostgres.run([ip, "-n", namespace, "link", "set", "lo", "up"])
            }
            for (i, client) in clients.enumerated() {
                let subnet = "10.251.\(i + 1)"
                try TestPostgres.run([ip, "-n", server, "link", "add", "v\(i)", "type", "veth", "peer", "name", "v0", "netns", client])
                try TestPostgres.run([ip, "-n", server, "addr", "add", "\(subnet).1/24", "dev", "v\(i)"])
                try TestPostgres.run([ip, "-n", server, "link", "set", "v\(i)", "up"])
                try TestPostgres.run([ip, "-n", client, "addr", "add", "\(subnet).2/24", "dev", "v0"])
                try TestPostgres.run([ip, "-n", client, "link", "set", "v0", "up"])
            }
        } catch {
            remove()
            throw error
        }
    }

    deinit { remove() }

    /// Every address the links use, as a CIDR block.
    public static let addresses = "10.251.0.0/16"

    /// The server's address on client `index`'s link.
    public func serverAddress(for index: Int) -> String { "10.251.\(index + 1).1" }

    /// The command prefix that runs a program inside `namespace`.
    public func inside(_ namespace: String) -> [String] { [Self.ip ?? "ip", "netns", "exec", namespace] }

    /// Deletes the namespaces (their links go with them).
    public func remove() {
        guard !removed, let ip = Self.ip else { return }
        removed = true
        for namespace in [server] + clients { _ = try? TestPostgres.run([ip, "netns", "del", namespace]) }
    }
}
