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

extension Diagnostic: JSONWritable {
  package func writeJSON(into out: inout [UInt8]) {
    out.append(0x7B)
    var first = true
    if let code {
      JSONOut.member("code", first: &first, into: &out)
      code.writeJSON(into: &out)
    }
    if let codeDescription {
      JSONOut.member("codeDescription", first: &first, into: &out)
      JSONOut.raw("{\"href\":", into: &out)
      JSONOut.string(codeDescription.href, into: &out)
      out.append(0x7D)
    }
    if let data {
      JSONOut.member("data", first: &first, into: &out)
      data.writeJSON(into: &out)
    }
    JSONOut.member("message", first: &first, into: &out)
    JSONOut.string(message, into: &out)
    JSONOut.member("range", first: &first, into: &out)
    range.writeJSON(into: &out)
    if let relatedInformation {
      JSONOut.member("relatedInformation", first: &first, into: &out)
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
      JSONOut.member("severity", first: &first, into: &out)
      JSONOut.int(severity, into: &out)
    }
    if let source {
      JSONOut.member("source", first: &first, into: &out)
      JSONOut.string(source, into: &out)
    }
    if let tags {
      JSONOut.member("tags", first: &first, into: &out)
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
