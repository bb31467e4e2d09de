import Foundation

/// The threads the dashboard's tasks run on, instead of Swift's shared concurrency pool.
///
/// That pool has one thread per core (two here) and is shared with everything else in the
/// process; a caller (a test suite, an app embedding the server) that keeps those threads busy
/// with synchronous work would stall the server: event streams would miss their second, and
/// shutdown would wait. Here the server's tasks, and the child tasks Hummingbird makes per
/// connection, prefer these ``threadCount`` threads (SE-0417 task executor preference), so
/// SQLite and cairo work blocks neither NIO's event loops nor the shared pool, and a few
/// renders can wait on SQLite while kept replies are still sent.
final class ServerExecutor: TaskExecutor, @unchecked Sendable {
    /// Threads started.
    static let threadCount = 4

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []
    private var stopped = false

    init() {
        for i in 0..<Self.threadCount {
            let thread = Thread { [self] in work() }
            thread.name = "ser-ui-\(i)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    /// Lets the threads finish the jobs queued and end.
    func shutdown() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty && !stopped { condition.wait() }
            if jobs.isEmpty {
                condition.unlock()
                return
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}
