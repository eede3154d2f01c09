/// Minimal glob matching for the `ignore` setting: `*` (within a path component), `**` (any
/// depth), `?` (one byte). A pattern matches the whole path or any trailing run of its components
/// ("drafts/**" matches "/home/me/report/drafts/old.md").
package enum Glob {
  /// True when `pattern` matches `path` (a leading "./" of the path is ignored).
  /// - Complexity: O(p·t) per `**` or `*` in the pattern, in pattern and path lengths.
  package static func matches(pattern: String, path: String) -> Bool {
    let normalized = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
    return match(Array(pattern.utf8)[...], Array(normalized.utf8)[...])
      || match(Array(("**/" + pattern).utf8)[...], Array(normalized.utf8)[...])
  }

  private static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
    guard let first = pattern.first else { return text.isEmpty }
    if first == UInt8(ascii: "*") {
      let doubleStar = pattern.dropFirst().first == UInt8(ascii: "*")
      let rest = pattern.dropFirst(doubleStar ? 2 : 1)
      let restAfterSlash = doubleStar && rest.first == UInt8(ascii: "/") ? rest.dropFirst() : rest
      var index = text.startIndex
      while true {
        // "**/" also matches no folder at all, but only where the "**" starts.
        let noFolder = doubleStar && index == text.startIndex && match(restAfterSlash, text[index...])
        if noFolder || match(rest, text[index...]) { return true }
        if index == text.endIndex { return false }
        if !doubleStar && text[index] == UInt8(ascii: "/") { return false }
        index += 1
      }
    }
    guard let character = text.first else { return false }
    if first == UInt8(ascii: "?") || first == character { return match(pattern.dropFirst(), text.dropFirst()) }
    return false
  }
}

extension Configuration {
  /// True when one of the `ignore` globs matches `path`.
  package func ignores(_ path: String) -> Bool {
    ignore.contains { Glob.matches(pattern: $0, path: path) }
  }
}
