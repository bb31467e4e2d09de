import Testing
@testable import SERCLI
@testable import SERWorkbench
@testable import SERReports

/// The time-left estimate of `ser run`/`ser sweep` (#18).
@Suite struct TrainingClockTests {
    @Test func timeLeftIsThePaceTimesTheEpochsStillPlanned() {
        let clock = TrainingClock()
        clock.expect(epochs: 6)
        clock.expect(epochs: 4)  // a second fold or seed
        let first = clock.tick(seconds: 2)
        // One epoch took (at least) 2 s of wall-clock time; 9 remain.
        #expect((first.remaining ?? 0) >= 18 && (first.remaining ?? 0) < 19)
        for _ in 0..<8 { _ = clock.tick(seconds: 0) }
        #expect(clock.tick(seconds: 0).remaining == nil)  // all 10 done
    }

    @Test func aFixedPlanIgnoresLaterExpectations() {
        let clock = TrainingClock()
        clock.plan(epochs: 2)
        clock.expect(epochs: 100)  // a seed's run adding its own epochs: already counted
        _ = clock.tick(seconds: 1)
        #expect(clock.tick(seconds: 1).remaining == nil)
    }
}
