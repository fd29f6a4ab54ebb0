import PotenziamentoFormats

/// Reading an input file's bytes and text, with every failure as a diagnostic that names the
/// file (docs/regole.md, «Messaggi»): missing, a folder, a loop of links, too large (checked while
/// reading, also for devices and pipes), empty, UTF-16, binary, not UTF-8.
enum InputFile {
    /// The bytes of `path`.
    ///
    /// - Throws: ``InputError`` with ``DiagnosticCode/fileInesistente``,
    ///   ``DiagnosticCode/fileIlleggibile`` or ``DiagnosticCode/fileTroppoGrande``.
    static func bytes(_ path: String) throws(InputError) -> [UInt8] {
        let place = SourcePlace(file: path)
        switch FileReading.read(path, maximumSize: Bounds.maximumFileSize, textOnly: true) {
        case .success(let bytes): return bytes
        case .failure(.notFound): throw InputError(.fileInesistente, place, "file o cartella inesistente")
        case .failure(.isDirectory): throw InputError(.fileIlleggibile, place, "è una cartella, non un file")
        case .failure(.permissionDenied): throw InputError(.fileIlleggibile, place, "impossibile leggere il file: permesso negato")
        case .failure(.symbolicLinkLoop): throw InputError(.fileIlleggibile, place, "collegamento simbolico circolare: il percorso rimanda a se stesso")
        case .failure(.tooLarge(let maximum)):
            let size = maximum % (1 << 30) == 0 ? "\(maximum >> 30) GiB" : "\(NumberFormatting.italian(maximum >> 20)) MiB"
            throw InputError(.fileTroppoGrande, place, "il file supera \(size): non è un file di dati plausibile")
        case .failure(.zeroByte): throw InputError(.codificaNonValida, place, "il file contiene byte nulli: non è un file di testo (CSV o JSON)")
        case .failure(.failed(let reason)): throw InputError(.fileIlleggibile, place, "errore di lettura (\(reason))")
        }
    }

    /// The UTF-8 text of `bytes` read from `file` and, when it was read as Windows-1252, the
    /// warning that says so.
    ///
    /// - Parameter allowsWindows1252: CSV files may be Windows-1252 (Excel on Italian Windows);
    ///   JSON must be UTF-8 and is refused at the first bad byte.
    /// - Throws: ``InputError`` with ``DiagnosticCode/fileVuoto`` or ``DiagnosticCode/codificaNonValida``.
    static func text(_ bytes: [UInt8], file: String, allowsWindows1252: Bool) throws(InputError) -> (text: TextDecoding.Decoded, warning: InputDiagnostic?) {
        let place = SourcePlace(file: file)
        switch TextDecoding.decode(bytes, allowsWindows1252: allowsWindows1252) {
        case .success(let decoded):
            if case .windows1252 = decoded {
                return (
                    decoded,
                    InputDiagnostic(
                        .warning, .codificaWindows1252, place,
                        "il file non è in UTF-8: letto come Windows-1252 (il CSV di Excel in italiano); controlla le lettere accentate")
                )
            }
            return (decoded, nil)
        case .failure(.empty): throw InputError(.fileVuoto, place, "il file è vuoto")
        case .failure(.utf16):
            // How to save it again: a CSV from a spreadsheet, a JSON from an editor (a trial of the documents).
            let how =
                allowsWindows1252
                ? "in Excel: «CSV UTF-8»; in LibreOffice: set di caratteri Unicode (UTF-8)" : "nell'editor di testo scegli la codifica UTF-8"
            throw InputError(.codificaNonValida, place, "il file è in UTF-16: salvalo come UTF-8 (\(how))")
        case .failure(.zeroByte(let offset)):
            // At its line and column, as an invalid byte (a trial: the byte's offset alone said little).
            let (line, column) = TextDecoding.position(of: offset, in: bytes)
            throw InputError(
                .codificaNonValida, SourcePlace(file: file, position: .text(line: line, column: column)),
                "il file contiene byte nulli (posizione \(offset)): non è un file di testo (CSV o JSON); se il resto è testo, cancella il carattere nullo in questo punto"
            )
        case .failure(.mixedEncodings(let utf8Offset, let otherOffset)):
            // Read as Windows-1252 the UTF-8 part's letters change (a trial of HR exports joined:
            // «Niccolò» became «NiccolÃ²», one person counted twice).
            let (utf8Line, _) = TextDecoding.position(of: utf8Offset, in: bytes)
            let (line, column) = TextDecoding.position(of: otherOffset, in: bytes)
            throw InputError(
                .codificaNonValida, SourcePlace(file: file, position: .text(line: line, column: column)),
                "il file mescola due codifiche: la riga \(utf8Line) è in UTF-8, la riga \(line) no (Windows-1252, il CSV di Excel in italiano); forse sono due esportazioni unite, e le lettere accentate di una delle due parti risulterebbero sbagliate (gli id con accenti diventerebbero altre persone): salva di nuovo il file tutto in una codifica (in Excel «CSV UTF-8»; in LibreOffice set di caratteri Unicode UTF-8) e controlla le lettere accentate"
            )
        case .failure(.invalidUTF8(let offset)):
            let (line, column) = TextDecoding.position(of: offset, in: bytes)
            throw InputError(
                .codificaNonValida, SourcePlace(file: file, position: .text(line: line, column: column)),
                "byte non valido in UTF-8 (posizione \(offset)): un file JSON deve essere in UTF-8; salvalo di nuovo come UTF-8")
        }
    }
}
