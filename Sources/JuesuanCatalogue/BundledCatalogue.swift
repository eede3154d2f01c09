extension SubjectCatalogue {
  /// The catalogue shipped with juesuan (placeholder until the data lands).
  package static let bundled = SubjectCatalogue(entries: [])
}
