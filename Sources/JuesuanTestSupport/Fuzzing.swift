import Foundation
import Testing

// What the test targets share: the seeded generator and time budget of the randomized harnesses
// (RobustnessTests, the JSON-RPC and server fuzzers, the text-sync property test) and the corpus.

/// SplitMix64: a small seeded generator, so a failing case replays from its seed.
package struct SeededGenerator: RandomNumberGenerator {
  package var state: UInt64

  package init(state: UInt64) { self.state = state }

  package mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Edits `bytes` once, at a random character boundary: inserts one of `insertions`, deletes up to
  /// `longestDeletion` bytes (whole characters), or deletes the whole line around that place.
  /// Insertions come `insertionShare` times as often as each of the other two.
  package mutating func edit(
    _ bytes: inout [UInt8], inserting insertions: [String], longestDeletion: Int, insertionShare: Int = 1
  ) {
    var position = Int.random(in: 0...bytes.count, using: &self)
    while position < bytes.count, bytes[position] & 0xC0 == 0x80 { position += 1 }
    let choice = Int.random(in: 0..<(insertionShare + 2), using: &self)
    if choice < insertionShare, let insertion = insertions.randomElement(using: &self) {
      bytes.insert(contentsOf: Array(insertion.utf8), at: position)
    } else if choice == insertionShare {
      var end = min(bytes.count, position + Int.random(in: 1...max(1, longestDeletion), using: &self))
      while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
      bytes.removeSubrange(position..<end)
    } else {
      let start = bytes[..<position].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
      let end = bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
      bytes.removeSubrange(start..<end)
    }
  }

  /// True with probability `numerator`/`denominator`.
  package mutating func chance(_ numerator: Int, in denominator: Int) -> Bool {
    Int.random(in: 0..<denominator, using: &self) < numerator
  }

  /// A random element of a non-empty array.
  package mutating func pick<Element>(_ elements: [Element]) -> Element {
    elements[Int.random(in: 0..<elements.count, using: &self)]
  }
}

/// How long a randomized harness runs, read from the environment so that `scripts/fuzz.sh` can run
/// the same tests for minutes that the normal suite runs for a moment:
///
/// - `JUESUAN_FUZZ_SEED`: the base seed (default 0); iteration `i` of lane `l` of `n` uses seed
///   `base + l + i × n`, so a run replays exactly from its base seed.
/// - `JUESUAN_FUZZ_ITERATIONS`: iterations per lane (default: the harness's own, small).
/// - `JUESUAN_FUZZ_SECONDS`: when set, run until this many seconds after the first harness started
///   instead: every harness of the test process stops at the same moment.
/// - `JUESUAN_FUZZ_TRACE`: a folder; each lane keeps the seed it is running in a file there, so the
///   seed of a crash or a hang can be read after the process died.
///
/// An iteration that takes longer than `slowIteration` is recorded as an issue, with its seed.
/// Harnesses yield every 50 ms, so that all of them share the few threads of the test pool evenly.
package struct FuzzBudget {
  package var baseSeed: UInt64
  package var iterations: Int
  package var seconds: Double?
  package var traceFolder: String?
  /// An iteration slower than this is a failure: it would be a hang on a larger input. Only on a
  /// time budget (`scripts/fuzz.sh`, release build): the regular suite runs in debug, in
  /// parallel with everything else, where wall time says nothing.
  package var slowIteration: Duration?

  package init(defaultIterations: Int, environment: [String: String] = ProcessInfo.processInfo.environment) {
    baseSeed = environment["JUESUAN_FUZZ_SEED"].flatMap(UInt64.init) ?? 0
    iterations = environment["JUESUAN_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
    seconds = environment["JUESUAN_FUZZ_SECONDS"].flatMap(Double.init)
    slowIteration = seconds == nil ? nil : .seconds(10)
    traceFolder = environment["JUESUAN_FUZZ_TRACE"]
  }

  /// When the first harness of this process started.
  private static let start = ContinuousClock.now

  /// Runs `body` with each seed of lane `lane` of `lanes` until the budget is spent; returns the
  /// number of iterations run. Prints one summary line when running on a time budget.
  @discardableResult
  package func run(_ harness: String, lane: Int = 0, of lanes: Int = 1, _ body: (UInt64) async -> Void) async -> Int {
    let clock = ContinuousClock()
    let deadline = seconds.map { Self.start + .milliseconds(Int($0 * 1000)) }
    let trace = traceFolder.flatMap { folder -> FileHandle? in
      let path = "\(folder)/\(harness)-\(lane)"
      _ = FileManager.default.createFile(atPath: path, contents: nil)
      return FileHandle(forWritingAtPath: path)
    }
    defer { try? trace?.close() }
    var count = 0
    var lastYield = clock.now
    while deadline.map({ clock.now < $0 }) ?? (count < iterations) {
      let seed = baseSeed &+ UInt64(lane) &+ UInt64(count) &* UInt64(lanes)
      if let trace {
        try? trace.truncate(atOffset: 0)
        trace.write(Data("seed \(seed) (iteration \(count))\n".utf8))
      }
      let started = clock.now
      await body(seed)
      let duration = clock.now - started
      if let slowIteration, duration > slowIteration { Issue.record("\(harness): seed \(seed) took \(duration)") }
      count += 1
      if clock.now - lastYield > .milliseconds(50) {
        await Task.yield()
        lastYield = clock.now
      }
    }
    if seconds != nil {
      print("fuzz \(harness) lane \(lane): \(count) iterations from base seed \(baseSeed)")
    }
    return count
  }
}
