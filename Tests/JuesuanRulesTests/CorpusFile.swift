import JuesuanTestSupport

/// Corpus report `id` ("000") from Tests/Corpus, for every suite of this target.
func corpusText(_ id: String) throws -> String { try Corpus.text(id) }
