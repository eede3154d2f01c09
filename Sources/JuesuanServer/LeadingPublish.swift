internal import Synchronization

/// Lets a lint's own thread publish the diagnostics of a file's first report while the server
/// waits for the whole lint (`Server.leadingPublisher(of:)`), until the server closes it: once
/// the document is closed or ignored, or its whole lint is in. A publish under way when the
/// server closes it finishes first, so that nothing it sends can follow what the server sends
/// next for the document (an empty list on close, or the whole lint's diagnostics).
final class LeadingPublish: Sendable {
  private let open = Mutex(true)

  /// Runs `publish` unless closed, holding off `close()` until it returns.
  func run(_ publish: () -> Void) {
    open.withLock { open in if open { publish() } }
  }

  /// Keeps every later `run` from publishing; waits for one under way.
  func close() {
    open.withLock { $0 = false }
  }
}
