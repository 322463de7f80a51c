import Foundation
import FuzzerDriver
import AnchorageCore

enum Shared {
    static let elements = try? PeriodicTable.bundled()
}

/// One input: a written formula, read and weighed.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: UnsafeBufferPointer(start: data, count: size), as: UTF8.self) else { return 0 }
    guard let formula = try? ChemicalFormula(parsing: text) else { return 0 }
    if let elements = Shared.elements { _ = try? formula.molarMass(in: elements) }
    _ = formula.metalSymbols
    return 0
}

exit(anchorage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzzFormula(data, size)
})
