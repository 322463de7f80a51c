import Foundation
import FuzzerDriver
import AnchorageCore
import AnchoragePores

enum Shared {
    static let radii = try? RadiiSet.shipped("zeopp")
}

/// One input: a CIF, read and expanded, then its pores computed on a coarse grid so that one run stays short.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCIF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(validating: bytes, as: UTF8.self) ?? String(decoding: bytes, as: UTF8.self)
    guard let structure = try? CIFStructureReader.read(text), let radii = Shared.radii, let perAtom = try? radii.radii(for: structure.atoms) else { return 0 }
    // Small limits: the reader's limits are what is fuzzed; a full-size grid would make each run take seconds.
    guard structure.atoms.count <= 100 else { return 0 }
    _ = PoreAnalyzer.analyze(structure, radii: perAtom, options: PoreAnalysisOptions(gridSpacing: 1.0, maximumGridPoints: 2_000))
    return 0
}

exit(anchorage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzzCIF(data, size)
})
