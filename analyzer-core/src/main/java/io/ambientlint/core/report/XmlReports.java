package io.ambientlint.core.report;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The JDK's streaming XML writer for the XML reports, with text cut to what XML 1.0 can hold. */
final class XmlReports {
  private XmlReports() {}

  /** Writes the document that {@code body} produces; the writer escapes markup, never the caller. */
  static void write(Writer out, XmlBody body) throws IOException {
    try {
      XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      xml.writeStartDocument("UTF-8", "1.0");
      xml.writeCharacters("\n");
      body.write(xml);
      xml.writeEndDocument();
      xml.flush();
      out.write("\n");
      out.flush();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write XML report: " + e.getMessage(), e);
    }
  }

  interface XmlBody {
    void write(XMLStreamWriter xml) throws XMLStreamException;
  }

  /**
   * Text XML 1.0 can carry: control characters other than tab and line breaks, lone surrogates and U+FFFE/U+FFFF
   * have no representation (not even as character references), so each becomes U+FFFD.
   */
  static String clean(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c)) {
        ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (ok) {
          if (out != null) {
            out.append(c).append(text.charAt(i + 1));
          }
          i++;
          continue;
        }
      } else {
        ok = !Character.isLowSurrogate(c) && (c >= 0x20 ? c < 0xFFFE : c == '\t' || c == '\n' || c == '\r');
      }
      if (!ok && out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? text : out.toString();
  }

  static void attribute(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
    xml.writeAttribute(name, clean(value));
  }
}
