/// The official values of the measure's parameters, each with its legal reference.
///
/// Sources: `shared/domain/sources.md` §1-2 (L. 178/2020, art. 1, commi 797-804; DM 15/2021;
/// DM 144/2021). Where the sources only report a provision, the note says so.
extension ParameterTable {
    /// L. 178/2020 in the Gazzetta Ufficiale (ELI).
    static let law178URL = "https://www.gazzettaufficiale.it/eli/id/2020/12/30/20G00202/sg"
    static let law178 = "L. 30 dicembre 2020, n. 178"

    /// The parameters in force by law, from 2021.
    public static let official = ParameterTable(complete: [
        ParameterHistory(
            name: .importoFasciaA,
            values: [
                DatedValue(
                    fromYear: 2021, value: .money(EuroCents(euros: 40_000)),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 797, lett. a)", url: law178URL,
                        note: "40.000 euro annui per AS a tempo indeterminato, in FTE, oltre 1/6.500 e fino a 1/5.000"))
            ]),
        ParameterHistory(
            name: .importoFasciaB,
            values: [
                DatedValue(
                    fromYear: 2021, value: .money(EuroCents(euros: 20_000)),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 797, lett. b)", url: law178URL,
                        note: "20.000 euro annui per AS a tempo indeterminato, in FTE, oltre 1/5.000 e fino a 1/4.000"))
            ]),
        ParameterHistory(
            name: .rapportoSogliaMinima,
            values: [
                DatedValue(
                    fromYear: 2021, value: .residentsPerSocialWorker(6_500),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 797, lett. a)", url: law178URL,
                        note: "sotto il rapporto 1/6.500 non spetta alcun contributo"))
            ]),
        ParameterHistory(
            name: .rapportoLEP,
            values: [
                DatedValue(
                    fromYear: 2021, value: .residentsPerSocialWorker(5_000),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 797 (LEP; L. 328/2000, art. 8, comma 3, lett. a)",
                        url: law178URL, note: "livello essenziale delle prestazioni: 1 AS ogni 5.000 residenti"))
            ]),
        ParameterHistory(
            name: .rapportoObiettivo,
            values: [
                DatedValue(
                    fromYear: 2021, value: .residentsPerSocialWorker(4_000),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 797 (obiettivo di servizio)", url: law178URL,
                        note: "ulteriore obiettivo di servizio: 1 AS ogni 4.000 residenti"))
            ]),
        ParameterHistory(
            name: .fondoAnnuo,
            values: [
                DatedValue(
                    fromYear: 2021, value: .money(EuroCents(euros: 180_000_000)),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, commi 797-799 (Fondo Povertà, quota servizi)",
                        url: "https://temi.camera.it/leg18/temi/tl18_povert_estreme.html",
                        note: "180 milioni annui strutturali sulla quota servizi del Fondo Povertà (fonte secondaria)")),
                DatedValue(
                    fromYear: 2024, value: .money(EuroCents(euros: 180_000_000)),
                    reference: LegalReference(
                        act: "Fondo Povertà, riparto 2024-2026", provision: "quota servizi, riserva comma 797",
                        url: "https://www.welforum.it/il-punto/un-paese-in-attesa-dei-leps/il-potenziamento-del-servizio-sociale",
                        note: "180 milioni riconfermati per il triennio 2024-2026 (fonte secondaria)")),
            ]),
        ParameterHistory(
            name: .scadenzaProspetto,
            values: [
                DatedValue(
                    fromYear: 2021, value: .dayOfYear(month: 2, day: 28),
                    reference: LegalReference(
                        act: law178, provision: "art. 1, comma 798", url: "https://www.lavoro.gov.it/node/5620",
                        note: "prospetto riassuntivo su SIOSS entro il 28 febbraio (consuntivo anno precedente, previsione anno in corso)"))
            ]),
        ParameterHistory(
            name: .scadenzaDecreto,
            values: [
                DatedValue(
                    fromYear: 2021, value: .dayOfYear(month: 6, day: 30),
                    reference: LegalReference(
                        act: "D.M. 25 giugno 2021, n. 144", provision: "art. 2 (L. 178/2020, art. 1, commi 798-800)",
                        url: "https://www.lavoro.gov.it/node/5620",
                        note: "entro il 30 giugno il decreto liquida l'anno precedente e prenota l'anno in corso"))
            ]),
    ])
}
