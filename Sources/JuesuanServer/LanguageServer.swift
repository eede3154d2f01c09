/// The language server (being written).
package enum LanguageServer {}
