/// Text for a person — a finding's message, why a table was not read — that may cite lines of
/// the report ("第 12 行"). A line is kept as a number, 0-based and counted from the start of the
/// text the message was made from (a report checked as a part of a file), and written only at the
/// edge (`rendered(lineOffset:)`): a report that moves in its file keeps its messages, and moving
/// them to the file's lines is arithmetic (`movingLines(by:)`), not a rewrite of their text.
///
/// Made from a literal with `\(line:)` for a line: `"第 \(line: row.line) 行：…"`.
package struct Message: Hashable, Sendable {
  /// A piece of a message.
  package enum Segment: Hashable, Sendable {
    case text(String)
    /// A 0-based line, written as its 1-based number.
    case line(Int)
  }

  /// The pieces, no two texts in a row (so that equal messages have equal pieces).
  package private(set) var segments: [Segment]

  /// The message `text`, which cites no line.
  package init(_ text: String) {
    segments = text.isEmpty ? [] : [.text(text)]
  }

  /// True when the message has no text and cites no line.
  package var isEmpty: Bool { segments.isEmpty }

  /// The text a person reads: each line as its 1-based number in a text whose line 0 is line
  /// `lineOffset` (0-based) of the document.
  package func rendered(lineOffset: Int = 0) -> String {
    if case .text(let text)? = segments.first, segments.count == 1 { return text }
    var result = ""
    for segment in segments {
      switch segment {
      case .text(let text): result += text
      case .line(let line): result += String(line + lineOffset + 1)
      }
    }
    return result
  }

  /// The message with every line it cites `lines` lines further on.
  package func movingLines(by lines: Int) -> Message {
    guard lines != 0, segments.contains(where: { if case .line = $0 { true } else { false } }) else { return self }
    var moved = self
    moved.segments = segments.map { segment in
      if case .line(let line) = segment { .line(line + lines) } else { segment }
    }
    return moved
  }

  /// Appends `other`'s pieces.
  package mutating func append(_ other: Message) {
    for segment in other.segments { append(segment) }
  }

  /// Appends a piece, joining a text to the text before it.
  private mutating func append(_ segment: Segment) {
    if case .text(let text) = segment, case .text(let before)? = segments.last {
      segments[segments.count - 1] = .text(before + text)
    } else if segment != .text("") {
      segments.append(segment)
    }
  }

  /// `lhs` followed by `rhs`.
  package static func + (lhs: Message, rhs: Message) -> Message {
    var joined = lhs
    joined.append(rhs)
    return joined
  }
}

extension Message: ExpressibleByStringInterpolation {
  /// A literal's pieces: its text, interpolated values (as a `String` shows them), lines
  /// (`\(line:)`) and other messages.
  package struct StringInterpolation: StringInterpolationProtocol {
    fileprivate var message = Message("")

    package init(literalCapacity: Int, interpolationCount: Int) {}

    package mutating func appendLiteral(_ literal: String) { message.append(.text(literal)) }

    /// A text.
    package mutating func appendInterpolation(_ text: String) { message.append(.text(text)) }

    /// A value, written as string interpolation writes it: its description.
    package mutating func appendInterpolation(_ value: some CustomStringConvertible) {
      message.append(.text(value.description))
    }

    /// A value, written as string interpolation writes it.
    package mutating func appendInterpolation(_ value: some Any) {
      message.append(.text(String(describing: value)))
    }

    /// The 0-based line `line`, written as its 1-based number.
    package mutating func appendInterpolation(line: Int) { message.append(.line(line)) }

    /// Another message, its lines kept.
    package mutating func appendInterpolation(_ other: Message) { message.append(other) }
  }

  package init(stringLiteral value: String) { self.init(value) }

  package init(stringInterpolation: StringInterpolation) { self = stringInterpolation.message }
}

extension Sequence<Message> {
  /// The messages one after the other, `separator` between each two.
  package func joined(separator: String) -> Message {
    var result = Message("")
    for (index, message) in enumerated() {
      if index > 0 { result.append(Message(separator)) }
      result.append(message)
    }
    return result
  }
}
