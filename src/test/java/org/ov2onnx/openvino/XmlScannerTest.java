package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The IR pre-check's XML reader against the JDK's StAX reader: the same elements and attributes on
 * every IR the tests hold, and a refusal wherever StAX finds the XML not well-formed in a way that
 * could change the structure.
 */
class XmlScannerTest {
  @TempDir Path dir;

  /** Every IR of the sample and of the reliability and fixture inputs. */
  static Stream<Path> irFiles() throws IOException {
    List<Path> all = new ArrayList<>();
    all.add(Path.of("samples/sample-cnn.xml"));
    for (String folder : List.of("src/test/resources/reliability", "src/test/resources/fixtures")) {
      Path d = Path.of(folder);
      if (Files.isDirectory(d)) {
        try (Stream<Path> files = Files.walk(d)) {
          files.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(all::add);
        }
      }
    }
    return all.stream();
  }

  /** "start name a=v b=w" and "end name" lines, from the scanner. */
  private static List<String> scanned(InputStream in) throws Exception {
    XmlScanner s = new XmlScanner(in);
    List<String> events = new ArrayList<>();
    for (int e = s.next(); e != XmlScanner.DONE; e = s.next()) {
      StringBuilder b = new StringBuilder(e == XmlScanner.START ? "start " : "end ").append(s.name());
      if (e == XmlScanner.START) {
        for (int i = 0; i < s.attributeCount(); i++) {
          b.append(' ').append(s.attributeName(i)).append('=').append(s.attributeValue(i));
        }
      }
      events.add(b.toString());
    }
    return events;
  }

  /** The same lines from the JDK's StAX reader (throws XMLStreamException where it refuses). */
  private static List<String> stax(InputStream in) throws XMLStreamException {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    XMLStreamReader r = f.createXMLStreamReader(in);
    List<String> events = new ArrayList<>();
    while (r.hasNext()) {
      int e = r.next();
      if (e == XMLStreamConstants.START_ELEMENT) {
        StringBuilder b = new StringBuilder("start ").append(r.getLocalName());
        for (int i = 0; i < r.getAttributeCount(); i++) {
          b.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
        }
        events.add(b.toString());
      } else if (e == XMLStreamConstants.END_ELEMENT) {
        events.add("end " + r.getLocalName());
      }
    }
    return events;
  }

  private static InputStream text(String xml) {
    return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("irFiles")
  void readsEveryTestIrAsStaxDoes(Path xml) throws Exception {
    List<String> expected;
    try (InputStream in = Files.newInputStream(xml)) {
      expected = stax(in);
    }
    try (InputStream in = Files.newInputStream(xml)) {
      assertEquals(expected, scanned(in), xml.toString());
    }
    assertTrue(expected.size() > 2, xml + " has elements");
  }

  @Test
  void decodesReferencesAndNormalizesWhiteSpaceAsStaxDoes() throws Exception {
    String xml = "\uFEFF<?xml version=\"1.0\"?>\n<!DOCTYPE net [ <!ELEMENT net ANY> ]>\n<!-- a -- comment --->\n"
        + "<net a='&lt;&#65;&#x42;&amp;&quot;&apos;&gt;' b=\"x\ty\nz\"><![CDATA[<layer id=\"9\"/>]]>t&amp;t<?pi x?>"
        + "<layer id = \"1\" /><é ü=\"ö\"></é></net>\n";
    assertEquals(List.of("start net a=<AB&\"'> b=x y z", "start layer id=1", "end layer", "start é ü=ö", "end é", "end net"),
        scanned(text(xml)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "<net><layer></net>",
    "<net><layer>",
    "<net a=\"1\" a=\"2\"/>",
    "<net a=1/>",
    "<net a=\"<\"/>",
    "<net a=\"&foo;\"/>",
    "<net>&foo;</net>",
    "<net a=\"1\"b=\"2\"/>",
    "<net/><net/>",
    "<net/>text",
    "text<net/>",
    "<net><!-- open </net>",
    "<net><![CDATA[ open </net>",
    "<net><?pi open </net>",
    "<net a=\"1\"",
    "< net/>",
    "<net></ net>",
    "",
  })
  void refusesWhatStaxFindsNotWellFormed(String xml) {
    assertThrows(XMLStreamException.class, () -> stax(text(xml)), "StAX accepts " + xml);
    assertThrows(XmlScanner.NotWellFormed.class, () -> scanned(text(xml)), "the scanner accepts " + xml);
  }

  @Test
  void thePrecheckNamesTheFileAndLineOfMalformedXml() throws Exception {
    Path xml = dir.resolve("bad.xml");
    Files.writeString(xml, "<?xml version=\"1.0\"?>\n<net name=\"n\" version=\"11\">\n<layers>\n</net>\n");
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> IrPrecheck.check(xml));
    assertTrue(e.getMessage().contains(xml.toString()) && e.getMessage().contains("not well-formed XML")
        && e.getMessage().contains("line 4"), e.getMessage());
  }

  /** The check keeps no layer names; a message reads its layer's again, here far past the first buffer. */
  @Test
  void aMessageNamesALayerFarIntoTheFile() throws Exception {
    StringBuilder ir = new StringBuilder("<?xml version=\"1.0\"?>\n<net name=\"n\" version=\"11\"><layers>\n");
    for (int i = 0; i < 2000; i++) {
      ir.append("<layer id=\"").append(i).append("\" name=\"p").append(i)
          .append("\" type=\"Parameter\" version=\"opset1\"><output><port id=\"0\"/></output></layer>\n");
    }
    ir.append("<layer id=\"2000\" name=\" far &amp; away\" type=\"Broadcast\" version=\"opset3\">"
        + "<output><port id=\"0\"/></output></layer>\n</layers><edges/></net>\n");
    Path xml = dir.resolve("far.xml");
    Files.writeString(xml, ir);
    assertTrue(Files.size(xml) > 3 << 16, "the layer lies past the scanner's first buffers");
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> IrPrecheck.check(xml));
    assertEquals("cannot read model " + xml + ": layer 'far & away' (id 2000, Broadcast) has no inputs", e.getMessage());
  }

  @Test
  void utf16IrIsStillReadByStax() throws Exception {
    Path xml = dir.resolve("utf16.xml");
    String ir = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<net name=\"n\" version=\"11\"><layers>"
        + "<layer id=\"0\" name=\"b\" type=\"Broadcast\" version=\"opset3\"><output><port id=\"0\"/></output></layer>"
        + "</layers><edges/></net>\n";
    Files.write(xml, ir.getBytes(StandardCharsets.UTF_16));
    OpenVinoException e = assertThrows(OpenVinoException.class, () -> IrPrecheck.check(xml));
    assertTrue(e.getMessage().contains("has no inputs"), e.getMessage());
  }

  /** An attribute value beyond the bound is refused as it is read, not grown without end. */
  @Test
  void refusesAnAttributeValueBeyondTheBound() {
    byte[] head = "<net a=\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    long total = head.length + XmlScanner.MAX_TOKEN + 16L;
    java.io.InputStream in = new java.io.InputStream() {
      long at;

      @Override
      public int read() {
        if (at >= total) {
          return -1;
        }
        int b = at < head.length ? head[(int) at] : 'x';
        at++;
        return b;
      }
    };
    XmlScanner s = new XmlScanner(new java.io.BufferedInputStream(in, 1 << 16));
    XmlScanner.NotWellFormed e = assertThrows(XmlScanner.NotWellFormed.class, () -> {
      while (s.next() != XmlScanner.DONE) {
        // reads on to the refusal
      }
    });
    assertTrue(e.getMessage().contains("longer than 64 MiB"), e.getMessage());
  }

  /**
   * The pre-check's tables hash layer ids: numbers 0..n. At every table size their first slots must
   * spread over the whole table, or probes run long and the check turns quadratic (a 100,000-layer
   * IR once took it 50 s, its first slots confined to 65,536 of 262,144).
   */
  @Test
  void layerIdsSpreadOverLargeTables() {
    for (int bits : new int[] {10, 16, 17, 19, 22}) {
      int size = 1 << bits;
      int n = size / 2; // the tables are at most half full
      java.util.BitSet used = new java.util.BitSet(size);
      for (int id = 0; id < n; id++) {
        used.set(XmlScanner.Strings.slot(Integer.toString(id).hashCode(), size - 1));
      }
      assertTrue(used.cardinality() > n / 2, bits + " bits: " + n + " ids start in only " + used.cardinality() + " slots");
    }
  }
}
