/// The one way a `Double` becomes an `Int` in Anchorage. `Int(someDouble)` traps on NaN, on an infinity and on anything
/// beyond ±9.2e18, and every number here comes from a file someone wrote: a stir time of 1e300 h or a cell length of
/// 1e-300 Å must give a message, never a crash.
extension Int {
    /// `value` rounded by `rule`, or nil when it is NaN, infinite or outside Int's range.
    public init?(checked value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        let whole = value.rounded(rule)
        // 2^63 is exactly representable; every finite Double below it in magnitude converts.
        guard whole.isFinite, whole >= -9_223_372_036_854_775_808.0, whole < 9_223_372_036_854_775_808.0 else { return nil }
        self.init(whole)
    }

    /// `value` rounded by `rule` and held to `Int.min...Int.max`; NaN becomes `nan` (0 unless told).
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .towardZero, nan: Int = 0) {
        if value.isNaN {
            self = nan
        } else if let exact = Int(checked: value, rounding: rule) {
            self = exact
        } else {
            self = value > 0 ? .max : .min
        }
    }
}

extension Int32 {
    /// `value` rounded by `rule` and held to `Int32`'s range; NaN becomes 0.
    public init(saturating value: Double, rounding rule: FloatingPointRoundingRule = .towardZero) {
        self = Int32(clamping: Int(saturating: value, rounding: rule))
    }
}
