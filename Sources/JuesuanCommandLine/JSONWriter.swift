/// A small deterministic JSON writer (sorted keys, no escaped slashes, UTF-8 kept as is) for the
/// output formats; several times faster than `JSONSerialization` on our diagnostic trees.
enum JSONWriter {
  /// Serialises dictionaries `[String: Any]`, arrays `[Any]`, strings, integers, booleans and
  /// doubles; anything else is written as `null`.
  /// - Complexity: O(size of the value).
  static func string(_ value: Any) -> String {
    var out = ""
    out.reserveCapacity(4096)
    write(value, into: &out)
    return out
  }

  private static func write(_ value: Any, into out: inout String) {
    switch value {
    case let text as String:
      writeString(text, into: &out)
    case let flag as Bool:
      out += flag ? "true" : "false"
    case let number as Int:
      out += String(number)
    case let number as Int32:
      out += String(number)
    case let number as Double:
      out += number.isFinite ? String(number) : "null"
    case let object as [String: Any]:
      out += "{"
      var first = true
      for key in object.keys.sorted() {
        if !first { out += "," }
        first = false
        writeString(key, into: &out)
        out += ":"
        write(object[key]!, into: &out)
      }
      out += "}"
    case let array as [Any]:
      out += "["
      for (index, element) in array.enumerated() {
        if index > 0 { out += "," }
        write(element, into: &out)
      }
      out += "]"
    default:
      out += "null"
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
