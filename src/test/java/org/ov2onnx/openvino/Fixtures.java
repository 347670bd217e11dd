package org.ov2onnx.openvino;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of the test fixtures (made by src/test/python/make_fixtures.py). */
public final class Fixtures {
  private Fixtures() {}

  public static Path ir(String name) {
    Path p = Path.of("src/test/resources/fixtures", name + ".xml").toAbsolutePath();
    if (!Files.exists(p)) {
      throw new IllegalStateException("missing fixture " + p);
    }
    return p;
  }

  public static Path sample() {
    return Path.of("samples/sample-cnn.xml").toAbsolutePath();
  }

  /** The first node with this friendly name. */
  public static Node node(Model model, String name) throws OpenVinoException {
    for (Node n : model.nodes()) {
      if (n.name().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no node named " + name + " in " + model.source());
  }

  /** The first node of this type. */
  public static Node nodeOfType(Model model, String type) throws OpenVinoException {
    for (Node n : model.nodes()) {
      if (n.type().equals(type)) {
        return n;
      }
    }
    throw new AssertionError("no " + type + " node in " + model.source());
  }
}
