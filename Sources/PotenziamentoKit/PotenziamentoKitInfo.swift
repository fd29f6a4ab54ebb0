/// PotenziamentoKit: the contribution of L. 30 dicembre 2020, n. 178, art. 1, commi 797-804
/// (potenziamento del servizio sociale professionale) as exact, explainable numbers.
public enum PotenziamentoKitInfo {
    /// The version of the library and of the `potenziamento` command.
    public static let version = "0.1.0"
}
