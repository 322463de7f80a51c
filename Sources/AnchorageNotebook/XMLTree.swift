import CLibXML2
import Foundation

/// An element of a notebook document, as plain Swift values: built here, turned into a libxml2 tree to be
/// serialized and validated, and read back from a libxml2 tree. Notebook documents never mix text and elements.
public struct ElementNode: Sendable, Hashable {
    public var name: String
    public var attributes: [(name: String, value: String)]
    public var children: [ElementNode]
    /// Text content (text and CDATA sections joined).
    public var text: String?
    /// Write `text` as a CDATA section (the recipe's YAML text, kept verbatim and readable).
    public var textIsCDATA: Bool
    /// 1-based line in the document read, 0 for built elements.
    public var line: Int

    public init(
        _ name: String, attributes: [(name: String, value: String)] = [], children: [ElementNode] = [],
        text: String? = nil, cdata: Bool = false, line: Int = 0
    ) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
        self.textIsCDATA = cdata
        self.line = line
    }

    public func attribute(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
    public func child(_ name: String) -> ElementNode? { children.first { $0.name == name } }
    public func children(_ name: String) -> [ElementNode] { children.filter { $0.name == name } }

    public static func == (lhs: ElementNode, rhs: ElementNode) -> Bool {
        lhs.name == rhs.name && lhs.children == rhs.children && lhs.text == rhs.text
            && lhs.attributes.map(\.name) == rhs.attributes.map(\.name)
            && lhs.attributes.map(\.value) == rhs.attributes.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(text)
        hasher.combine(children)
        for attribute in attributes {
            hasher.combine(attribute.name)
            hasher.combine(attribute.value)
        }
    }
}

/// One problem libxml2 reported, with the line and element it concerns.
public struct XMLProblem: Sendable, Hashable, CustomStringConvertible {
    public var line: Int
    public var element: String?
    public var message: String

    public var description: String {
        var text = line > 0 ? "line \(line): " : ""
        if let element { text += "element <\(element)>: " }
        return text + message
    }
}

/// libxml2, used through its tree API: documents are built node by node and serialized by libxml2 itself.
enum LibXML {
    /// `xmlInitParser` once per process; `xmlCleanupParser` is never called from library code.
    static let initialized: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parser options for everything read: no network, no entity substitution, no external DTD.
    static let safeParseOptions: Int32 = Int32(XML_PARSE_NONET.rawValue)

    // MARK: Writing

    /// Serializes the tree rooted at `root` (in `namespace`) as an indented UTF-8 document, through libxml2.
    static func serialize(_ root: ElementNode, namespace: String) -> [UInt8] {
        _ = initialized
        guard let doc = xmlNewDoc("1.0") else { return [] }
        defer { xmlFreeDoc(doc) }
        guard let rootNode = xmlNewDocNode(doc, nil, root.name, nil) else { return [] }
        xmlDocSetRootElement(doc, rootNode)
        let ns = xmlNewNs(rootNode, namespace, nil)
        xmlSetNs(rootNode, ns)
        fill(rootNode, from: root, doc: doc, ns: ns)

        guard let buffer = xmlBufferCreate() else { return [] }
        defer { xmlBufferFree(buffer) }
        guard let saver = xmlSaveToBuffer(buffer, "UTF-8", Int32(XML_SAVE_FORMAT.rawValue)) else { return [] }
        xmlSaveDoc(saver, doc)
        xmlSaveClose(saver)
        let length = Int(xmlBufferLength(buffer))
        guard length > 0, let content = xmlBufferContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: length))
    }

    private static func fill(_ node: xmlNodePtr, from element: ElementNode, doc: xmlDocPtr, ns: xmlNsPtr?) {
        for attribute in element.attributes {
            xmlSetProp(node, attribute.name, attribute.value)
        }
        if let text = element.text {
            if element.textIsCDATA {
                let bytes = Array(text.utf8)
                let cdata = bytes.withUnsafeBufferPointer { xmlNewCDataBlock(doc, $0.baseAddress, Int32($0.count)) }
                if let cdata { xmlAddChild(node, cdata) }
            } else if let textNode = xmlNewDocText(doc, text) {
                xmlAddChild(node, textNode)
            }
        }
        for child in element.children {
            guard let childNode = xmlNewChild(node, ns, child.name, nil) else { continue }
            fill(childNode, from: child, doc: doc, ns: ns)
        }
    }

    // MARK: Reading

    /// The problems found reading a document, or the document's root.
    enum ReadResult {
        case document(root: ElementNode, namespace: String?)
        case refused([XMLProblem])
    }

    /// Reads `bytes` without touching the network and without expanding entities; a document that declares a
    /// DTD (`<!DOCTYPE`) is refused outright, since notebook documents never have one. When `schema` is given
    /// the parsed document is validated against it before anything is returned.
    static func read(_ bytes: [UInt8], schema: CompiledSchema?) -> ReadResult {
        _ = initialized
        if let problem = MarkupLimits.check(bytes) { return .refused([problem]) }
        let collector = ProblemCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        xmlSetStructuredErrorFunc(context, collectProblem)
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "entry.xml", nil, safeParseOptions)
                }
            }
        }
        guard let doc = parsed ?? nil else {
            return .refused(collector.problems.isEmpty
                ? [XMLProblem(line: 0, element: nil, message: "not an XML document")] : collector.problems)
        }
        defer { xmlFreeDoc(doc) }
        if doc.pointee.intSubset != nil || doc.pointee.extSubset != nil {
            return .refused([XMLProblem(
                line: 1, element: nil,
                message: "the document declares a DTD (<!DOCTYPE …>): notebook entries never do, and entities are never expanded")])
        }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            return .refused([XMLProblem(line: 0, element: nil, message: "the document has no root element")])
        }
        if let schema {
            let problems = schema.validate(doc)
            if !problems.isEmpty { return .refused(problems) }
        }
        let namespace = rootNode.pointee.ns.flatMap { string($0.pointee.href) }
        return .document(root: element(from: rootNode), namespace: namespace)
    }

    private static func element(from node: xmlNodePtr) -> ElementNode {
        var result = ElementNode(string(node.pointee.name) ?? "", line: Int(xmlGetLineNo(node)))
        var attribute = node.pointee.properties
        while let current = attribute {
            var value = ""
            var valueNode = current.pointee.children
            while let textNode = valueNode {
                value += string(textNode.pointee.content) ?? ""
                valueNode = textNode.pointee.next
            }
            result.attributes.append((name: string(current.pointee.name) ?? "", value: value))
            attribute = current.pointee.next
        }
        var text: String?
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                result.children.append(element(from: current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if current.pointee.type == XML_CDATA_SECTION_NODE { result.textIsCDATA = true }
                text = (text ?? "") + (string(current.pointee.content) ?? "")
            default:
                break
            }
            child = current.pointee.next
        }
        // Indentation between child elements is not content.
        if !result.children.isEmpty, let current = text, current.allSatisfy(\.isWhitespace) { text = nil }
        result.text = text
        return result
    }

    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}

/// Collects libxml2's structured errors; passed to the C callback through its `void *` context.
final class ProblemCollector {
    static let limit = 20
    var problems: [XMLProblem] = []
}

/// The C callback for libxml2's structured errors (it cannot capture: the collector comes through `context`).
private func collectProblem(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let collector = Unmanaged<ProblemCollector>.fromOpaque(context).takeUnretainedValue()
    // The first few problems say what is wrong; a broken document can produce thousands.
    guard collector.problems.count < ProblemCollector.limit else { return }
    let message = error.pointee.message.map { String(cString: $0) }?
        .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown XML error"
    var element: String?
    if let node = error.pointee.node {
        let xmlNode = node.assumingMemoryBound(to: xmlNode.self)
        if xmlNode.pointee.type == XML_ELEMENT_NODE { element = LibXML.string(xmlNode.pointee.name) }
    }
    // Schema errors name the element in the message ("Element '{namespace}uses': …") when the node is not given.
    var text = message
    if text.hasPrefix("Element '"), let close = text.dropFirst(9).firstIndex(of: "'") {
        let qualified = text[text.index(text.startIndex, offsetBy: 9)..<close]
        if element == nil { element = String(qualified.split(separator: "}").last ?? qualified) }
        text = text[text.index(after: close)...].trimmingCharacters(in: CharacterSet(charactersIn: ": "))
    }
    let problem = XMLProblem(line: Int(error.pointee.line), element: element, message: text)
    if !collector.problems.contains(problem) { collector.problems.append(problem) }
}

/// A compiled XSD; validation contexts are made per document, one at a time.
final class CompiledSchema: @unchecked Sendable {
    private let schema: xmlSchemaPtr
    private let lock = NSLock()

    /// Compiles the XSD in `bytes`; throws the compiler's problems if it is not a usable schema.
    init(bytes: [UInt8]) throws(NotebookError) {
        _ = LibXML.initialized
        let collector = ProblemCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        let compiled: xmlSchemaPtr? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let parser = xmlSchemaNewMemParserCtxt(pointer, Int32(buffer.count)) else { return nil }
                defer { xmlSchemaFreeParserCtxt(parser) }
                xmlSchemaSetParserStructuredErrors(parser, collectProblem, context)
                return xmlSchemaParse(parser)
            }
        }
        guard let compiled else { throw .schemaUnusable(collector.problems) }
        schema = compiled
    }

    deinit { xmlSchemaFree(schema) }

    /// The schema's complaints about `doc`, empty when it is valid.
    func validate(_ doc: xmlDocPtr) -> [XMLProblem] {
        lock.lock()
        defer { lock.unlock() }
        let collector = ProblemCollector()
        let context = Unmanaged.passUnretained(collector).toOpaque()
        guard let validator = xmlSchemaNewValidCtxt(schema) else {
            return [XMLProblem(line: 0, element: nil, message: "could not create a schema validation context")]
        }
        defer { xmlSchemaFreeValidCtxt(validator) }
        xmlSchemaSetValidStructuredErrors(validator, collectProblem, context)
        let result = xmlSchemaValidateDoc(validator, doc)
        if result == 0 { return [] }
        if collector.problems.isEmpty {
            return [XMLProblem(line: 0, element: nil, message: "schema validation failed (libxml2 code \(result))")]
        }
        return collector.problems
    }
}
