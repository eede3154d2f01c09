/// How long the server waits after an edit before it lints the document: the pause it leaves
/// so that a lint is not spent on text the next keystroke is about to replace.
///
/// A lint of one document cannot be stopped once it runs, and the lint of a newer text waits for
/// it (and reuses what it read), so a lint started too early costs at most its own duration. The
/// adaptive wait therefore starts the lint at once whenever the latest lint took less time than
/// the pause since the previous edit — a keystroke after a pause, or typing on a report that
/// lints faster than the keys come — and waits only while edits come faster than lints finish.
package enum Debounce: Sendable, Hashable {
  /// The same wait after every edit (tests; the in-process benchmark measures with `.fixed(.zero)`).
  case fixed(Duration)
  /// No wait while lints finish before the next edit is due; else a wait for a pause in the
  /// edits, twice the latest gap between two of them, at most `maximum`.
  case adaptive(maximum: Duration)

  /// The wait after an edit that came `gap` after the document's previous one (nil: the first
  /// since it was opened), when its latest lint took `lintDuration` (nil: none has finished).
  package func delay(sincePreviousEdit gap: Duration?, latestLint lintDuration: Duration?) -> Duration {
    switch self {
    case .fixed(let delay):
      return delay
    case .adaptive(let maximum):
      guard let gap, let lintDuration, gap < lintDuration else { return .zero }
      return min(maximum, gap * 2)
    }
  }
}
