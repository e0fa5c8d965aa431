package dev.lakehouse.deployment.compose;

import java.io.IOException;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** A Maven POM of this repository, read for the few values the Docker builds depend on. */
final class PomFile {

    private final Document document;

    private PomFile(Document document) {
        this.document = document;
    }

    static PomFile of(Path pom) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new PomFile(factory.newDocumentBuilder().parse(pom.toFile()));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("cannot read " + pom, e);
        }
    }

    /** A property of {@code <properties>}. */
    String property(String name) {
        Node properties = document.getDocumentElement().getElementsByTagName("properties").item(0);
        return ((Element) properties).getElementsByTagName(name).item(0).getTextContent().trim();
    }

    /**
     * The text of the project's own element (a direct child of {@code <project>}) when there is one, else of the first
     * element of that name anywhere (e.g. a plugin's {@code shadedClassifierName}).
     */
    String text(String name) {
        for (Node child = document.getDocumentElement().getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        Node first = document.getElementsByTagName(name).item(0);
        if (first == null) {
            throw new IllegalArgumentException("no <" + name + "> in the POM");
        }
        return first.getTextContent().trim();
    }
}
