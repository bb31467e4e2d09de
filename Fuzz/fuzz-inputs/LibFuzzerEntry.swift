#if FUZZING
    import Foundation

    /// The target `SER_FUZZ_TARGET` names (audio, csv or where).
    let selectedTarget: FuzzTarget = {
        let name = ProcessInfo.processInfo.environment["SER_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget(rawValue: name) else {
            fatalError("set SER_FUZZ_TARGET to one of \(FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(name)')")
        }
        return target
    }()

    /// libFuzzer's entry point (its own `main` drives it): one input, any bytes.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
        selectedTarget.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#endif
