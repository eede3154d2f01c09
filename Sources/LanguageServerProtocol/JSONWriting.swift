import Foundation
import JSONRPC

// Hand-written JSON for the types a large `publishDiagnostics` is made of: the same text the
// synthesized `Encodable` conformances give through `MessageEncoder` (keys sorted, nil members
// left out), without the generic `Encoder` calls per value. A test compares the two.

extension Position: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    JSONOut.raw("{\"character\":", into: &out)
    JSONOut.int(character, into: &out)
    JSONOut.raw(",\"line\":", into: &out)
    JSONOut.int(line, into: &out)
    out.append(0x7D)
  }
}

extension PositionRange: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    JSONOut.raw("{\"end\":", into: &out)
    end.writeJSON(into: &out)
    JSONOut.raw(",\"start\":", into: &out)
    start.writeJSON(into: &out)
    out.append(0x7D)
  }
}

extension Location: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    JSONOut.raw("{\"range\":", into: &out)
    range.writeJSON(into: &out)
    JSONOut.raw(",\"uri\":", into: &out)
    JSONOut.string(uri, into: &out)
    out.append(0x7D)
  }
}

extension IntegerOrString: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    switch self {
    case .integer(let value): JSONOut.int(value, into: &out)
    case .string(let value): JSONOut.string(value, into: &out)
    }
  }
}

extension LSPAny: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    switch self {
    case .null: JSONOut.raw("null", into: &out)
    case .bool(let value): out += (value ? "true" : "false").utf8
    case .int(let value): JSONOut.int(value, into: &out)
    case .double(let value):
      if value.isFinite { JSONOut.double(value, into: &out) } else { JSONOut.raw("null", into: &out) }
    case .string(let value): JSONOut.string(value, into: &out)
    case .array(let items):
      out.append(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { out.append(0x2C) }
        item.writeJSON(into: &out)
      }
      out.append(0x5D)
    case .object(let members):
      out.append(0x7B)
      var first = true
      for key in members.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
        JSONOut.key(key, first: &first, into: &out)
        members[key]?.writeJSON(into: &out)
      }
      out.append(0x7D)
    }
  }
}

/// A member that an output adds to an object written by a type's own writer: its name, which
/// needs no escape, and what writes its value.
package struct JSONMember {
  package var name: StaticString
  package var write: (inout [UInt8]) -> Void

  package init(_ name: StaticString, write: @escaping (inout [UInt8]) -> Void) {
    self.name = name
    self.write = write
  }

  /// Whether `name` sorts before `other`, as the keys of `LSPAny.writeJSON` are sorted.
  func precedes(_ other: StaticString) -> Bool {
    name.withUTF8Buffer { mine in other.withUTF8Buffer { mine.lexicographicallyPrecedes($0) } }
  }
}

extension Diagnostic: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) { writeJSON(into: &out, adding: []) }

  /// The diagnostic's JSON with `extra`, members of an output's own (`check --format json` adds
  /// the fixes), among its members: keys sorted, as `LSPAny.writeJSON` writes the `jsonObject`
  /// with them. `extra` is in name order and holds no name of the diagnostic's.
  package func writeJSON(into out: inout [UInt8], adding extra: [JSONMember]) {
    out.append(0x7B)
    var first = true
    var next = 0
    /// Writes the extra members named before `name`, then the name of member `name`.
    func member(_ name: StaticString) {
      while next < extra.count, extra[next].precedes(name) {
        JSONOut.member(extra[next].name, first: &first, into: &out)
        extra[next].write(&out)
        next += 1
      }
      JSONOut.member(name, first: &first, into: &out)
    }
    if let code {
      member("code")
      code.writeJSON(into: &out)
    }
    if let codeDescription {
      member("codeDescription")
      JSONOut.raw("{\"href\":", into: &out)
      JSONOut.string(codeDescription.href, into: &out)
      out.append(0x7D)
    }
    if let data {
      member("data")
      data.writeJSON(into: &out)
    }
    member("message")
    JSONOut.string(message, into: &out)
    member("range")
    range.writeJSON(into: &out)
    if let relatedInformation {
      member("relatedInformation")
      out.append(0x5B)
      for (index, related) in relatedInformation.enumerated() {
        if index > 0 { out.append(0x2C) }
        JSONOut.raw("{\"location\":", into: &out)
        related.location.writeJSON(into: &out)
        JSONOut.raw(",\"message\":", into: &out)
        JSONOut.string(related.message, into: &out)
        out.append(0x7D)
      }
      out.append(0x5D)
    }
    if let severity {
      member("severity")
      JSONOut.int(severity, into: &out)
    }
    if let source {
      member("source")
      JSONOut.string(source, into: &out)
    }
    if let tags {
      member("tags")
      out.append(0x5B)
      for (index, tag) in tags.enumerated() {
        if index > 0 { out.append(0x2C) }
        JSONOut.int(tag, into: &out)
      }
      out.append(0x5D)
    }
    for member in extra[next...] {
      JSONOut.member(member.name, first: &first, into: &out)
      member.write(&out)
    }
    out.append(0x7D)
  }
}

extension Diagnostic {
  /// The diagnostic as a JSON object, the members `writeJSON` writes: for an output that adds
  /// members of its own (`check --format json` adds the fixes).
  package var jsonObject: [String: LSPAny] {
    var object: [String: LSPAny] = ["range": range.jsonObject, "message": .string(message)]
    if let code { object["code"] = code.jsonValue }
    if let codeDescription { object["codeDescription"] = ["href": .string(codeDescription.href)] }
    if let data { object["data"] = data }
    if let relatedInformation {
      object["relatedInformation"] = .array(
        relatedInformation.map { related -> LSPAny in
          [
            "location": ["range": related.location.range.jsonObject, "uri": .string(related.location.uri)],
            "message": .string(related.message),
          ]
        })
    }
    if let severity { object["severity"] = .int(severity) }
    if let source { object["source"] = .string(source) }
    if let tags { object["tags"] = .array(tags.map { .int($0) }) }
    return object
  }
}

extension PositionRange {
  /// The range as a JSON object.
  var jsonObject: LSPAny {
    [
      "start": ["line": .int(start.line), "character": .int(start.character)],
      "end": ["line": .int(end.line), "character": .int(end.character)],
    ]
  }
}

extension IntegerOrString {
  /// The value as JSON.
  var jsonValue: LSPAny {
    switch self {
    case .integer(let value): .int(value)
    case .string(let value): .string(value)
    }
  }
}

extension PublishDiagnosticsParams: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    Self.writeJSON(uri: uri, version: version, into: &out) { out in
      for (index, diagnostic) in diagnostics.enumerated() {
        if index > 0 { out.append(0x2C) }
        diagnostic.writeJSON(into: &out)
      }
    }
  }

  /// The parameters' JSON, `elements` writing the diagnostics array's elements.
  static func writeJSON(uri: String, version: Int?, into out: inout [UInt8], elements: (inout [UInt8]) -> Void) {
    JSONOut.raw("{\"diagnostics\":[", into: &out)
    elements(&out)
    JSONOut.raw("],\"uri\":", into: &out)
    JSONOut.string(uri, into: &out)
    if let version {
      JSONOut.raw(",\"version\":", into: &out)
      JSONOut.int(version, into: &out)
    }
    out.append(0x7D)
  }
}

/// `publishDiagnostics` parameters whose diagnostics are already JSON, in runs of array
/// elements (each run comma-separated elements, or empty): a large file's publish re-encodes only
/// the reports that changed and copies the others' runs once, into the message.
package struct EncodedPublishDiagnosticsParams: Encodable, JSONWritable {
  package var uri: String
  package var version: Int?
  package var diagnostics: [[UInt8]]

  package init(uri: String, version: Int?, diagnostics: [[UInt8]]) {
    self.uri = uri
    self.version = version
    self.diagnostics = diagnostics
  }

  package func writeJSON(into out: inout [UInt8]) {
    out.reserveCapacity(out.count + JSONOut.length(ofElements: diagnostics) + uri.utf8.count + 64)
    PublishDiagnosticsParams.writeJSON(uri: uri, version: version, into: &out) {
      JSONOut.elements(diagnostics, into: &$0)
    }
  }

  /// Through another encoder: the diagnostics read back and encoded as `PublishDiagnosticsParams`.
  package func encode(to encoder: any Encoder) throws {
    let decoded = try Diagnostic.decoding(elements: diagnostics)
    try PublishDiagnosticsParams(uri: uri, version: version, diagnostics: decoded).encode(to: encoder)
  }
}

/// A full `textDocument/diagnostic` answer (`DocumentDiagnosticReport.full`) whose diagnostics are
/// already JSON, in runs of array elements as in `EncodedPublishDiagnosticsParams`: the answer
/// for a large file copies the reports' encoded diagnostics instead of encoding them again.
package struct EncodedFullDiagnosticReport: Encodable, JSONWritable {
  package var resultId: String?
  package var items: [[UInt8]]

  package init(resultId: String?, items: [[UInt8]]) {
    self.resultId = resultId
    self.items = items
  }

  package func writeJSON(into out: inout [UInt8]) {
    out.reserveCapacity(out.count + JSONOut.length(ofElements: items) + 64)
    JSONOut.raw("{\"items\":[", into: &out)
    JSONOut.elements(items, into: &out)
    JSONOut.raw("],\"kind\":\"full\"", into: &out)
    if let resultId {
      JSONOut.raw(",\"resultId\":", into: &out)
      JSONOut.string(resultId, into: &out)
    }
    out.append(0x7D)
  }

  /// Through another encoder: the items read back and encoded as `DocumentDiagnosticReport.full`.
  package func encode(to encoder: any Encoder) throws {
    try DocumentDiagnosticReport.full(resultId: resultId, items: try Diagnostic.decoding(elements: items))
      .encode(to: encoder)
  }
}

extension Diagnostic {
  /// The diagnostics of runs of JSON array elements.
  static func decoding(elements runs: [[UInt8]]) throws -> [Diagnostic] {
    var array: [UInt8] = [0x5B]
    JSONOut.elements(runs, into: &array)
    array.append(0x5D)
    return try JSONDecoder().decode([Diagnostic].self, from: Data(array))
  }
}
