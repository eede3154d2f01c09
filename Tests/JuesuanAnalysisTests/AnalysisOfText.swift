import JuesuanAnalysis
import JuesuanCatalogue
import JuesuanModel

/// An analysis cache of the report `text` parses to, with the bundled catalogue of its year.
func analysisCache(of text: String) -> AnalysisCache {
  let report = ReportParser.parse(SourceText(text))
  return AnalysisCache(AnalysisInput(report: report, catalogue: .bundled, catalogueEdition: report.year))
}

/// The view `type` of the report `text` parses to.
func analysisView<View: AnalysisView>(_ type: View.Type, of text: String) -> View {
  var cache = analysisCache(of: text)
  return cache.view(type)
}
