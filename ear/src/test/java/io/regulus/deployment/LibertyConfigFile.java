package io.regulus.deployment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/** A Liberty configuration file, read for what the tests check: elements, features, variables. */
record LibertyConfigFile(Path path, List<Element> elements) {

  /** A {@code <variable>}: {@code value} is null when it only has a default. */
  record Variable(String name, String value, String defaultValue) {}

  static LibertyConfigFile read(Path path) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      NodeList all = factory.newDocumentBuilder().parse(path.toFile()).getElementsByTagName("*");
      List<Element> elements = new ArrayList<>();
      for (int i = 0; i < all.getLength(); i++) {
        elements.add((Element) all.item(i));
      }
      return new LibertyConfigFile(path, elements);
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("cannot read " + path, e);
    }
  }

  List<Element> named(String tag) {
    return elements.stream().filter(e -> e.getTagName().equals(tag)).toList();
  }

  List<String> features() {
    return named("feature").stream().map(e -> e.getTextContent().trim()).toList();
  }

  Map<String, Variable> variables() {
    Map<String, Variable> variables = new LinkedHashMap<>();
    for (Element e : named("variable")) {
      variables.put(
          e.getAttribute("name"),
          new Variable(
              e.getAttribute("name"),
              e.hasAttribute("value") ? e.getAttribute("value") : null,
              e.getAttribute("defaultValue")));
    }
    return variables;
  }
}
