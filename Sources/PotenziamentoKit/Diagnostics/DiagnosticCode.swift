/// The stable code of a problem found in an input, for programs to switch on
/// (docs/regole.md, «Messaggi»). The raw values are part of the output contract of
/// `potenziamento valida --formato json` and never change meaning.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    // MARK: Files
    /// The file or folder does not exist.
    case fileInesistente = "file_inesistente"
    /// The file exists but cannot be read (permissions, a folder where a file is expected, a loop of links).
    case fileIlleggibile = "file_illeggibile"
    /// The file is empty.
    case fileVuoto = "file_vuoto"
    /// The file is larger than any input of the domain (RosterBounds).
    case fileTroppoGrande = "file_troppo_grande"
    /// The file is not text or not in an encoding the readers accept (UTF-16, NUL bytes, invalid UTF-8 in JSON).
    case codificaNonValida = "codifica_non_valida"
    /// The file was read as Windows-1252 (warning).
    case codificaWindows1252 = "codifica_windows_1252"
    /// The kind of file is not one the command reads (`.xls`, a PDF, a CSV file instead of its folder).
    case formatoNonSupportato = "formato_non_supportato"
    /// A JSON document that is not valid JSON.
    case sintassiJSON = "sintassi_json"
    /// A CSV file that cannot be split into cells (an unclosed quote).
    case sintassiCSV = "sintassi_csv"
    /// A workbook that cannot be read (damaged archive, missing sheet, limits passed).
    case cartellaDiLavoroNonValida = "cartella_di_lavoro_non_valida"
    /// The `formato` of a JSON document is not the expected one.
    case formatoDocumento = "formato_documento"
    /// A document this program writes (a report, the input of `ciclo`) given where an ATS is due
    /// (saved into a folder of ATS by an earlier run): in a folder of ATS a warning, the file is
    /// not computed; given by name, an error.
    case rapportoDelProgramma = "rapporto_del_programma"
    /// A required file of a CSV folder, or a required sheet of a workbook, is missing.
    case fileMancante = "file_mancante"

    // MARK: Structure
    /// A column (or JSON key) that the format does not have: a typo must not be ignored.
    case colonnaSconosciuta = "colonna_sconosciuta"
    /// A required column or JSON key is missing.
    case campoMancante = "campo_mancante"
    /// A column or JSON key given twice.
    case campoRipetuto = "campo_ripetuto"
    /// An empty header cell.
    case intestazioneVuota = "intestazione_vuota"
    /// A value of the wrong kind (a text where a number is expected, an object for a list).
    case tipoErrato = "tipo_errato"
    /// A row with more (or fewer) cells than the header.
    case numeroDiCampi = "numero_di_campi"
    /// A row skipped because it is one of the templates' example rows (`# ESEMPIO`): a warning.
    case rigaDiEsempio = "riga_di_esempio"
    /// A row beginning with `#` that is not one of the templates' example rows.
    case rigaCommentata = "riga_commentata"
    /// A file with no data rows where some are needed.
    case nessunDato = "nessun_dato"
    /// More records, comuni or cells than the bounds allow.
    case troppiDati = "troppi_dati"
    /// More problems than are listed one by one: the count of the others by kind.
    case altriProblemi = "altri_problemi"

    // MARK: Values
    /// A required value left empty.
    case valoreVuoto = "valore_vuoto"
    /// A number that cannot be read (`22,5x`, `1e3`).
    case numeroNonValido = "numero_non_valido"
    /// A percentuale outside (1, 100].
    case percentualeFuoriIntervallo = "percentuale_fuori_intervallo"
    /// Weekly hours outside (0, full time], or full-time hours outside their range.
    case oreNonValide = "ore_non_valide"
    /// Both a percentuale and weekly hours, or neither.
    case quotaAmbigua = "quota_ambigua"
    /// A date that cannot be read or does not exist.
    case dataNonValida = "data_non_valida"
    /// A date outside 1900-2200, or a year outside the years computed (2021-2200).
    case dataFuoriIntervallo = "data_fuori_intervallo"
    /// A period whose end comes before its start.
    case periodoInvertito = "periodo_invertito"
    /// Two periods of the same person overlap.
    case periodiSovrapposti = "periodi_sovrapposti"
    /// A `profilo` outside the vocabulary.
    case profiloSconosciuto = "profilo_sconosciuto"
    /// A `contratto` outside the vocabulary.
    case contrattoSconosciuto = "contratto_sconosciuto"
    /// An `ente.tipo` outside the vocabulary.
    case enteSconosciuto = "ente_sconosciuto"
    /// An area code outside the five areas.
    case areaSconosciuta = "area_sconosciuta"
    /// Area shares that do not add up to 100, or a share outside [0, 100].
    case ripartizioneAree = "ripartizione_aree"
    /// A yes/no value that cannot be read.
    case valoreSiNo = "valore_si_no"
    /// Residents that are not a positive whole number up to 100 million.
    case popolazioneNonValida = "popolazione_non_valida"
    /// No residents for a year the command needs.
    case popolazioneMancante = "popolazione_mancante"
    /// A year that cannot be read.
    case annoNonValido = "anno_non_valido"
    /// A comune (ISTAT code) given twice.
    case comuneRipetuto = "comune_ripetuto"
    /// A staff record refers to a comune that is not in the ATS.
    case comuneSconosciuto = "comune_sconosciuto"
    /// A comune employer without its ISTAT code.
    case codiceIstatMancante = "codice_istat_mancante"
    /// An ISTAT code that does not have six digits: a warning for text (a spreadsheet may have
    /// dropped a zero), an error for a number cell of a workbook (it has).
    case codiceIstatSospetto = "codice_istat_sospetto"
    /// An ISTAT code that is not a number of at most six digits (`TOTALE`, `99003.0`).
    case codiceIstatNonValido = "codice_istat_non_valido"
    /// A row of totals (`Totale`) among the comuni or the ATS of a table: the program makes its own.
    case rigaDiTotale = "riga_di_totale"
    /// A row of a workbook hidden or filtered out: it is read all the same (a warning).
    case rigaNascosta = "riga_nascosta"
    /// A row of a workbook whose values are all struck through (how an office marks a person who
    /// left): read and counted like the others. A warning.
    case rigaBarrata = "riga_barrata"
    /// A title above the header row (`Personale ATS 2025`): the header must be the first row.
    case rigaDelTitolo = "riga_del_titolo"
    /// A column of a workbook hidden, with values: they are read all the same (a warning).
    case colonnaNascosta = "colonna_nascosta"
    /// A sheet of a workbook hidden and read (a warning: a person may have edited a visible copy).
    case foglioNascosto = "foglio_nascosto"
    /// A sheet of a roster workbook the program does not read (a warning when it holds something).
    case foglioIgnorato = "foglio_ignorato"
    /// A file of a roster folder the program does not read that could hold the roster's data (a
    /// CSV file of another name, a workbook): a warning, so that a copy with the data is not
    /// left aside in silence.
    case fileIgnorato = "file_ignorato"
    /// A roster without any person (a warning: the contribution is zero).
    case nessunaPersona = "nessuna_persona"
    /// Two records with the same person id (compared ignoring case and surrounding spaces).
    case idRipetuto = "id_ripetuto"
    /// Two person ids of one shape (the same letters and numbers, other signs, case, accents or
    /// leading zeros: `AS-008`, `AS-0008`, `AS–008`; docs/regole.md §3, «Id simili»): likely one
    /// person written twice, who would count twice (a warning).
    case idSimile = "id_simile"
    /// The rows of one person disagree on a person-level column.
    case personaIncoerente = "persona_incoerente"
    /// The ATS has no comuni.
    case ambitoSenzaComuni = "ambito_senza_comuni"
    /// An ATS code given twice in a national table.
    case ambitoRipetuto = "ambito_ripetuto"
    /// An FTE figure outside [0, 10 million].
    case fteNonValidi = "fte_non_validi"
    /// An amount of money that cannot be read or is out of range.
    case importoNonValido = "importo_non_valido"
    /// A value beyond the bounds of the domain (docs/regole.md, «Limiti»).
    case fuoriMisura = "fuori_misura"

    // MARK: Warnings about the data
    /// A person with no periods of service at all.
    case nessunPeriodo = "nessun_periodo"
    /// A period that starts before ``Bounds/plausibleStartYear`` (1960): most likely a year typed
    /// with two digits, which spreadsheets read as 19xx (`1/4/30` is 1930): a warning.
    case dataImprobabile = "data_improbabile"
    /// One to three days without service between two periods of one person (al 30/06, dal
    /// 02/07): most likely a date typed a day off; the days do not count. A warning.
    case interruzioneBreve = "interruzione_breve"
    /// A profile or contract whose text states a share of full time that a period contradicts
    /// (`tempo indeterminato part time` at 100 %, `tempo pieno e indeterminato` at 50 %): one
    /// of the two is wrong. A warning.
    case quotaDiversaDalTesto = "quota_diversa_dal_testo"
    /// A figure out of scale (a comune of more than 3 million residents, an ATS with an
    /// assistente sociale for fewer than 500 residents): most likely a thousands separator. A warning.
    case valoreImprobabile = "valore_improbabile"
    /// Staff of a kind whose acronym names a health body in the ATS's region (`ATS` in
    /// Lombardy, `ASP` in Sicily): counted without a delega if the acronym meant that body. A warning.
    case siglaAmbigua = "sigla_ambigua"
    /// Staff of the comune capofila naming two different comuni as the capofila: an ATS in
    /// convenzione has one capofila, so one of the codes is mistyped. A warning.
    case capofilaDiversi = "capofila_diversi"
    /// An id written with letters of UTF-8 read as Windows-1252 («NiccolÃ²»): the same person
    /// written rightly elsewhere counts twice. A warning.
    case testoMalCodificato = "testo_mal_codificato"
    /// A hole in the years of a cycle (2023, 2024, 2032): most likely a year typed wrong. A warning.
    case anniMancanti = "anni_mancanti"
    /// A counted person with no service in the year.
    case nessunServizioNellAnno = "nessun_servizio_nell_anno"
    /// A counted person with no area split: their FTE go to `non_indicata`.
    case areeNonIndicate = "aree_non_indicate"
    /// A value given where it has no effect (delegaFunzioni on a comune).
    case valoreIgnorato = "valore_ignorato"
    /// One residents figure used for every year: check it is the one at 1 January of the year.
    case popolazioneUnica = "popolazione_unica"
    /// A comune with a figure without a year beside figures of given years (the figure without a
    /// year stands for the other years only): most likely a row left over. A warning.
    case rigaSenzaAnno = "riga_senza_anno"
    /// A workbook formula without a stored value, or a number cell rounded to what the spreadsheet shows.
    case valoreDelFoglio = "valore_del_foglio"
    /// An entry of a folder of ATS that is neither an ATS folder nor a roster file.
    case voceNonRiconosciuta = "voce_non_riconosciuta"
    /// A document computed with a parameter whose value is not the one in force here (a
    /// prospetto read by `ciclo` with another `--parametro`).
    case parametroDiverso = "parametro_diverso"
}
