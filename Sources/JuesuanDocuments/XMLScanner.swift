/// One event of `XMLScanner`.
package enum XMLEvent: Equatable, Sendable {
  /// An element opens; a self-closing element is followed at once by its `end`.
  case start(name: String, attributes: [String: String])
  /// An element closes.
  case end(name: String)
  /// Character data between tags (entities and CDATA resolved), never empty.
  case text(String)
}

/// A pull scanner over XML bytes: as much of XML 1.0 as WordprocessingML and poppler's XHTML
/// use — elements, attributes, character data, the five named entities and numeric references,
/// CDATA — with comments, processing instructions and the DOCTYPE skipped. It does not validate
/// and never traps: a malformed tag ends the scan, an unknown entity stays as written. Names keep
/// their prefixes ("w:p"); `XMLNamespaces` resolves them where a reader needs to.
///
/// Our own rather than Foundation's `XMLParser`, which on Linux lives in FoundationXML and needs
/// libxml2 at run time: the two formats we read are simple enough to need no more than this.
package struct XMLScanner: IteratorProtocol {
  private let bytes: [UInt8]
  private var index = 0
  private var pendingEnd: String?

  /// A scanner at the start of `bytes`.
  package init(_ bytes: [UInt8]) {
    self.bytes = bytes
  }

  /// The next event, or nil at the end of the input (or at a tag that does not close).
  /// - Complexity: O(length of the event's bytes).
  package mutating func next() -> XMLEvent? {
    if let name = pendingEnd {
      pendingEnd = nil
      return .end(name: name)
    }
    while index < bytes.count {
      if bytes[index] != UInt8(ascii: "<") {
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "<") { index += 1 }
        let text = Self.decodeEntities(bytes[start..<index])
        if !text.isEmpty { return .text(text) }
        continue
      }
      if hasPrefix("<!--") {
        guard skip(past: Array("-->".utf8)) else { return nil }
        continue
      }
      if hasPrefix("<![CDATA[") {
        let start = index + 9
        guard skip(past: Array("]]>".utf8)) else { return nil }
        let text = String(decoding: bytes[start..<(index - 3)], as: UTF8.self)
        if !text.isEmpty { return .text(text) }
        continue
      }
      if hasPrefix("<?") {
        guard skip(past: Array("?>".utf8)) else { return nil }
        continue
      }
      if hasPrefix("<!") {
        guard skipDeclaration() else { return nil }
        continue
      }
      return tag()
    }
    return nil
  }

  private func hasPrefix(_ prefix: String) -> Bool {
    var position = index
    for byte in prefix.utf8 {
      guard position < bytes.count, bytes[position] == byte else { return false }
      position += 1
    }
    return true
  }

  /// Moves past the next occurrence of `terminator`; false when there is none.
  private mutating func skip(past terminator: [UInt8]) -> Bool {
    guard let first = terminator.first else { return true }
    var position = index
    while position + terminator.count <= bytes.count {
      if bytes[position] == first, bytes[position..<(position + terminator.count)].elementsEqual(terminator) {
        index = position + terminator.count
        return true
      }
      position += 1
    }
    index = bytes.count
    return false
  }

  /// A `<!DOCTYPE …>` with its internal subset in brackets, if any.
  private mutating func skipDeclaration() -> Bool {
    var depth = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "]"): depth -= 1
      case UInt8(ascii: ">") where depth <= 0:
        index += 1
        return true
      default: break
      }
      index += 1
    }
    return false
  }

  private static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
  }

  private static func isNameByte(_ byte: UInt8) -> Bool {
    !isSpace(byte) && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "/") && byte != UInt8(ascii: "=")
  }

  /// A start or end tag at `index` (which holds "<").
  private mutating func tag() -> XMLEvent? {
    index += 1
    let closing = index < bytes.count && bytes[index] == UInt8(ascii: "/")
    if closing { index += 1 }
    let nameStart = index
    while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
    let name = String(decoding: bytes[nameStart..<index], as: UTF8.self)
    var attributes: [String: String] = [:]
    while index < bytes.count {
      let byte = bytes[index]
      if Self.isSpace(byte) {
        index += 1
      } else if byte == UInt8(ascii: ">") {
        index += 1
        return closing ? .end(name: name) : .start(name: name, attributes: attributes)
      } else if byte == UInt8(ascii: "/") {
        index += 1
        if index < bytes.count, bytes[index] == UInt8(ascii: ">") {
          index += 1
          pendingEnd = name
          return .start(name: name, attributes: attributes)
        }
      } else {
        let keyStart = index
        while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
        let key = String(decoding: bytes[keyStart..<index], as: UTF8.self)
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "=") else {
          // An attribute without a value (HTML style), or a stray byte: step over it.
          if index == keyStart { index += 1 }
          continue
        }
        index += 1
        while index < bytes.count, Self.isSpace(bytes[index]) { index += 1 }
        guard index < bytes.count else { return nil }
        let quote = bytes[index]
        guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { continue }
        index += 1
        let valueStart = index
        while index < bytes.count, bytes[index] != quote { index += 1 }
        guard index < bytes.count else { return nil }
        attributes[key] = Self.decodeEntities(bytes[valueStart..<index])
        index += 1
      }
    }
    return nil
  }

  /// `bytes` as text with `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and `&#…;` resolved.
  /// - Complexity: O(bytes).
  package static func decodeEntities(_ bytes: ArraySlice<UInt8>) -> String {
    guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var position = bytes.startIndex
    while position < bytes.endIndex {
      let byte = bytes[position]
      guard byte == UInt8(ascii: "&"),
        let semicolon = bytes[position..<min(bytes.endIndex, position + 12)].firstIndex(of: UInt8(ascii: ";"))
      else {
        out.append(byte)
        position += 1
        continue
      }
      let name = String(decoding: bytes[(position + 1)..<semicolon], as: UTF8.self)
      if let replacement = entity(name) {
        out += replacement.utf8
        position = semicolon + 1
      } else {
        out.append(byte)
        position += 1
      }
    }
    return String(decoding: out, as: UTF8.self)
  }

  private static func entity(_ name: String) -> String? {
    switch name {
    case "lt": return "<"
    case "gt": return ">"
    case "amp": return "&"
    case "quot": return "\""
    case "apos": return "'"
    default:
      guard name.hasPrefix("#") else { return nil }
      let digits = name.dropFirst()
      let value =
        digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      guard let value, let scalar = Unicode.Scalar(value) else { return nil }
      return String(Character(scalar))
    }
  }
}
