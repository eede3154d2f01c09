import JuesuanModel

/// The terms of a sum as a message shows them: "10.00 + 15.00".
enum Terms {
  /// `amounts` joined by " + ", at most `limit` of them and then "+ …（共 n 项）"; each with two
  /// decimals, or `asWritten` with its own.
  static func joined(_ amounts: [Amount], limit: Int, asWritten: Bool = false) -> String {
    joined(amounts, limit: limit) { $0.formatted(decimals: asWritten ? $0.decimals : 2) }
  }

  /// `amounts` joined the same way, each written by `show`.
  static func joined(_ amounts: [Amount], limit: Int, shownAs show: (Amount) -> String) -> String {
    let shown = amounts.prefix(limit).map(show).joined(separator: " + ")
    return amounts.count > limit ? shown + " + …（共 \(amounts.count) 项）" : shown
  }
}
