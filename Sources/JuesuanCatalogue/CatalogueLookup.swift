extension SubjectCatalogue {
  /// The classification a code's shape implies: first digit 2 with 3, 5 or 7 digits is a function code
  /// (支出功能分类); first digit 3 or 5 with 3 or 5 digits is an economic code (部门预算 / 政府预算支出经济分类).
  /// Nil for anything else, including non-digits.
  package static func classification(ofCode code: String) -> Classification? {
    let bytes = Array(code.utf8)
    guard let first = bytes.first, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
    switch (first, bytes.count) {
    case (0x32, 3), (0x32, 5), (0x32, 7): return .function
    case (0x33, 3), (0x33, 5), (0x35, 3), (0x35, 5): return .economic
    default: return nil
    }
  }

  /// 类 for 3 digits, 款 for 5, 项 for 7; nil when the code is not a subject code at all.
  package static func level(ofCode code: String) -> Level? {
    guard classification(ofCode: code) != nil else { return nil }
    switch code.utf8.count {
    case 3: return .category
    case 5: return .section
    case 7: return .item
    default: return nil
    }
  }

  /// The name of `code` official in the edition of `year` (nil: the newest).
  ///
  /// A year inside a name's span selects it; a year after every span selects the newest name, one before every
  /// span the oldest, and one between two spans the later name.
  /// - Complexity: O(k) in the number of names the code has carried.
  package func entry(code: String, year: Int?) -> Entry? {
    guard let list = index.byCode[code], let newest = list.max(by: Self.isOlder) else { return nil }
    guard let year else { return newest }
    if let hit = list.last(where: { $0.editions.contains(year) }) { return hit }
    if let later = list.first(where: { $0.editions.lowerBound > year }) { return later }
    return newest
  }

  /// Every name `code` has carried, oldest first; empty for an unknown code.
  package func history(code: String) -> [Entry] {
    index.byCode[code] ?? []
  }

  /// Every entry whose name equals `name` after `normalizedName(_:)`, ordered by code and edition.
  package func entries(named name: String) -> [Entry] {
    index.byName[NameKey(Self.normalizedName(name))] ?? []
  }

  /// True when `code` is in the catalogue under any name.
  package func contains(code: String) -> Bool {
    index.byCode[code] != nil
  }

  /// Every code in the catalogue, ascending.
  package var codes: [String] { index.codes }

  /// True when `name` has nothing `normalizedName` would change: no ASCII at all (so no space or
  /// half-width parenthesis), none of the lead bytes of Unicode spaces (U+0085, U+00A0, U+1680,
  /// U+2000–U+205F) nor U+3000, and no level marker at the end. Most names pass, unallocated.
  private static func isNormalized(_ name: String) -> Bool {
    var name = name
    return name.withUTF8 { bytes in
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 || byte == 0xC2 || byte == 0xE1 || byte == 0xE2 { return false }
        // U+3000 (E3 80 80), the ideographic space.
        if byte == 0x80, index >= 2, bytes[index - 2] == 0xE3, bytes[index - 1] == 0x80 { return false }
        index += 1
      }
      // The markers end "类）", "款）", "项）": compare bytes (String.hasSuffix normalises, slowly).
      guard bytes.count >= 6 else { return true }
      let tail = UnsafeBufferPointer(rebasing: bytes[(bytes.count - 6)...])
      return !levelMarkerTails.contains { tail.elementsEqual($0) }
    }
  }

  private static let levelMarkerTails = ["类）", "款）", "项）"].map { Array($0.utf8) }

  /// A subject name as compared: all whitespace removed (line wraps included), half-width parentheses made
  /// full-width, and a trailing level marker "（类）", "（款）" or "（项）" dropped.
  ///
  /// "社会保障和就业 支出(类)" → "社会保障和就业支出".
  /// - Complexity: O(n) in the length of the name.
  package static func normalizedName(_ name: String) -> String {
    if isNormalized(name) { return name }
    var scalars = String.UnicodeScalarView()
    for scalar in name.unicodeScalars where !scalar.properties.isWhitespace {
      switch scalar {
      case "(": scalars.append("（")
      case ")": scalars.append("）")
      default: scalars.append(scalar)
      }
    }
    var result = String(scalars)
    for marker in ["（类）", "（款）", "（项）"] where result.hasSuffix(marker) && result.count > marker.count {
      result.removeLast(marker.count)
      break
    }
    return result
  }

  /// Candidates for completion: codes starting with `prefix` when it is all digits, otherwise codes whose name
  /// (in the edition of `year`) contains it after normalisation. Ordered by code, at most 200.
  /// - Complexity: O(n) in the number of codes.
  package func completions(prefix: String, year: Int?) -> [Entry] {
    let limit = 200
    let text = Self.normalizedName(prefix)
    let isCode = !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
    var result: [Entry] = []
    for code in index.codes {
      if isCode && !code.hasPrefix(text) { continue }
      guard let entry = entry(code: code, year: year) else { continue }
      if !isCode && !text.isEmpty && !Self.normalizedName(entry.name).contains(text) { continue }
      result.append(entry)
      if result.count == limit { break }
    }
    return result
  }

  /// Orders entries by span: the one that ends (then starts) earlier is older.
  static func isOlder(_ lhs: Entry, _ rhs: Entry) -> Bool {
    (lhs.editions.upperBound, lhs.editions.lowerBound) < (rhs.editions.upperBound, rhs.editions.lowerBound)
  }
}
