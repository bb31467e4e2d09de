import Foundation
import Testing

@testable import SERDashboard

/// What the reply cache keeps and for how long.
@Suite struct ReplyCacheTests {
    static func reply(_ text: String, _ freshness: DashboardReply.Freshness?, status: Int = 200) -> DashboardReply {
        DashboardReply(status: status, contentType: "text/plain", body: Data(text.utf8), freshness: freshness)
    }

    @Test func aReplyIsServedAgainOnlyAtTheVersionItWasRenderedAt() {
        let cache = ReplyCache()
        cache.keep(Self.reply("a", .untilChange), "k", version: 3)
        #expect(cache.reply("k", version: 3)?.body == Data("a".utf8))
        #expect(cache.reply("other", version: 3) == nil)
        // Another version: a miss, and the stale entry is gone for good.
        #expect(cache.reply("k", version: 4) == nil)
        #expect(cache.reply("k", version: 3) == nil)
    }

    @Test func onlySuccessfulRepliesThatAskForItAreKept() {
        let cache = ReplyCache()
        cache.keep(Self.reply("never", nil), "a", version: 1)
        cache.keep(Self.reply("missing", .untilChange, status: 404), "b", version: 1)
        #expect(cache.reply("a", version: 1) == nil && cache.reply("b", version: 1) == nil)
    }

    @Test func aLiveReplyExpires() async throws {
        let cache = ReplyCache()
        cache.keep(Self.reply("running", .live), "k", version: 1)
        #expect(cache.reply("k", version: 1) != nil)
        try await Task.sleep(for: .milliseconds(Int(ReplyCache.liveSeconds * 1000) + 100))
        #expect(cache.reply("k", version: 1) == nil)
    }

    @Test func theLeastRecentlyUsedGoFirstBeyondTheCapacity() {
        let cache = ReplyCache()
        let big = String(repeating: "x", count: ReplyCache.capacity / 8)
        for i in 0..<8 { cache.keep(Self.reply(big, .untilChange), "k\(i)", version: 1) }
        #expect(cache.reply("k0", version: 1) != nil)  // k0 is now the most recently used
        cache.keep(Self.reply(big, .untilChange), "k8", version: 1)
        #expect(cache.reply("k1", version: 1) == nil, "the least recently used was evicted")
        #expect(cache.reply("k0", version: 1) != nil && cache.reply("k8", version: 1) != nil)
    }

    @Test func freshnessFollowsTheStatusesShown() {
        #expect(DashboardReply.Freshness.showing(["finished", "dead", "failed"]) == .untilChange)
        #expect(DashboardReply.Freshness.showing(["finished", "running"]) == .live)
        #expect(DashboardReply.Freshness.showing([String]()) == .untilChange)
    }
}
