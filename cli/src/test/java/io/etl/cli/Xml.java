package io.etl.cli;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A report read back as XML, as a strict reader would: it fails unless the file is well-formed. */
record Xml(Document document) {

    static Xml read(Path file) throws Exception {
        return new Xml(DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()));
    }

    List<Element> all(String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    Element one(String xpath) throws Exception {
        List<Element> elements = all(xpath);
        if (elements.size() != 1) {
            throw new AssertionError(elements.size() + " elements match " + xpath);
        }
        return elements.get(0);
    }
}
