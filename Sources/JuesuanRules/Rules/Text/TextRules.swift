/// The text/* rules, in the order they run.
enum TextRules {
  static let all: [any Rule.Type] = [
    TemplateResidueRule.self, PlaceholderRule.self, DuplicateSentenceRule.self, YearMismatchRule.self,
    CountMismatchRule.self, TextUnitRule.self, WrongTermRule.self, DuplicatePhraseRule.self,
    TextPrecisionRule.self, TextTruncatedRule.self, TextEntityMismatchRule.self,
    TextForeignContentRule.self, TextPunctuationRule.self, CopiedContentRule.self,
  ]
}
