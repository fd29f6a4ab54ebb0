import Foundation
import Testing

@testable import PotenziamentoFormats

@Suite("XML reader")
struct XMLReaderTests {
    struct Stop: Error, Equatable {
        let reason: String
    }

    /// The events of `text` as short strings ("<ns:local a=1>", "</local>", "'text'").
    static func events(_ bytes: [UInt8]) throws(Stop) -> [String] {
        var events: [String] = []
        try XMLReader.parse(bytes, failure: { Stop(reason: $0.description) }) { event throws(Stop) in
            switch event {
            case .start(let name, let attributes):
                let list = attributes.all.map { "\($0.name)=\($0.value)" }.sorted().joined(separator: " ")
                events.append("<\(name)\(list.isEmpty ? "" : " " + list)>")
            case .end(let name): events.append("</\(name.local)>")
            case .text(let text): events.append("'\(text)'")
            }
        }
        return events
    }

    @Test("namespaces, attributes, entities, CDATA and joined text")
    func basics() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <o:doc xmlns:o="urn:o" xmlns:t="urn:t" xmlns="urn:d" t:name="a&amp;b" plain="1"><t:p xml:space="preserve">x &lt; y<![CDATA[ & z]]>&#x20AC;</t:p><e/></o:doc>
            """
        #expect(
            try Self.events(Array(xml.utf8)) == [
                "<{urn:o}doc plain=1 {urn:t}name=a&b>", "<{urn:t}p {http://www.w3.org/XML/1998/namespace}space=preserve>", "'x < y & z€'", "</p>",
                "<{urn:d}e>", "</e>", "</doc>",
            ])
    }

    @Test("UTF-16 documents (both byte orders) read as UTF-8 ones")
    func utf16() throws {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a b=\"è\">città €</a>"
        var little: [UInt8] = [0xFF, 0xFE]
        var big: [UInt8] = [0xFE, 0xFF]
        for unit in xml.utf16 {
            little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
        }
        let expected = ["<a b=è>", "'città €'", "</a>"]
        #expect(try Self.events(little) == expected)
        #expect(try Self.events(big) == expected)
        #expect(throws: Stop(reason: XMLError.unsupportedEncoding("UTF-32").description)) { try Self.events([0xFF, 0xFE, 0, 0, 0x3C, 0, 0, 0]) }
    }

    @Test("bytes that are not UTF-8 are refused before parsing; ISO-8859-1 is converted")
    func encodings() throws {
        let invalidName = Array("<a x".utf8) + [0xFF, 0xFF] + Array("=\"1\"/>".utf8)
        #expect(throws: Stop(reason: XMLError.unsupportedEncoding("UTF-8 non valido").description)) { try Self.events(invalidName) }
        let invalidText = Array("<a>".utf8) + [0xC3] + Array("</a>".utf8)
        #expect(throws: Stop(reason: XMLError.unsupportedEncoding("UTF-8 non valido").description)) { try Self.events(invalidText) }
        let latin1 = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a b=\"".utf8) + [0xE8] + Array("\">citt".utf8) + [0xE0] + Array("</a>".utf8)
        #expect(try Self.events(latin1) == ["<a b=è>", "'città'", "</a>"])
        #expect(throws: Stop(reason: XMLError.unsupportedEncoding("SHIFT_JIS").description)) {
            try Self.events(Array("<?xml version='1.0' encoding='Shift_JIS'?><a/>".utf8))
        }
        #expect(try Self.events([0xEF, 0xBB, 0xBF] + Array("<?xml version=\"1.0\" encoding=\"utf-8\"?><a/>".utf8)) == ["<a>", "</a>"])
    }

    /// Documents refused before parsing, and why.
    static let refusedDeclarations: [(bytes: [UInt8], error: XMLError)] = {
        var cases: [(bytes: [UInt8], error: XMLError)] = []
        func add(_ text: String, _ error: XMLError, then bytes: [UInt8] = [], and more: String = "") {
            cases.append((Array(text.utf8) + bytes + Array(more.utf8), error))
        }
        // A declared encoding libxml2 would obey, hidden by white space the old check did not skip.
        add("<?xml version=\"1.0\" encoding\n=\"UTF-7\"?><a>+ADw-?x?></a>", .unsupportedEncoding("UTF-7"))
        add("<?xml version=\"1.0\" encoding=\r\"ISO-2022-JP\"?><a><", .unsupportedEncoding("ISO-2022-JP"), then: [0x1B, 0x28, 0x42], and: "?x?></a>")
        add(
            "<?xml version=\"1.0\" encoding\n=\"UTF-16LE\"?>", .unsupportedEncoding("UTF-16LE"),
            then: [0x3C, 0, 0x61, 0, 0x3E, 0, 0x3C, 0, 0x2F, 0, 0x61, 0, 0x3E, 0])
        add("<?xml version=\"1.0\" encoding\t=\t'UTF-7'?><+ACE-DOCTYPE a [<+ACE-NOTATION n SYSTEM \"x\">]><a/>", .unsupportedEncoding("UTF-7"))
        add("<?xml version=\"1.0\" encoding=UTF-8?><a/>", .unsupportedEncoding("encoding=UTF-8"))
        // A second declaration, which libxml2 would take for the first once that is taken off.
        add("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><?xml version=\"1.0\" encoding=\"UTF-7\"?><a>+ADw-?x?></a>", .malformed(line: 1, column: 1))
        add("<?xml version=\"1.0\"?><?xml version=\"1.0\"?><a/>", .malformed(line: 1, column: 1))
        add("<?xml?><a/>", .malformed(line: 1, column: 1))
        // A second byte order mark, which libxml2 would skip to obey the declaration behind it.
        let utf7 = "<?xml version=\"1.0\" encoding=\"UTF-7\"?><a>+ADw-?x?+AD4-</a>"
        add("", .malformed(line: 1, column: 1), then: [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], and: utf7)
        add("<?xml version=\"1.0\"?>", .malformed(line: 1, column: 1), then: [0xEF, 0xBB, 0xBF], and: utf7)
        add("", .malformed(line: 1, column: 1), then: [0xFF, 0xFE] + ("\u{FEFF}\u{FEFF}" + utf7).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        add("<?xml version=\"1.0\"", .malformed(line: 1, column: 1))
        // NUL is never XML, and four bytes with NULs can make libxml2 guess UCS-4.
        add("<a>\n <b>", .malformed(line: 2, column: 5), then: [0], and: "</b></a>")
        add("", .malformed(line: 1, column: 1), then: [0, 0, 0x3C, 0, 0, 0, 0x61, 0, 0, 0, 0x2F, 0, 0, 0, 0x3E, 0])
        return cases
    }()

    @Test("libxml2 reads exactly the UTF-8 checked: no declaration reaches it, whatever its spacing, and no NUL", arguments: refusedDeclarations)
    func declarations(bytes: [UInt8], error: XMLError) {
        #expect(throws: Stop(reason: error.description)) { try Self.events(bytes) }
    }

    @Test("declarations libxml2 accepts are read, their spacing and quotes as XML allows")
    func declarationSpacing() throws {
        for declaration in [
            "<?xml version='1.0' encoding = 'utf-8' ?>", "<?xml\nversion=\"1.0\"\r\nencoding=\"UTF8\"\n?>", "<?xml version=\"1.0\" standalone=\"yes\"?>",
        ] {
            #expect(try Self.events(Array((declaration + "\n<a>x</a>").utf8)) == ["<a>", "'x'", "</a>"], "\(declaration)")
        }
        let latin1 = Array("<?xml version=\"1.0\"\nencoding =\n\"latin1\"?><a>".utf8) + [0xE8] + Array("</a>".utf8)
        #expect(try Self.events(latin1) == ["<a>", "'è'", "</a>"])
    }

    @Test(
        "document type declarations are refused before parsing",
        arguments: [
            """
            <?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
            <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><lolz>&lol3;</lolz>
            """,
            "<?xml version=\"1.0\"?><!DOCTYPE x SYSTEM \"file:///etc/passwd\"><x>&xxe;</x>",
            "<!doctype html><html/>",
            "<a><!ENTITY x \"y\"></a>",
        ])
    func doctype(xml: String) {
        #expect(throws: Stop(reason: XMLError.doctypeRefused.description)) { try Self.events(Array(xml.utf8)) }
    }

    @Test(
        "a processing instruction without data is read, not a crash (FoundationXML reads its null data as a C string)",
        arguments: [
            ("<a><?x?>t</a>", ["<a>", "'t'", "</a>"]),
            ("<?x-y?><a>t<?z?></a><?w?>", ["<a>", "'t'", "</a>"]),
            ("<?xml version=\"1.0\"?><a><?x data?><?y\t?><?z\n?></a>", ["<a>", "</a>"]),
            ("<a><![CDATA[<?x?>]]><!-- <?y?> --><?z?></a>", ["<a>", "'<?x?>'", "</a>"]),
            ("<a>t<![CDATA[u<?x?>v<?y?>]]>w</a>", ["<a>", "'tu<?x?>v<?y?>w'", "</a>"]),
        ])
    func processingInstructions(xml: String, expected: [String]) throws {
        #expect(try Self.events(Array(xml.utf8)) == expected)
    }

    @Test(
        "each <?target?> is broken up: a CDATA section split, elsewhere a space after the target",
        arguments: [
            ("<a><?x?></a>", "<a><?x ?></a>"),
            ("<?a?><?b?>", "<?a ?><?b ?>"),
            ("<a><?x y?><?x ?><??><?x??></a>", "<a><?x y?><?x ?><??><?x??></a>"),
            ("<![CDATA[<?x?>]]><!--<?y?>--><?z?>", "<![CDATA[<?x]]><![CDATA[?>]]><!--<?y ?>--><?z ?>"),
            ("<!--<?x?>", "<!--<?x ?>"),
            ("<![CDATA[<?x?>", "<![CDATA[<?x]]><![CDATA[?>"),
            ("<![CDATA[<?x]]>?>", "<![CDATA[<?x]]>?>"),
            ("<?a <?b?>", "<?a <?b ?>"),
            ("<a x=\"<?x?>\"/>", "<a x=\"<?x ?>\"/>"),
            ("<?è.-_:9?><?x/?>", "<?è.-_:9 ?><?x/?>"),
            ("<?_?><?:a?><?1?><?-a?><?.?>", "<?_ ?><?:a ?><?1?><?-a?><?.?>"),
            ("<?x", "<?x"),
            ("<?x?", "<?x?"),
            ("<", "<"),
            ("", ""),
        ])
    func processingInstructionData(xml: String, expected: String) {
        #expect(String(decoding: XMLReader.withDataInEveryProcessingInstruction(Array(xml.utf8)), as: UTF8.self) == expected)
    }

    @Test(
        "an element with more than 1.000 attributes is refused before libxml2's quadratic duplicate check",
        arguments: [(999, true), (1_000, true), (1_001, false), (80_000, false)])
    func attributes(count: Int, accepted: Bool) throws {
        let declarations = (0..<count / 2).map { " xmlns:p\($0)='urn:\($0)'" }.joined()
        let attributes = (count / 2..<count).map { " a\($0)=\"=\"" }.joined()
        let xml = Array("<r><e\(declarations)\(attributes)/></r>".utf8)
        #expect(XMLReader.hasElement(withMoreAttributesThan: XMLReader.maximumAttributes, in: xml) == !accepted)
        if accepted {
            #expect(try Self.events(xml).count == 4)
        } else {
            #expect(throws: Stop(reason: XMLError.tooManyAttributes(limit: 1_000).description)) { try Self.events(xml) }
        }
    }

    @Test(
        "malformed documents report a position",
        arguments: [
            "<a><b></a>", "<a>", "", "testo", "<a x='1' x='2'/>", "<a>&nonesiste;</a>", "<a><??></a>", "<a><?x??></a>",
            // Errors libxml2 reads past and FoundationXML calls success when the last one is at the end.
            "<a x='1' x='2'/>t", "<a>&#0;</a><b/>", "<a/><b/>", "<p:a/>", "<a p:b='1'/>", "<?x:y?><a/>",
        ])
    func malformed(xml: String) {
        #expect(throws: Stop.self) { try Self.events(Array(xml.utf8)) }
    }

    @Test("an error thrown by the handler stops parsing and is rethrown")
    func handlerError() {
        var seen = 0
        #expect(throws: Stop(reason: "basta")) {
            try XMLReader.parse(Array("<a><b/><c/><d/></a>".utf8), failure: { Stop(reason: $0.description) }) { event throws(Stop) in
                seen += 1
                if case .start(let name, _) = event, name.local == "c" { throw Stop(reason: "basta") }
            }
        }
        #expect(seen == 4)
    }

    @Test("escaping for content and attributes, characters XML cannot hold replaced")
    func escaping() throws {
        #expect(XMLEscaping.text("a<b>&c\"'\r\n\t") == "a&lt;b&gt;&amp;c\"'&#13;\n\t")
        #expect(XMLEscaping.attribute("a<\"&\t\n\r") == "a&lt;&quot;&amp;&#9;&#10;&#13;")
        #expect(XMLEscaping.text("x\u{0}\u{8}\u{B}\u{1F}\u{FFFE}\u{FFFF}y\u{1F600}") == "x\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}y\u{1F600}")
        let text = "a \"quoted\" <tag> & \t tab \n line \r return è"
        var read: [String] = []
        try XMLReader.parse(Array("<a v=\"\(XMLEscaping.attribute(text))\">\(XMLEscaping.text(text))</a>".utf8), failure: { Stop(reason: $0.description) }) {
            event throws(Stop) in
            switch event {
            case .start(_, let attributes): read.append(attributes["v"] ?? "")
            case .text(let value): read.append(value)
            case .end: break
            }
        }
        #expect(read == [text, text])
    }

    @Test("a document of more than 10 MB is read whole")
    func large() throws {
        var xml = "<r>"
        let row = "<c r=\"A1\"><v>83.333333333333343</v></c>"
        for _ in 0..<300_000 { xml += row }
        xml += "</r>"
        #expect(xml.utf8.count > 10_000_000)
        var count = 0
        try XMLReader.parse(Array(xml.utf8), failure: { Stop(reason: $0.description) }) { event throws(Stop) in
            if case .text = event { count += 1 }
        }
        #expect(count == 300_000)
        // Cut short, it is an error even though the parser reads it in chunks.
        #expect(throws: Stop.self) {
            try XMLReader.parse(Array(xml.utf8.dropLast(4)), failure: { Stop(reason: $0.description) }) { _ throws(Stop) in }
        }
    }
}
