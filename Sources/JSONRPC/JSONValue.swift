/// A JSON value (RFC 8259) as a message's decoder reads it: numbers keep their text, so that each
/// is converted to the type a field asks for, and objects keep their members in order.
package indirect enum JSONValue: Sendable, Equatable {
  case null
  case bool(Bool)
  /// The number as written ("-1.5e3"), grammar-checked.
  case number(String)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The value of `text`, or nil when it is not JSON.
  /// - Complexity: O(n).
  package init?(parsing text: String) {
    var text = text
    guard let value = text.withUTF8({ try? JSONReader.value(of: $0) }) else { return nil }
    self = value
  }
}

/// A JSON object's members in order. A key written twice means its first value.
package struct JSONObject: Sendable, Equatable {
  package private(set) var members: [(key: String, value: JSONValue)] = []
  /// The first member of each key, by key; kept only for objects too large to search.
  private var index: [String: Int] = [:]
  private static let indexedCount = 12

  package init(_ members: [(key: String, value: JSONValue)] = []) {
    for member in members { append(member.key, member.value) }
  }

  mutating func append(_ key: String, _ value: JSONValue) {
    members.append((key, value))
    if members.count == Self.indexedCount {
      for (position, member) in members.enumerated() where index[member.key] == nil { index[member.key] = position }
    } else if members.count > Self.indexedCount, index[key] == nil {
      index[key] = members.count - 1
    }
  }

  /// The first value of `key`.
  package subscript(key: String) -> JSONValue? {
    if members.count >= Self.indexedCount { return index[key].map { members[$0].value } }
    return members.first { $0.key == key }?.value
  }

  /// The keys, each once, in the order they first appear.
  package var keys: [String] {
    var seen = Set<String>()
    return members.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
  }

  package static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    lhs.members.count == rhs.members.count
      && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
  }
}

/// Why a text is not JSON, and the byte where the reader stopped.
package struct JSONSyntaxError: Error, Equatable {
  package var offset: Int
  package var reason: String
}

/// Reads JSON text into a `JSONValue`, byte by byte; a string that is not valid UTF-8 is an error. It accepts what
/// Foundation's `JSONDecoder` accepts, which is RFC 8259 plus a trailing comma in arrays and
/// objects; and it reads an unpaired UTF-16 surrogate escape (half an emoji, as editors written in
/// JavaScript can send) as U+FFFD instead of refusing the text.
enum JSONReader {
  /// Deeper nesting is refused, as `JSONDecoder` refuses it (and the stack stays bounded).
  static let maximumDepth = 512

  /// - Complexity: O(n).
  static func value(of bytes: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> JSONValue {
    var reader = Cursor(bytes: bytes)
    reader.skipWhitespace()
    let value = try reader.value(depth: 0)
    reader.skipWhitespace()
    guard reader.offset == bytes.count else { throw reader.error("值之后还有多余的内容") }
    return value
  }

  private struct Cursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: offset, reason: reason) }

    var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    mutating func skipWhitespace() {
      while offset < bytes.count {
        switch bytes[offset] {
        case 0x20, 0x09, 0x0A, 0x0D: offset += 1
        default: return
        }
      }
    }

    mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONValue {
      guard let byte = current else { throw error("缺少值") }
      switch byte {
      case 0x7B: return .object(try object(depth: depth + 1))
      case 0x5B: return .array(try array(depth: depth + 1))
      case 0x22: return .string(try string())
      case 0x74: return try literal("true", .bool(true))
      case 0x66: return try literal("false", .bool(false))
      case 0x6E: return try literal("null", .null)
      default: return .number(try number())
      }
    }

    mutating func literal(_ word: StaticString, _ value: JSONValue) throws(JSONSyntaxError) -> JSONValue {
      let count = word.utf8CodeUnitCount
      guard offset + count <= bytes.count else { throw error("无法识别的值") }
      for index in 0..<count where bytes[offset + index] != word.utf8Start[index] { throw error("无法识别的值") }
      offset += count
      return value
    }

    mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONObject {
      guard depth <= JSONReader.maximumDepth else { throw error("嵌套过深") }
      offset += 1  // {
      var object = JSONObject()
      skipWhitespace()
      while current != 0x7D {
        guard current == 0x22 else { throw error("对象的键应为字符串") }
        let key = try string()
        skipWhitespace()
        guard current == 0x3A else { throw error("键之后应为冒号") }
        offset += 1
        skipWhitespace()
        object.append(key, try value(depth: depth))
        skipWhitespace()
        if current == 0x2C {
          offset += 1
          skipWhitespace()
        } else if current != 0x7D {
          throw error("对象的成员之间应为逗号")
        }
      }
      offset += 1  // }
      return object
    }

    mutating func array(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
      guard depth <= JSONReader.maximumDepth else { throw error("嵌套过深") }
      offset += 1  // [
      var elements: [JSONValue] = []
      skipWhitespace()
      while current != 0x5D {
        guard current != nil else { throw error("数组没有结束") }
        elements.append(try value(depth: depth))
        skipWhitespace()
        if current == 0x2C {
          offset += 1
          skipWhitespace()
        } else if current != 0x5D {
          throw error("数组的元素之间应为逗号")
        }
      }
      offset += 1  // ]
      return elements
    }

    /// A string literal; runs without escapes are copied whole.
    mutating func string() throws(JSONSyntaxError) -> String {
      offset += 1  // "
      let start = offset
      // The common case: no escape at all.
      offset = plainRunEnd(from: offset)
      if current == 0x22 {
        offset += 1
        return try validated(UnsafeBufferPointer(rebasing: bytes[start..<(offset - 1)]))
      }
      // Escapes only shorten the text: the rest of the body is room enough. A document's text
      // has an escape every few bytes (each newline and tab), so the runs between them are
      // copied straight into that room, with no array to append to.
      let decoded = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: bytes.count - start)
      defer { decoded.deallocate() }
      guard let target = decoded.baseAddress, let base = bytes.baseAddress else { throw error("字符串没有结束") }
      var written = 0
      var runStart = start
      while true {
        (target + written).update(from: base + runStart, count: offset - runStart)
        written += offset - runStart
        guard let byte = current else { throw error("字符串没有结束") }
        if byte == 0x22 {
          offset += 1
          return try validated(UnsafeBufferPointer(start: target, count: written))
        }
        guard byte == 0x5C else { throw error("字符串中有未转义的控制字符") }
        written += try escape(into: target + written)
        runStart = offset
        offset = plainRunEnd(from: offset)
      }
    }

    /// A string's bytes as a String, when they are valid UTF-8.
    func validated(_ utf8: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) -> String {
      guard let string = String(validating: utf8, as: UTF8.self) else { throw error("字符串不是有效的 UTF-8") }
      return string
    }

    /// Where the run of plain string bytes from `start` ends (`JSONPlainBytes.runEnd`).
    func plainRunEnd(from start: Int) -> Int { JSONPlainBytes.runEnd(in: bytes, from: start) }

    /// One escape after its backslash, written as UTF-8 at `target` (at most as many bytes as
    /// the escape has); the number of bytes written.
    mutating func escape(into target: UnsafeMutablePointer<UInt8>) throws(JSONSyntaxError) -> Int {
      offset += 1  // \
      guard let byte = current else { throw error("字符串没有结束") }
      offset += 1
      switch byte {
      case 0x22, 0x5C, 0x2F: target.pointee = byte
      case 0x62: target.pointee = 0x08
      case 0x66: target.pointee = 0x0C
      case 0x6E: target.pointee = 0x0A
      case 0x72: target.pointee = 0x0D
      case 0x74: target.pointee = 0x09
      case 0x75:
        let unit = try hexUnit()
        var scalar = Unicode.Scalar(unit)
        if (0xD800...0xDBFF).contains(unit), let low = lowSurrogate() {
          scalar = Unicode.Scalar(0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00))
        }
        var count = 0
        UTF8.encode(scalar ?? "\u{FFFD}") { unit in
          target[count] = unit
          count += 1
        }
        return count
      default: throw error("无效的转义")
      }
      return 1
    }

    /// Four hex digits after `\u`.
    mutating func hexUnit() throws(JSONSyntaxError) -> UInt16 {
      guard offset + 4 <= bytes.count else { throw error("\\u 之后应为四位十六进制数") }
      var value: UInt16 = 0
      for _ in 0..<4 {
        let byte = bytes[offset]
        let digit: UInt8
        switch byte {
        case 0x30...0x39: digit = byte - 0x30
        case 0x41...0x46: digit = byte - 0x41 + 10
        case 0x61...0x66: digit = byte - 0x61 + 10
        default: throw error("\\u 之后应为四位十六进制数")
        }
        value = value << 4 | UInt16(digit)
        offset += 1
      }
      return value
    }

    /// The low half of a surrogate pair, when a `\uDC00`…`\uDFFF` escape comes next; else
    /// nothing is consumed.
    mutating func lowSurrogate() -> UInt16? {
      guard offset + 6 <= bytes.count, bytes[offset] == 0x5C, bytes[offset + 1] == 0x75 else { return nil }
      let saved = offset
      offset += 2
      if let unit = try? hexUnit(), (0xDC00...0xDFFF).contains(unit) { return unit }
      offset = saved
      return nil
    }

    /// A number: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func number() throws(JSONSyntaxError) -> String {
      let start = offset
      func digits(_ cursor: inout Cursor) -> Int {
        let first = cursor.offset
        while let byte = cursor.current, (0x30...0x39).contains(byte) { cursor.offset += 1 }
        return cursor.offset - first
      }
      if current == 0x2D { offset += 1 }
      if current == 0x30 {
        offset += 1
      } else if digits(&self) == 0 {
        throw error("无法识别的值")
      }
      if current == 0x2E {
        offset += 1
        guard digits(&self) > 0 else { throw error("小数点之后应有数字") }
      }
      if current == 0x65 || current == 0x45 {
        offset += 1
        if current == 0x2B || current == 0x2D { offset += 1 }
        guard digits(&self) > 0 else { throw error("指数应有数字") }
      }
      if let byte = current, (0x30...0x39).contains(byte) { throw error("数字不能以 0 开头") }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset]), as: UTF8.self)
    }
  }
}

/// The bytes a JSON string literal holds as they are: all but the quote, the backslash and the
/// control characters. Read and written in runs.
enum JSONPlainBytes {
  /// Where the run of plain string bytes from `start` ends: at the first quote, backslash or
  /// control character, or at the end. A document's text is one string of a megabyte, so the
  /// bytes are tested eight at a time (in a word: a byte is flagged when the subtraction borrows
  /// from it, and the first flagged byte is always a true one).
  /// - Complexity: O(n) in the run.
  static func runEnd(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    if let base = bytes.baseAddress {
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while index + 8 <= bytes.count {
        let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self).littleEndian
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        let flagged =
          ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- ones &* 0x20) & ~word) & highs
        if flagged != 0 { return index + flagged.trailingZeroBitCount / 8 }
        index += 8
      }
    }
    while index < bytes.count, bytes[index] != 0x22, bytes[index] != 0x5C, bytes[index] >= 0x20 { index += 1 }
    return index
  }
}
