import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An element or attribute name: its namespace URI ("" for none) and local name.
package struct XMLName: Hashable, Sendable, CustomStringConvertible {
    /// The namespace URI, "" when the name has none.
    package let namespace: String
    /// The name without prefix.
    package let local: String

    /// Returns the name `local` in `namespace`.
    package init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    /// Returns `{namespace}local` (Clark notation), or `local` without a namespace.
    package var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }

    /// The namespace of `xml:space` and `xml:lang`.
    package static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
}

/// The attributes of an element, with namespaces resolved.
package struct XMLAttributes: Sendable {
    /// The attributes, in no particular order.
    package let all: [(name: XMLName, value: String)]

    /// Returns the value of the attribute `local` in `namespace` ("" for an unprefixed attribute), or nil.
    package subscript(_ namespace: String, _ local: String) -> String? {
        all.first { $0.name.local == local && $0.name.namespace == namespace }?.value
    }

    /// Returns the value of the unprefixed attribute `local`, or nil.
    package subscript(_ local: String) -> String? { self["", local] }
}

/// What the reader reports while going through a document, in document order.
package enum XMLEvent: Sendable {
    /// An element starts (an empty element reports a start and an end).
    case start(XMLName, XMLAttributes)
    /// An element ends.
    case end(XMLName)
    /// Character data (text and CDATA sections, entities and character references replaced),
    /// all of it between two tags in one event.
    case text(String)
}

/// Why a part could not be read as XML. `description` is Italian.
package enum XMLError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The document has a document type declaration (`<!DOCTYPE`), refused because its
    /// entities could expand without bound (the "billion laughs" attack) or load external files.
    case doctypeRefused
    /// The document is not in UTF-8, UTF-16 or an encoding the XML parser knows.
    case unsupportedEncoding(String)
    /// The document is not well-formed XML.
    case malformed(line: Int, column: Int)
    /// An element has more attributes (namespace declarations included) than `limit`
    /// (``XMLReader/maximumAttributes``).
    case tooManyAttributes(limit: Int)

    /// Returns the reason in Italian, e.g. "XML non ben formato (riga 3, colonna 7)".
    package var description: String {
        switch self {
        case .doctypeRefused: "dichiarazione <!DOCTYPE non ammessa"
        case .unsupportedEncoding(let encoding): "codifica dei caratteri non supportata (\(encoding))"
        case .malformed(let line, let column): "XML non ben formato (riga \(line), colonna \(column))"
        case .tooManyAttributes(let limit): "troppi attributi in un elemento (al massimo \(WorkbookError.italian(limit)))"
        }
    }
}

/// A small event reader over Foundation's `XMLParser` (libxml2 on Linux), with namespaces
/// resolved and consecutive text joined. libxml2 is handed valid UTF-8 with no XML declaration
/// and no NUL (UTF-16 and Latin-1 converted first), so it reads exactly what was checked:
/// documents with a `<!DOCTYPE` are refused before parsing (so no entity can be declared, let
/// alone expanded), and so are elements with more than ``maximumAttributes`` attributes;
/// processing instructions that FoundationXML would crash on are rewritten; external entities
/// are never resolved. All use of FoundationXML stays in this folder.
package enum XMLReader {
    /// The most attributes, namespace declarations included, one element may have: 1.000.
    /// libxml2 looks for duplicates among them in quadratic time (80.000 on one element took 12 s,
    /// and a part of 12 MB made of such elements would take most of an hour); the elements of a
    /// workbook have a few dozen.
    package static let maximumAttributes = 1_000

    /// Calls `handler` with each event of the document in `bytes`. Parsing stops at the first
    /// error `handler` throws, which is rethrown; an XML-level failure is turned into the caller's
    /// error type by `failure` and thrown: ``XMLError/doctypeRefused`` for a document type
    /// declaration, ``XMLError/unsupportedEncoding(_:)`` for UTF-32 and encodings other than
    /// UTF-8, UTF-16 and Latin-1, ``XMLError/tooManyAttributes(limit:)`` past
    /// ``maximumAttributes``, ``XMLError/malformed(line:column:)`` for a document that is not
    /// well-formed.
    package static func parse<Failure: Error>(
        _ bytes: [UInt8], failure: (XMLError) -> Failure, handler: (XMLEvent) throws(Failure) -> Void
    ) throws(Failure) {
        var document: [UInt8]
        switch utf8Document(bytes) {
        case .success(let utf8): document = utf8
        case .failure(let error): throw failure(error)
        }
        if hasDoctype(document) { throw failure(.doctypeRefused) }
        if hasElement(withMoreAttributesThan: maximumAttributes, in: document) { throw failure(.tooManyAttributes(limit: maximumAttributes)) }
        document = withDataInEveryProcessingInstruction(document)
        // The byte order mark and the declaration were taken off: one here is a second one (or
        // `<?xml?>` made one above). libxml2 would skip a mark and obey the declaration after it.
        if document.starts(with: [0xEF, 0xBB, 0xBF]) || startsWithDeclaration(document[...]) {
            throw failure(.malformed(line: 1, column: 1))
        }
        var handlerError: Failure?
        var xmlError: XMLError?
        withoutActuallyEscaping(
            { (event: XMLEvent) -> Bool in
                do throws(Failure) {
                    try handler(event)
                    return true
                } catch {
                    handlerError = error
                    return false
                }
            }
        ) { callback in
            // Large documents as a stream: libxml2 refuses a single chunk of more than 10 MB.
            let parser =
                document.count <= 8 << 20 ? XMLParser(data: Data(document)) : XMLParser(stream: InputStream(data: Data(document)))
            let delegate = EventDelegate(callback)
            parser.delegate = delegate
            parser.shouldProcessNamespaces = true
            parser.shouldReportNamespacePrefixes = true
            parser.shouldResolveExternalEntities = false
            let succeeded = parser.parse()
            if !delegate.stopped {
                delegate.flush()
                // A stream's end is never reported to libxml2, so an unclosed or missing root
                // element can pass silently: count the elements.
                if let (line, column) = delegate.firstError {
                    xmlError = .malformed(line: line, column: column)
                } else if !succeeded || delegate.depth != 0 || !delegate.sawRoot {
                    xmlError = .malformed(line: parser.lineNumber, column: parser.columnNumber)
                }
            }
            parser.delegate = nil
        }
        if let handlerError { throw handlerError }
        if let xmlError { throw failure(xmlError) }
    }

    /// Returns the document as valid UTF-8 with no XML declaration and no byte order mark, so that
    /// libxml2 reads it as UTF-8 and sees exactly the characters this reader checked (a declared
    /// encoding it obeyed, such as `encoding="UTF-7"`, would let `<?x?>` or `<!DOCTYPE` through in
    /// disguise; and the parser's callbacks must never see a name that is not valid UTF-8, on
    /// which FoundationXML traps). UTF-16 documents (with a byte order mark or starting with `<` in
    /// UTF-16) and documents declared ISO-8859-1 or US-ASCII are converted. Fails with
    /// ``XMLError/unsupportedEncoding(_:)`` for UTF-32, other declared encodings, an encoding
    /// declaration that cannot be read, malformed UTF-16 and bytes that are not valid UTF-8, and
    /// with ``XMLError/malformed(line:column:)`` for a NUL character (never allowed in XML) or an
    /// unclosed declaration.
    private static func utf8Document(_ bytes: [UInt8]) -> Result<[UInt8], XMLError> {
        let converted: [UInt8]?
        switch utf16Converted(bytes) {
        case .success(let result): converted = result
        case .failure(let error): return .failure(error)
        }
        let fromUTF16 = converted != nil
        var body = (converted ?? bytes)[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        var latin1 = false
        if startsWithDeclaration(body) {
            guard let close = body.firstRange(of: Array("?>".utf8)) else { return .failure(.malformed(line: 1, column: 1)) }
            let declaration = String(decoding: body[..<close.lowerBound], as: UTF8.self)
            switch declaredEncoding(declaration) {
            case .failure(let error): return .failure(error)
            case .success(let declared):
                // A converted UTF-16 document names UTF-16: its bytes decided already.
                if let encoding = declared?.uppercased(), !fromUTF16, encoding != "UTF-8", encoding != "UTF8" {
                    guard ["ISO-8859-1", "LATIN1", "ISO_8859-1", "US-ASCII", "ASCII"].contains(encoding) else {
                        return .failure(.unsupportedEncoding(encoding))
                    }
                    latin1 = true
                }
            }
            body = body[close.upperBound...]
        }
        var utf8: [UInt8]
        if latin1 {
            // Latin-1 bytes are the first 256 code points.
            utf8 = []
            utf8.reserveCapacity(body.count)
            for byte in body {
                if byte < 0x80 {
                    utf8.append(byte)
                } else {
                    utf8.append(0xC0 | byte >> 6)
                    utf8.append(0x80 | byte & 0x3F)
                }
            }
        } else {
            utf8 = Array(body)
            guard String(validating: utf8, as: UTF8.self) != nil else { return .failure(.unsupportedEncoding("UTF-8 non valido")) }
        }
        if let nul = utf8.firstIndex(of: 0) {
            let lineStart = utf8[..<nul].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let line = 1 + utf8[..<nul].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            return .failure(.malformed(line: line, column: nul - lineStart + 1))
        }
        return .success(utf8)
    }

    /// Returns whether `bytes` start with an XML declaration as libxml2 recognises one: `<?xml`
    /// followed by white space.
    private static func startsWithDeclaration(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.starts(with: Array("<?xml".utf8)) && bytes.count > 5 && isWhiteSpace(bytes[bytes.startIndex + 5])
    }

    /// Returns whether `byte` is XML white space: space, tab, line feed or carriage return.
    private static func isWhiteSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// Returns the value of `encoding="…"` in an XML declaration (white space allowed around
    /// `=`, either quote), nil when there is none, or ``XMLError/unsupportedEncoding(_:)`` when
    /// `encoding` is there but not in that form.
    private static func declaredEncoding(_ declaration: String) -> Result<String?, XMLError> {
        guard let range = declaration.range(of: "encoding") else { return .success(nil) }
        var rest = declaration.utf8[range.upperBound...].drop(while: isWhiteSpace)
        guard rest.first == UInt8(ascii: "=") else { return .failure(.unsupportedEncoding(String(declaration[range.lowerBound...]))) }
        rest = rest.dropFirst().drop(while: isWhiteSpace)
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'"),
            let end = rest.dropFirst().firstIndex(of: quote)
        else { return .failure(.unsupportedEncoding(String(declaration[range.lowerBound...]))) }
        return .success(String(decoding: rest[rest.index(after: rest.startIndex)..<end], as: UTF8.self))
    }

    /// Returns the document converted from UTF-16 to UTF-8 when it starts with a UTF-16 byte
    /// order mark or `<` in UTF-16 (its XML declaration, which names UTF-16, kept), otherwise nil.
    /// Fails with ``XMLError/unsupportedEncoding(_:)`` for UTF-32 and malformed UTF-16.
    private static func utf16Converted(_ bytes: [UInt8]) -> Result<[UInt8]?, XMLError> {
        guard bytes.count >= 4 else { return .success(nil) }
        let head = (bytes[0], bytes[1], bytes[2], bytes[3])
        if head == (0, 0, 0xFE, 0xFF) || head == (0xFF, 0xFE, 0, 0) || head == (0, 0, 0, 0x3C) || head == (0x3C, 0, 0, 0) {
            return .failure(.unsupportedEncoding("UTF-32"))
        }
        let bigEndian: Bool
        var start = 0
        switch head {
        case (0xFE, 0xFF, _, _):
            bigEndian = true
            start = 2
        case (0xFF, 0xFE, _, _):
            bigEndian = false
            start = 2
        case (0, 0x3C, 0, _): bigEndian = true
        case (0x3C, 0, _, 0): bigEndian = false
        default: return .success(nil)
        }
        var units: [UInt16] = []
        units.reserveCapacity((bytes.count - start) / 2)
        var index = start
        while index + 1 < bytes.count {
            units.append(bigEndian ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]) : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index]))
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else { return .failure(.unsupportedEncoding("UTF-16 non valido")) }
        return .success(Array(text.utf8))
    }

    /// Returns the document with every `<?` + target + `?>` (a processing instruction without
    /// data, such as `<?x?>`) broken up, and otherwise unchanged. FoundationXML passes the null data
    /// pointer libxml2 gives for such an instruction on to a function that reads it as a C string,
    /// and the process crashes.
    ///
    /// The pattern (its target made of bytes a name can have) is looked for everywhere, whatever
    /// the context, so that libxml2 does not meet it even in a malformed document it reads on past
    /// an error (the document it reads is exactly these bytes: see `utf8Document`). Inside a CDATA section, where it is text, the section is split there
    /// (`<?x]]><![CDATA[?>`), and the text read is the same. Elsewhere a space follows the target
    /// (`<?x ?>`): the instruction then has empty data, a document is well-formed with it exactly
    /// when it is without, and this reader reports no instruction. Only the columns of an error
    /// later on the same line move.
    static func withDataInEveryProcessingInstruction(_ bytes: [UInt8]) -> [UInt8] {
        var insertions: [(at: Int, inCDATA: Bool)] = []
        bytes.withUnsafeBufferPointer { buffer in
            /// Returns whether `prefix` starts at `index`.
            func starts(_ prefix: StaticString, at index: Int) -> Bool {
                let count = prefix.utf8CodeUnitCount
                return index + count <= buffer.count && (0..<count).allSatisfy { buffer[index + $0] == prefix.utf8Start[$0] }
            }
            /// Returns the index just past the first `terminator` at or after `start`, or the end.
            func end(of terminator: StaticString, from start: Int) -> Int {
                var index = start
                while index < buffer.count && !starts(terminator, at: index) { index += 1 }
                return min(index + terminator.utf8CodeUnitCount, buffer.count)
            }
            // The comment, CDATA section or processing instruction the scan is in ends at
            // `contextEnd`; comments and instructions need no care, only CDATA sections.
            var contextEnd = 0
            var inCDATA = false
            var index = 0
            while let open = buffer[index...].firstIndex(of: UInt8(ascii: "<")) {
                if open >= contextEnd {
                    inCDATA = false
                    if starts("<!--", at: open) {
                        contextEnd = end(of: "-->", from: open + 4)
                    } else if starts("<![CDATA[", at: open) {
                        contextEnd = end(of: "]]>", from: open + 9)
                        inCDATA = true
                    } else if starts("<?", at: open) {
                        contextEnd = end(of: "?>", from: open + 2)
                    }
                }
                if starts("<?", at: open) {
                    // The target: a byte a name can start with (an ASCII letter, `_`, `:` or any
                    // byte of a non-ASCII character), then bytes a name can have (digits, `.`, `-`
                    // too). The targets of two `<?` never overlap.
                    var targetEnd = open + 2
                    if targetEnd < buffer.count && isNameStartByte(buffer[targetEnd]) {
                        while targetEnd < buffer.count && (isNameStartByte(buffer[targetEnd]) || isNameByte(buffer[targetEnd])) { targetEnd += 1 }
                        if starts("?>", at: targetEnd) { insertions.append((targetEnd, inCDATA)) }
                    }
                }
                index = open + 1
            }
        }
        guard !insertions.isEmpty else { return bytes }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count + 12 * insertions.count)
        var copied = 0
        for insertion in insertions {
            result += bytes[copied..<insertion.at]
            if insertion.inCDATA { result += cdataSplit } else { result.append(0x20) }
            copied = insertion.at
        }
        result += bytes[copied...]
        return result
    }

    /// What splits a CDATA section in two.
    private static let cdataSplit = Array("]]><![CDATA[".utf8)

    /// Returns whether an XML name can start with `byte`: an ASCII letter, `_`, `:`, or any byte of
    /// a non-ASCII character (more than names allow, never less).
    private static func isNameStartByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), 0x80...0xFF, UInt8(ascii: "_"), UInt8(ascii: ":"): true
        default: false
        }
    }

    /// Returns whether `byte` can be in an XML name after its first character besides the bytes it
    /// can start with: an ASCII digit, `.` or `-`.
    private static func isNameByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// Returns whether a start tag in `bytes` (`<` and a byte a name can start with, up to the
    /// next `>` outside quotes) has more than `limit` signs `=` outside quotes: an attribute each.
    /// Tags inside comments and CDATA sections count too, which can only refuse more.
    static func hasElement(withMoreAttributesThan limit: Int, in bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while let open = buffer[index...].firstIndex(of: UInt8(ascii: "<")) {
                var cursor = open + 1
                guard cursor < buffer.count, isNameStartByte(buffer[cursor]) else {
                    index = cursor
                    continue
                }
                var attributes = 0
                var quote: UInt8 = 0
                while cursor < buffer.count {
                    let byte = buffer[cursor]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: "=") {
                        attributes += 1
                        if attributes > limit { return true }
                    } else if byte == UInt8(ascii: ">") {
                        break
                    }
                    cursor += 1
                }
                index = cursor
            }
            return false
        }
    }

    /// Returns whether the document contains `<!DOCTYPE` or `<!ENTITY` (in any case) anywhere.
    private static func hasDoctype(_ bytes: [UInt8]) -> Bool {
        let doctype = Array("DOCTYPE".utf8)
        let entity = Array("ENTITY".utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            while index + 1 < buffer.count {
                if buffer[index] == 0x3C && buffer[index + 1] == 0x21 {  // "<!"
                    for word in [doctype, entity] where buffer.count - index - 2 >= word.count {
                        if (0..<word.count).allSatisfy({ buffer[index + 2 + $0] & 0xDF == word[$0] }) { return true }
                    }
                }
                index += 1
            }
            return false
        }
    }
}

/// The `XMLParser` delegate: resolves attribute prefixes, joins text and passes events on until
/// the callback says stop.
private final class EventDelegate: NSObject, XMLParserDelegate {
    /// Receives the events; returns false to stop.
    let callback: (XMLEvent) -> Bool
    /// The namespace URIs bound to each prefix, innermost last.
    var prefixes: [String: [String]] = ["xml": [XMLName.xmlNamespace]]
    /// The text gathered since the last tag.
    var text = ""
    /// Whether the callback said stop.
    var stopped = false
    /// How many elements are open.
    var depth = 0
    /// Whether an element has started.
    var sawRoot = false
    /// Where libxml2 reported its first error, warnings aside.
    var firstError: (line: Int, column: Int)?

    /// The codes of libxml2's warnings (`XML_WAR_…` in `libxml/xmlerror.h`): an undeclared
    /// entity, a catalog instruction, an unknown XML version, an `xml:lang` or `xml:space` value,
    /// a namespace URI that is not absolute or is relative, a colon in a name, a redefined entity.
    static let warningCodes: Set<Int> = [27, 93, 97, 98, 99, 100, 102, 106, 107]

    /// Returns a delegate passing events to `callback`.
    init(_ callback: @escaping (XMLEvent) -> Bool) {
        self.callback = callback
    }

    /// Passes `event` on; aborts `parser` if the callback says stop.
    func send(_ event: XMLEvent, _ parser: XMLParser?) {
        guard !stopped else { return }
        if !callback(event) {
            stopped = true
            parser?.abortParsing()
        }
    }

    /// Passes on the text gathered since the last tag, if any.
    func flush(_ parser: XMLParser? = nil) {
        guard !text.isEmpty else { return }
        let gathered = text
        text = ""
        send(.text(gathered), parser)
    }

    /// Binds `prefix` to `namespaceURI` in the element that starts next.
    func parser(_ parser: XMLParser, didStartMappingPrefix prefix: String, toURI namespaceURI: String) {
        prefixes[prefix, default: []].append(namespaceURI)
    }

    /// Ends the innermost binding of `prefix`.
    func parser(_ parser: XMLParser, didEndMappingPrefix prefix: String) {
        _ = prefixes[prefix]?.popLast()
    }

    /// Passes on the gathered text, then the start of the element with its attributes resolved.
    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        flush(parser)
        depth += 1
        sawRoot = true
        var attributes: [(name: XMLName, value: String)] = []
        attributes.reserveCapacity(attributeDict.count)
        for (key, value) in attributeDict {
            if let colon = key.firstIndex(of: ":") {
                let prefix = String(key[..<colon])
                attributes.append((XMLName(prefixes[prefix]?.last ?? prefix, String(key[key.index(after: colon)...])), value))
            } else {
                attributes.append((XMLName("", key), value))
            }
        }
        send(.start(XMLName(namespaceURI ?? "", elementName), XMLAttributes(all: attributes)), parser)
    }

    /// Passes on the gathered text, then the end of the element.
    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        flush(parser)
        depth -= 1
        send(.end(XMLName(namespaceURI ?? "", elementName)), parser)
    }

    /// Records where the first error is. libxml2 reads on past errors (FoundationXML sets its
    /// recovery mode), and FoundationXML counts an error at the very end, such as content after
    /// the root element, as success: `<a x="1" x="2"/>t` or an undeclared namespace prefix would
    /// otherwise pass, with the last value or a wrong namespace.
    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        guard !stopped, firstError == nil, !Self.warningCodes.contains((parseError as NSError).code) else { return }
        firstError = (parser.lineNumber, parser.columnNumber)
    }

    /// Gathers text.
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stopped { text += string }
    }

    /// Gathers whitespace as text.
    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        if !stopped { text += whitespaceString }
    }

    /// Gathers a CDATA section as text.
    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stopped { text += String(decoding: CDATABlock, as: UTF8.self) }
    }
}
