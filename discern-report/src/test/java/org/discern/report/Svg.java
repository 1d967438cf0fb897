package org.discern.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/** An SVG file parsed as XML (without fetching its DTD), for tests that read charts as text. */
final class Svg {
    private final Document doc;

    private Svg(Document doc) {
        this.doc = doc;
    }

    static Svg parse(String text) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return new Svg(f.newDocumentBuilder().parse(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
        } catch (Exception e) {
            throw new AssertionError("not well-formed SVG: " + e.getMessage(), e);
        }
    }

    /** The content of every {@code <text>} element, in document order. */
    List<String> texts() {
        NodeList n = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            out.add(n.item(i).getTextContent());
        }
        return out;
    }

    /** The {@code <text>} elements inside a clipped group (a clip meant for the curves would hide them). */
    List<String> clippedTexts() {
        return textsUnder("clip-path");
    }

    /** The {@code <text>} elements inside a transformed group (rotated axis titles, or a leaked rotation). */
    List<String> transformedTexts() {
        return textsUnder("transform");
    }

    private List<String> textsUnder(String attribute) {
        NodeList n = doc.getElementsByTagName("text");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n.getLength(); i++) {
            for (org.w3c.dom.Node p = n.item(i); p instanceof Element e; p = p.getParentNode()) {
                if (e.hasAttribute(attribute)) {
                    out.add(n.item(i).getTextContent());
                    break;
                }
            }
        }
        return out;
    }

    /** Number of elements with this tag name. */
    int count(String tag) {
        return doc.getElementsByTagName(tag).getLength();
    }

    /** Every attribute name used anywhere. */
    Set<String> attributeNames() {
        Set<String> out = new TreeSet<>();
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            NamedNodeMap a = ((Element) all.item(i)).getAttributes();
            for (int j = 0; j < a.getLength(); j++) {
                out.add(a.item(j).getNodeName());
            }
        }
        return out;
    }
}
