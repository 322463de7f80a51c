import Foundation

/// The names chemists write for what a catalyst ends on (`target.support` of a recipe, `plan --support`), brought to one
/// spelling, so that `N-C`, `NC`, `N-doped carbon` and `nitrogen-doped carbon` are the same support.
public enum SupportName {
    /// The spelling used for the nitrogen-doped carbon that a pyrolysed framework leaves (the M–N–C of the review).
    public static let nitrogenDopedCarbon = "N-doped carbon"

    /// Ways of writing nitrogen-doped carbon, compared as lower-case letters and digits only. "CN" is left out: it is
    /// also written for carbon nitride (g-C3N4), another support.
    static let nitrogenDopedCarbonNames: Set<String> = [
        "nc", "ndopedcarbon", "nitrogendopedcarbon", "ndopedporouscarbon", "nitrogendopedporouscarbon", "ncarbon",
        "ndopedc",
    ]

    /// A name compared: lower case, letters and digits only.
    public static func key(_ written: String) -> String { written.lowercased().filter { $0.isLetter || $0.isNumber } }

    /// The support's usual spelling: `N-doped carbon` for any way of writing it, otherwise the name as written (a
    /// framework, named as the framework catalog names it).
    public static func canonical(_ written: String) -> String {
        let trimmed = written.trimmingCharacters(in: .whitespacesAndNewlines)
        return nitrogenDopedCarbonNames.contains(key(trimmed)) ? nitrogenDopedCarbon : trimmed
    }

    /// Whether two written supports are the same support.
    public static func same(_ a: String, _ b: String) -> Bool { key(canonical(a)) == key(canonical(b)) }
}
