import Foundation
import JSONRPC

// Hand-written JSON for the types a large `publishDiagnostics` is made of: the same text the
// synthesized `Encodable` conformances give through `MessageEncoder` (keys sorted, nil members
// left out), without the generic `Encoder` calls per value. A test compares the two.

extension Position: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    out += "{\"character\":".utf8
    JSONOut.int(character, into: &out)
    out += ",\"line\":".utf8
    JSONOut.int(line, into: &out)
    out.append(0x7D)
  }
}

extension PositionRange: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    out += "{\"end\":".utf8
    end.writeJSON(into: &out)
    out += ",\"start\":".utf8
    start.writeJSON(into: &out)
    out.append(0x7D)
  }
}

extension Location: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    out += "{\"range\":".utf8
    range.writeJSON(into: &out)
    out += ",\"uri\":".utf8
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
    case .null: out += "null".utf8
    case .bool(let value): out += (value ? "true" : "false").utf8
    case .int(let value): JSONOut.int(value, into: &out)
    case .double(let value):
      if value.isFinite { JSONOut.double(value, into: &out) } else { out += "null".utf8 }
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

extension Diagnostic: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    out.append(0x7B)
    var first = true
    if let code {
      JSONOut.key("code", first: &first, into: &out)
      code.writeJSON(into: &out)
    }
    if let codeDescription {
      JSONOut.key("codeDescription", first: &first, into: &out)
      out += "{\"href\":".utf8
      JSONOut.string(codeDescription.href, into: &out)
      out.append(0x7D)
    }
    if let data {
      JSONOut.key("data", first: &first, into: &out)
      data.writeJSON(into: &out)
    }
    JSONOut.key("message", first: &first, into: &out)
    JSONOut.string(message, into: &out)
    JSONOut.key("range", first: &first, into: &out)
    range.writeJSON(into: &out)
    if let relatedInformation {
      JSONOut.key("relatedInformation", first: &first, into: &out)
      out.append(0x5B)
      for (index, related) in relatedInformation.enumerated() {
        if index > 0 { out.append(0x2C) }
        out += "{\"location\":".utf8
        related.location.writeJSON(into: &out)
        out += ",\"message\":".utf8
        JSONOut.string(related.message, into: &out)
        out.append(0x7D)
      }
      out.append(0x5D)
    }
    if let severity {
      JSONOut.key("severity", first: &first, into: &out)
      JSONOut.int(severity, into: &out)
    }
    if let source {
      JSONOut.key("source", first: &first, into: &out)
      JSONOut.string(source, into: &out)
    }
    if let tags {
      JSONOut.key("tags", first: &first, into: &out)
      out.append(0x5B)
      for (index, tag) in tags.enumerated() {
        if index > 0 { out.append(0x2C) }
        JSONOut.int(tag, into: &out)
      }
      out.append(0x5D)
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
    out += "{\"diagnostics\":[".utf8
    elements(&out)
    out += "],\"uri\":".utf8
    JSONOut.string(uri, into: &out)
    if let version {
      out += ",\"version\":".utf8
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
    out += "{\"items\":[".utf8
    JSONOut.elements(items, into: &out)
    out += "],\"kind\":\"full\"".utf8
    if let resultId {
      out += ",\"resultId\":".utf8
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
