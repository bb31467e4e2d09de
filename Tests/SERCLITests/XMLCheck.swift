import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Whether bytes are well-formed XML (Foundation's XMLParser).
enum XMLCheck {
    static func isWellFormed(_ data: Data) -> Bool {
        XMLParser(data: data).parse()
    }
}
