import AnchorageRender
import Foundation
import Testing

@Suite struct EscapingTests {
    static func recipe() throws -> String {
        try ProtocolFixture.recipeText("fe-sa-nc-fe-acac3-zif8.yaml")
            .replacingOccurrences(of: "{name: 2-methylimidazole,", with: #"{name: "<script>alert('x')</script> & <b>bold</b> | *star*","#)
    }

    @Test("a reagent named <script> renders as text in HTML")
    func html() throws {
        let document = try ProtocolFixture.document(text: try Self.recipe(), file: "x.yaml")
        let html = try ProtocolRenderer().render(document, as: .html)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>bold"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;") || html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
            || html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"))
        #expect(html.contains("&amp; &lt;b&gt;bold&lt;/b&gt;"))
    }

    @Test("a reagent named <script> renders as text in Markdown, and cannot break a table")
    func markdown() throws {
        let document = try ProtocolFixture.document(text: try Self.recipe(), file: "x.yaml")
        let markdown = try ProtocolRenderer().render(document, as: .md)
        let characters = Array(markdown)
        let bareAngles = characters.indices.filter { characters[$0] == "<" && ($0 == 0 || characters[$0 - 1] != "\\") }
        #expect(bareAngles.isEmpty, "every < is backslash-escaped, so no Markdown viewer reads a tag")
        #expect(markdown.contains(#"\<script\>alert('x')\</script\> \& \<b\>bold\</b\> \| \*star\*"#))
    }

    @Test("plain text keeps the name as written")
    func text() throws {
        let document = try ProtocolFixture.document(text: try Self.recipe(), file: "x.yaml")
        let text = try ProtocolRenderer().render(document, as: .text)
        #expect(text.contains("<script>alert('x')</script> & <b>bold</b> | *star*"))
    }
}
