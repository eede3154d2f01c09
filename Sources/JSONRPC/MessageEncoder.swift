import Foundation

/// Encodes the server's messages as JSON: keys sorted, `/` unescaped, non-ASCII text as is — the
/// output of `JSONEncoder` with `.sortedKeys` and `.withoutEscapingSlashes`, several times faster.
///
/// `JSONEncoder` was most of the time spent publishing a large report's diagnostics (thousands
/// of diagnostics with their fixes). This encoder builds a small tree of reference-typed slots
/// (so that nested containers can fill their place after they are handed out) and writes it in
/// one pass.
package struct MessageEncoder: Sendable {
  package init() {}

  /// The JSON text of `value`.
  /// - Throws: `EncodingError.invalidValue` for a non-finite floating-point number.
  package func encode(_ value: some Encodable) throws -> Data {
    let encoder = TreeEncoder(codingPath: [])
    try value.encode(to: encoder)
    var out: [UInt8] = []
    out.reserveCapacity(1024)
    try JSONTree.write(encoder.slot, into: &out)
    return Data(out)
  }
}

/// One place in the tree; containers and nested encoders write into theirs.
private final class Slot {
  var node: JSONTree.Node = .empty
}

private enum JSONTree {
  enum Node {
    case empty  // nothing encoded (written as {} like JSONEncoder)
    case null
    case bool(Bool)
    case int(Int)
    case unsigned(UInt)
    case double(Double)
    case string(String)
    case raw([UInt8])  // written by a `JSONWritable`
    case array(ArrayBox)
    case object(ObjectBox)
  }

  final class ArrayBox {
    var items: [Slot] = []
  }

  final class ObjectBox {
    var members: [(key: String, slot: Slot)] = []
  }

  static func write(_ slot: Slot, into out: inout [UInt8]) throws {
    switch slot.node {
    case .empty: out += [0x7B, 0x7D]
    case .null: out += Array("null".utf8)
    case .bool(let value): out += Array((value ? "true" : "false").utf8)
    case .int(let value): out += Array(String(value).utf8)
    case .unsigned(let value): out += Array(String(value).utf8)
    case .double(let value):
      guard value.isFinite else {
        throw EncodingError.invalidValue(value, .init(codingPath: [], debugDescription: "非有限数值无法编码为 JSON"))
      }
      JSONOut.double(value, into: &out)
    case .string(let value): JSONOut.string(value, into: &out)
    case .raw(let bytes): out += bytes
    case .array(let box):
      out.append(0x5B)
      for (index, item) in box.items.enumerated() {
        if index > 0 { out.append(0x2C) }
        try write(item, into: &out)
      }
      out.append(0x5D)
    case .object(let box):
      out.append(0x7B)
      // The last value written for a key wins, as in JSONEncoder.
      var members: [String: Slot] = [:]
      for member in box.members { members[member.key] = member.slot }
      for (index, key) in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }).enumerated() {
        if index > 0 { out.append(0x2C) }
        JSONOut.string(key, into: &out)
        out.append(0x3A)
        if let member = members[key] { try write(member, into: &out) }
      }
      out.append(0x7D)
    }
  }
}

/// A value that writes its own JSON (keys sorted, nil members left out, as `MessageEncoder`
/// would write it through `Encodable`): the hot types of a large `publishDiagnostics` skip the
/// generic `Encoder` machinery.
package protocol JSONWritable {
  func writeJSON(into out: inout [UInt8])
}

/// The pieces `JSONWritable` types write with.
package enum JSONOut {
  /// A JSON string literal: `"`, `\`, and control characters escaped; `/` and non-ASCII as is.
  package static func string(_ text: String, into out: inout [UInt8]) {
    var text = text
    text.withUTF8 { string(utf8: $0, into: &out) }
  }

  /// A JSON string literal of UTF-8 bytes: runs that need no escape are copied whole.
  package static func string(utf8 bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
    out.append(0x22)
    var runStart = 0
    while true {
      let end = JSONPlainBytes.runEnd(in: bytes, from: runStart)
      out += UnsafeBufferPointer(rebasing: bytes[runStart..<end])
      guard end < bytes.count else { break }
      let byte = bytes[end]
      runStart = end + 1
      switch byte {
      case 0x22: out += [0x5C, 0x22]
      case 0x5C: out += [0x5C, 0x5C]
      case 0x0A: out += [0x5C, 0x6E]
      case 0x0D: out += [0x5C, 0x72]
      case 0x09: out += [0x5C, 0x74]
      case 0x08: out += [0x5C, 0x62]
      case 0x0C: out += [0x5C, 0x66]
      default:
        let hex = Array("0123456789abcdef".utf8)
        out += [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
      }
    }
    out.append(0x22)
  }

  /// `text` written as it is: JSON punctuation, and member names that need no escape.
  package static func raw(_ text: StaticString, into out: inout [UInt8]) {
    text.withUTF8Buffer { out += $0 }
  }

  /// An integer.
  package static func int(_ value: Int, into out: inout [UInt8]) {
    guard value >= 0 else {
      out += String(value).utf8
      return
    }
    var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 24 digits
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[23 - count] = UInt8(truncatingIfNeeded: 0x30 + rest % 10)
        rest /= 10
        count += 1
      } while rest > 0
      out += UnsafeRawBufferPointer(rebasing: buffer[(24 - count)...])
    }
  }

  /// A finite double as `JSONEncoder` writes it: an integral value without a fraction.
  package static func double(_ value: Double, into out: inout [UInt8]) {
    if value == value.rounded(), abs(value) < 1e15 {
      int(Int(value), into: &out)
    } else {
      out += "\(value)".utf8
    }
  }

  /// Runs of JSON array elements (each run comma-separated elements, or empty) joined by commas.
  package static func elements(_ runs: [[UInt8]], into out: inout [UInt8]) {
    var first = true
    for run in runs where !run.isEmpty {
      if !first { out.append(0x2C) }
      first = false
      out += run
    }
  }

  /// The bytes `elements(_:into:)` writes, at most (a comma per run).
  package static func length(ofElements runs: [[UInt8]]) -> Int {
    runs.reduce(0) { $0 + $1.count + 1 }
  }

  /// `"key":`, preceded by a comma unless it is the object's first member.
  package static func key(_ key: String, first: inout Bool, into out: inout [UInt8]) {
    if !first { out.append(0x2C) }
    first = false
    string(key, into: &out)
    out.append(0x3A)
  }

  /// `"name":` for a member name that needs no escape, preceded by a comma unless it is the
  /// object's first member: what `key(_:first:into:)` writes, without looking for escapes.
  package static func member(_ name: StaticString, first: inout Bool, into out: inout [UInt8]) {
    if !first { out.append(0x2C) }
    first = false
    out.append(0x22)
    name.withUTF8Buffer { out += $0 }
    out.append(0x22)
    out.append(0x3A)
  }
}

private final class TreeEncoder: Encoder {
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }
  let slot: Slot

  init(codingPath: [any CodingKey], slot: Slot = Slot()) {
    self.codingPath = codingPath
    self.slot = slot
  }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    let box: JSONTree.ObjectBox
    if case .object(let existing) = slot.node {
      box = existing
    } else {
      box = JSONTree.ObjectBox()
      slot.node = .object(box)
    }
    return KeyedEncodingContainer(KeyedContainer<Key>(box: box, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    let box: JSONTree.ArrayBox
    if case .array(let existing) = slot.node {
      box = existing
    } else {
      box = JSONTree.ArrayBox()
      slot.node = .array(box)
    }
    return UnkeyedContainer(box: box, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleContainer(slot: slot, codingPath: codingPath)
  }

  /// The node of `value`: scalars directly, anything else through its own `encode(to:)`.
  static func node(of value: some Encodable, codingPath: [any CodingKey]) throws -> Slot {
    let slot = Slot()
    switch value {
    case let writable as any JSONWritable:
      var bytes: [UInt8] = []
      writable.writeJSON(into: &bytes)
      slot.node = .raw(bytes)
    case let text as String: slot.node = .string(text)
    case let number as Int: slot.node = .int(number)
    case let flag as Bool: slot.node = .bool(flag)
    default: try value.encode(to: TreeEncoder(codingPath: codingPath, slot: slot))
    }
    return slot
  }
}

private struct IndexKey: CodingKey {
  var stringValue: String { "Index \(intValue ?? 0)" }
  var intValue: Int?
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: JSONTree.ObjectBox
  let codingPath: [any CodingKey]

  private func put(_ node: JSONTree.Node, _ key: Key) {
    let slot = Slot()
    slot.node = node
    box.members.append((key.stringValue, slot))
  }

  mutating func encodeNil(forKey key: Key) throws { put(.null, key) }
  mutating func encode(_ value: Bool, forKey key: Key) throws { put(.bool(value), key) }
  mutating func encode(_ value: String, forKey key: Key) throws { put(.string(value), key) }
  mutating func encode(_ value: Double, forKey key: Key) throws { put(.double(value), key) }
  mutating func encode(_ value: Float, forKey key: Key) throws { put(.double(Double(value)), key) }
  mutating func encode(_ value: Int, forKey key: Key) throws { put(.int(value), key) }
  mutating func encode(_ value: Int8, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int16, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int32, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: Int64, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt, forKey key: Key) throws { put(.unsigned(value), key) }
  mutating func encode(_ value: UInt8, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt16, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt32, forKey key: Key) throws { put(.int(Int(value)), key) }
  mutating func encode(_ value: UInt64, forKey key: Key) throws { put(.unsigned(UInt(value)), key) }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    box.members.append((key.stringValue, try TreeEncoder.node(of: value, codingPath: codingPath + [key])))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let nested = JSONTree.ObjectBox()
    put(.object(nested), key)
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let nested = JSONTree.ArrayBox()
    put(.array(nested), key)
    return UnkeyedContainer(box: nested, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    let slot = Slot()
    box.members.append(("super", slot))
    return TreeEncoder(codingPath: codingPath, slot: slot)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    let slot = Slot()
    box.members.append((key.stringValue, slot))
    return TreeEncoder(codingPath: codingPath + [key], slot: slot)
  }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
  let box: JSONTree.ArrayBox
  let codingPath: [any CodingKey]
  var count: Int { box.items.count }

  private func put(_ node: JSONTree.Node) {
    let slot = Slot()
    slot.node = node
    box.items.append(slot)
  }

  mutating func encodeNil() throws { put(.null) }
  mutating func encode(_ value: Bool) throws { put(.bool(value)) }
  mutating func encode(_ value: String) throws { put(.string(value)) }
  mutating func encode(_ value: Double) throws { put(.double(value)) }
  mutating func encode(_ value: Int) throws { put(.int(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    box.items.append(try TreeEncoder.node(of: value, codingPath: codingPath + [IndexKey(count)]))
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
    NestedKey
  > {
    let nested = JSONTree.ObjectBox()
    put(.object(nested))
    return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [IndexKey(count)]))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let nested = JSONTree.ArrayBox()
    put(.array(nested))
    return UnkeyedContainer(box: nested, codingPath: codingPath + [IndexKey(count)])
  }

  mutating func superEncoder() -> any Encoder {
    let slot = Slot()
    box.items.append(slot)
    return TreeEncoder(codingPath: codingPath, slot: slot)
  }
}

private struct SingleContainer: SingleValueEncodingContainer {
  let slot: Slot
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { slot.node = .null }
  mutating func encode(_ value: Bool) throws { slot.node = .bool(value) }
  mutating func encode(_ value: String) throws { slot.node = .string(value) }
  mutating func encode(_ value: Double) throws { slot.node = .double(value) }
  mutating func encode(_ value: Float) throws { slot.node = .double(Double(value)) }
  mutating func encode(_ value: Int) throws { slot.node = .int(value) }
  mutating func encode(_ value: Int8) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: Int16) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: Int32) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: Int64) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: UInt) throws { slot.node = .unsigned(value) }
  mutating func encode(_ value: UInt8) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: UInt16) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: UInt32) throws { slot.node = .int(Int(value)) }
  mutating func encode(_ value: UInt64) throws { slot.node = .unsigned(UInt(value)) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    slot.node = try TreeEncoder.node(of: value, codingPath: codingPath).node
  }
}
