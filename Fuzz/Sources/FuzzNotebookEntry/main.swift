import Foundation
import FuzzerDriver
import AnchorageNotebook

/// One input: a notebook entry file, checked against the schema and read as `notebook verify` and `show` read it.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzNotebookEntry(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? EntryDocument.validate(bytes)
    _ = try? EntryDocument.decode(bytes, file: "NB-0001.xml")
    return 0
}

exit(anchorage_fuzz_main(CommandLine.argc, CommandLine.unsafeArgv) { data, size in
    guard let data else { return 0 }
    return fuzzNotebookEntry(data, size)
})
