import JuesuanModel

/// The terms of a sum as a message shows them: "10.00 + 15.00".
enum Terms {
  /// `amounts` joined by " + ", at most `limit` of them and then "+ …（共 n 项）"; each with
  /// `decimals` places (two unless told), or `asWritten` with its own.
  static func joined(_ amounts: [Amount], limit: Int, asWritten: Bool = false, decimals: Int = 2) -> String {
    let shown = amounts.prefix(limit).map { $0.formatted(decimals: asWritten ? $0.decimals : decimals) }
      .joined(separator: " + ")
    return amounts.count > limit ? shown + " + …（共 \(amounts.count) 项）" : shown
  }
}
