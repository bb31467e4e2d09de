import Foundation
import Testing

@testable import SERDashboard

/// Inlining cairo's SVG: declaration dropped, every id and reference scoped, the rest intact.
@Suite struct HTMLTests {
    @Test func inlineSVGScopesIdsAndReferencesAndKeepsEverythingElse() {
        let svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="10pt"><defs><clipPath id="clip1"><rect/></clipPath>\
            <g id="glyph-0-1"></g></defs><use xlink:href="#glyph-0-1" x="1"/><g clip-path="url(#clip1)">\
            <text>idée → url( h i u</text></g></svg>
            """
        let expected = """
            <svg xmlns="http://www.w3.org/2000/svg" width="10pt"><defs><clipPath id="curves-clip1"><rect/></clipPath>\
            <g id="curves-glyph-0-1"></g></defs><use xlink:href="#curves-glyph-0-1" x="1"/><g clip-path="url(#curves-clip1)">\
            <text>idée → url( h i u</text></g></svg>
            """
        #expect(HTML.inlineSVG(Data(svg.utf8), scope: "curves") == expected)
        // Not an SVG document: kept whole.
        #expect(HTML.inlineSVG(Data("plain".utf8), scope: "x") == "plain")
        #expect(HTML.inlineSVG(Data(), scope: "x") == "")
    }
}
