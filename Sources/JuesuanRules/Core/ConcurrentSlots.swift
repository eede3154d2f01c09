import Foundation

/// Results written by index from the threads of `DispatchQueue.concurrentPerform` and read once
/// they have all returned. Guarded by an `NSLock` (a pthread mutex, which ThreadSanitizer
/// understands; it cannot see the futex inside `Synchronization.Mutex` and reports a race).
package final class ConcurrentSlots<Value: Sendable>: @unchecked Sendable {
  private var values: [Value?]
  private let lock = NSLock()

  package init(count: Int) {
    values = Array(repeating: nil, count: count)
  }

  /// Stores the value of slot `index`.
  package func set(_ index: Int, _ value: Value) {
    lock.lock()
    defer { lock.unlock() }
    values[index] = value
  }

  /// The value of slot `index`, nil while unset.
  package subscript(index: Int) -> Value? {
    lock.lock()
    defer { lock.unlock() }
    return values[index]
  }

  /// Every slot, in index order, nil where unset.
  package var all: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }

  /// Every slot that was set, in index order.
  package var filled: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return values.compactMap { $0 }
  }
}
