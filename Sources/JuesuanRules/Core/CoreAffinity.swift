import Foundation
import Synchronization

#if os(Linux)
  import Glibc
#endif

/// Keeps threads on chosen cores of those the process may use, for the two rule threads of a
/// report the language server lints after an edit.
///
/// Measured over stdio on two cores (`perf` scheduler events): when a lint wakes its second rule
/// thread, Linux often places it on the waking thread's core, though the other core is idle, and
/// leaves it waiting there for the waker's time slice (up to a 4 ms tick). One edit in fifteen to
/// twenty paid 1–4 ms so, which made the tail of edit latency. A thread that may run on one
/// core only is woken there.
///
/// Elsewhere than Linux, with one core allowed, or if the calls are missing, nothing is pinned.
package enum CoreAffinity {
  /// The cores the process may use (the calling thread's affinity when first asked), in order;
  /// empty when unknown.
  package static let cores = allowedCores()

  /// The cores the calling thread may run on now, in order; empty when unknown.
  package static func allowedCores() -> [Int] {
    #if os(Linux)
      guard let get = Calls.get else { return [] }
      var allowed = cpu_set_t()
      guard get(0, MemoryLayout<cpu_set_t>.size, &allowed) == 0 else { return [] }
      return withUnsafeBytes(of: allowed) { bytes in
        bytes.indices.flatMap { byte in (0..<8).filter { bytes[byte] & (1 << $0) != 0 }.map { byte * 8 + $0 } }
      }
    #else
      return []
    #endif
  }

  /// Runs `body` on the `index`-th core of `cores` (modulo their count), then restores the calling
  /// thread's affinity.
  package static func run<T>(onCore index: Int, _ body: () -> T) -> T {
    #if os(Linux)
      guard let get = Calls.get, let set = Calls.set, !cores.isEmpty else { return body() }
      var previous = cpu_set_t()
      guard get(0, MemoryLayout<cpu_set_t>.size, &previous) == 0, pin(toCore: index) else { return body() }
      defer { _ = set(0, MemoryLayout<cpu_set_t>.size, &previous) }
    #endif
    return body()
  }

  /// Keeps the calling thread on the `index`-th core of `cores` (modulo their count) from now on;
  /// false when it could not.
  @discardableResult
  package static func pin(toCore index: Int) -> Bool {
    #if os(Linux)
      guard let set = Calls.set, !cores.isEmpty else { return false }
      let core = cores[index % cores.count]
      var chosen = cpu_set_t()
      withUnsafeMutableBytes(of: &chosen) { $0[core / 8] = UInt8(1 << (core % 8)) }
      return set(0, MemoryLayout<cpu_set_t>.size, &chosen) == 0
    #else
      return false
    #endif
  }

  #if os(Linux)
    /// `sched_getaffinity` and `sched_setaffinity` (thread 0: the caller), which Swift's Glibc
    /// module does not declare (they are GNU extensions), looked up once.
    private enum Calls {
      typealias Affinity = @convention(c) (pid_t, Int, UnsafeMutableRawPointer) -> Int32
      static let set = look("sched_setaffinity")
      static let get = look("sched_getaffinity")

      private static func look(_ name: String) -> Affinity? {
        dlsym(nil, name).map { unsafeBitCast($0, to: Affinity.self) }
      }
    }
  #endif
}

/// A thread kept on the second core (`CoreAffinity`) that runs one job at a time beside a caller
/// kept on the first: the two rule threads of a report the language server lints after an edit.
/// Handed over under an `NSCondition` (a pthread mutex and condition, which ThreadSanitizer
/// understands).
package final class CoreLane: Sendable {
  private struct Slot {
    var job: (@Sendable () -> Void)?
    /// True from a caller's handing over until it has seen its job finish.
    var taken = false
    var finished = false
  }

  private let condition = NSCondition()
  private let slot = Mutex(Slot())

  /// The lane, when the process may use two cores or more (on Linux); started when first used.
  package static let shared: CoreLane? = CoreAffinity.cores.count > 1 ? CoreLane() : nil

  private init() {
    let thread = Thread { [self] in
      CoreAffinity.pin(toCore: 1)
      while true {
        condition.lock()
        var job = slot.withLock { $0.job }
        while job == nil {
          condition.wait()
          job = slot.withLock { $0.job }
        }
        condition.unlock()
        job?()
        condition.lock()
        slot.withLock { slot in
          slot.job = nil
          slot.finished = true
        }
        condition.broadcast()
        condition.unlock()
      }
    }
    thread.name = "juesuan-rule-lane"
    thread.start()
  }

  /// Runs `there` on the lane while `here` runs on the calling thread, kept meanwhile on the first
  /// core, and returns once both are done; false, having run neither, when the lane is busy with
  /// another caller's job.
  package func run(_ here: () -> Void, alongside there: @escaping @Sendable () -> Void) -> Bool {
    condition.lock()
    let free = slot.withLock { slot in
      guard !slot.taken else { return false }
      slot = Slot(job: there, taken: true, finished: false)
      return true
    }
    if free { condition.broadcast() }
    condition.unlock()
    guard free else { return false }
    CoreAffinity.run(onCore: 0, here)
    condition.lock()
    while !slot.withLock(\.finished) { condition.wait() }
    slot.withLock { $0 = Slot() }
    condition.unlock()
    return true
  }
}
