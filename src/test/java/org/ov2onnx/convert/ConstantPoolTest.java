package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** Scopes of the constant table: sharing stays within one graph, aliases resolve outward. */
class ConstantPoolTest {
  private static ByteBuffer bytes(int... values) {
    ByteBuffer b = ByteBuffer.allocate(values.length);
    for (int v : values) {
      b.put((byte) v);
    }
    return b.flip();
  }

  @Test
  void contentIsSharedByTypeShapeAndBytesWithinOneGraph() {
    ConstantPool outer = new ConstantPool();
    outer.rememberContent(7, new long[] {2}, bytes(1, 2), "a");
    assertEquals("a", outer.findContent(7, new long[] {2}, bytes(1, 2)));
    assertNull(outer.findContent(7, new long[] {2}, bytes(1, 3)));
    assertNull(outer.findContent(7, new long[] {1, 2}, bytes(1, 2)));
    assertNull(outer.findContent(1, new long[] {2}, bytes(1, 2)));
    // a body never shares the outer graph's initializers (the outer graph may drop those it does not read)
    assertNull(outer.child().findContent(7, new long[] {2}, bytes(1, 2)));
  }

  @Test
  void aliasesResolveThroughOuterScopes() {
    ConstantPool outer = new ConstantPool();
    outer.alias("w2", "w");
    outer.alias("w3", "w2");
    ConstantPool body = outer.child();
    body.alias("b2", "b");
    assertEquals("w", outer.resolve("w3"));
    assertEquals("w", body.resolve("w2"));
    assertEquals("b", body.resolve("b2"));
    assertEquals("b2", outer.resolve("b2"));
    assertEquals("x", body.resolve("x"));
  }
}
