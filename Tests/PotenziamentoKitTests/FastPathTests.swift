import Testing

@testable import PotenziamentoKit

/// The shortcuts taken for speed give exactly what the general code gives.
@Suite("Fast paths agree with the general code")
struct FastPathTests {
    @Test("the ASCII normalisation of the vocabularies equals the one by characters")
    func asciiNormalisation() {
        var samples = [
            "", " ", "assistente_sociale", "Assistente Sociale", "  a tempo  indeterminato ", "T.I.", "t.i", "tempo-indeterminato",
            "Unione di comuni", "co.co.co.", "altro: tirocinio", "di_ruolo/part time", "'x'", "\t tab\t", "a\r\nb", "A..B", "__", "x-", "-x",
        ]
        var state: UInt64 = 17
        let alphabet = Array("aZ _-/'.\t:09q\r\n".utf8)
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 12) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes.append(alphabet[Int(state >> 33) % alphabet.count])
            }
            samples.append(String(decoding: bytes, as: UTF8.self))
            state = state &* 6_364_136_223_846_793_005 &+ 1
        }
        for sample in samples {
            #expect(Vocabulary.normalizedASCII(sample) == Vocabulary.normalizedCharacters(sample), "«\(sample)»")
        }
        #expect(Vocabulary.normalized("Società della Salute") == "societa della salute")
    }

    @Test("the byte scan for control characters agrees with the scalars")
    func controlCharacters() {
        let samples = [
            "", "«AS-001» non ha la ripartizione", "Forlì", "\u{85}x", "a\u{9F}", "\u{A0}", "\u{7F}", "tab\t", "line\n", "¬©»«", "\u{80}", "\u{C0}\u{80}",
            "ok",
        ]
        for sample in samples {
            #expect(TextSafety.hasControlCharacters(sample) == sample.unicodeScalars.contains(where: TextSafety.isControl), "«\(sample)»")
        }
    }

    @Test("the byte search of the vocabularies agrees with String.contains")
    func byteSearch() {
        for text in ["assistente sociale", "assistente sociale coordinatore", "dott assistente sociale", "assistente socia", "", "assistente  sociale", "x"] {
            #expect(Vocabulary.contains(text, "assistente sociale") == text.contains("assistente sociale"), "«\(text)»")
        }
    }

    @Test("a profile or contract written as its code is what the vocabulary gives for it")
    func codes() throws {
        for kind in Profile.Kind.allCases {
            #expect(try Profile(kind.rawValue).kind == kind)
            #expect(try Profile(" \(kind.rawValue)").kind == kind)
        }
        for kind in Contract.Kind.allCases {
            #expect(try Contract(kind.rawValue).kind == kind)
            #expect(try Contract(" \(kind.rawValue)").kind == kind)
        }
    }
}
