/// A JSON value built by the output formats, written by `JSONWriter`.
enum JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
  ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
  case string(String)
  case int(Int)
  case bool(Bool)
  case array([JSONValue])
  case object([String: JSONValue])

  init(stringLiteral value: String) { self = .string(value) }
  init(integerLiteral value: Int) { self = .int(value) }
  init(booleanLiteral value: Bool) { self = .bool(value) }
  init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
  init(dictionaryLiteral elements: (String, JSONValue)...) {
    self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
  }
}

/// A small deterministic JSON writer (sorted keys, no escaped slashes, UTF-8 kept as is) for the
/// output formats; several times faster than `JSONSerialization` on our diagnostic trees, and
/// free of the dynamic casts an `Any` tree needs.
enum JSONWriter {
  /// - Complexity: O(size of the value).
  static func string(_ value: JSONValue) -> String {
    var out = ""
    out.reserveCapacity(4096)
    write(value, into: &out)
    return out
  }

  /// Appends `value` to `out`.
  static func write(_ value: JSONValue, into out: inout String) {
    switch value {
    case .string(let text):
      writeString(text, into: &out)
    case .bool(let flag):
      out += flag ? "true" : "false"
    case .int(let number):
      out += String(number)
    case .object(let object):
      out += "{"
      var first = true
      for (key, element) in object.sorted(by: { $0.key < $1.key }) {
        if !first { out += "," }
        first = false
        writeString(key, into: &out)
        out += ":"
        write(element, into: &out)
      }
      out += "}"
    case .array(let array):
      out += "["
      for (index, element) in array.enumerated() {
        if index > 0 { out += "," }
        write(element, into: &out)
      }
      out += "]"
    }
  }

  private static func writeString(_ text: String, into out: inout String) {
    out += "\""
    var needsEscape = false
    for byte in text.utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C {
      needsEscape = true
      break
    }
    guard needsEscape else {
      out += text
      out += "\""
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case let control where control.value < 0x20:
        let hex = String(control.value, radix: 16)
        out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: out.unicodeScalars.append(scalar)
      }
    }
    out += "\""
  }
}
