import JuesuanDocuments
import Testing

@Suite("XML scanner")
struct XMLScannerTests {
  @Test("elements, attributes, entities, CDATA; comments, declarations and instructions skipped")
  func events() {
    let xml = """
      <?xml version="1.0"?><!DOCTYPE html [<!ENTITY x "y">]><!-- c --><a k="1 &amp; 2" j='&#x4E00;'>\
      t&lt;&#19968;<b/><![CDATA[<raw>]]></a>
      """
    var scanner = XMLScanner(Array(xml.utf8))
    var events: [XMLEvent] = []
    while let event = scanner.next() { events.append(event) }
    #expect(
      events == [
        .start(name: "a", attributes: ["k": "1 & 2", "j": "一"]), .text("t<一"), .start(name: "b", attributes: [:]),
        .end(name: "b"), .text("<raw>"), .end(name: "a"),
      ])
  }

  @Test(
    "malformed input ends the scan without trapping",
    arguments: ["<a", "<a b=\"", "<!-- x", "<![CDATA[", "&#xFFFFFFFF;<", "<a =x>"])
  func malformed(_ xml: String) {
    var scanner = XMLScanner(Array(xml.utf8))
    var count = 0
    while scanner.next() != nil, count < 100 { count += 1 }
    #expect(count < 100)
  }
}
