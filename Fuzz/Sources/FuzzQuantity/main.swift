import Foundation
import FuzzerDriver
import AnchorageCore

/// One input: the first byte chooses the dimensions expected, the rest is the written quantity.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzQuantity(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    guard let text = String(validating: bytes.dropFirst(), as: UTF8.self) else { return 0 }
    let all = AnchorageCore.Dimension.allCases
    var expected: Set<AnchorageCore.Dimension> = [all[Int(bytes[0]) % all.count]]
    if bytes[0] >= 128 { expected.insert(all[Int(bytes[0] / 3) % all.count]) }
    if case .success(let quantity) = QuantityParser.parse(text, expecting: expected) {
        // What the rest of the program does with a quantity: scale it and print it.
        _ = quantity.scaled(by: 1e6).description
        _ = QuantityFormat.duration(seconds: quantity.canonicalValue)
        _ = QuantityFormat.mass(grams: quantity.canonicalValue)
        _ = QuantityFormat.amount(moles: quantity.canonicalValue)
        _ = QuantityFormat.volume(milliliters: quantity.canonicalValue)
    }
    return 0
}

exit(anchorage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzzQuantity(data, size)
})
