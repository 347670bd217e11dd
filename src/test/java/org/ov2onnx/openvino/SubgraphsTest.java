package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sub-graph bodies and port maps of TensorIterator, Loop and If. */
class SubgraphsTest {
  @Test
  void tensorIterator() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("subgraphs"))) {
      Node ti = Fixtures.nodeOfType(m, "TensorIterator");
      assertEquals(1, ti.bodyCount());
      assertTrue(ti.attributes().containsValue(new AttributeValue.Body(0)), ti.attributes().toString());
      assertTrue(ti.attributes().containsValue(new AttributeValue.InputMap(0)));
      assertTrue(ti.attributes().containsValue(new AttributeValue.OutputMap(0)));

      List<PortMap> in = ti.bodyInputs(0);
      PortMap slice = in.stream().filter(p -> p.kind() == PortMap.Kind.SLICE_INPUT).findFirst().orElseThrow();
      assertEquals(1, slice.axis());
      assertEquals(0, slice.start());
      assertEquals(1, slice.stride());
      assertEquals(1, slice.partSize());
      assertEquals(-1, slice.end());
      assertEquals(1, in.stream().filter(p -> p.kind() == PortMap.Kind.MERGED_INPUT).count());
      assertEquals(1, in.stream().filter(p -> p.kind() == PortMap.Kind.INVARIANT_INPUT).count());

      List<PortMap> out = ti.bodyOutputs(0);
      PortMap concat = out.stream().filter(p -> p.kind() == PortMap.Kind.CONCAT_OUTPUT).findFirst().orElseThrow();
      assertEquals(1, concat.axis());
      PortMap last = out.stream().filter(p -> p.kind() == PortMap.Kind.BODY_OUTPUT).findFirst().orElseThrow();
      assertEquals(-1, last.iteration());

      try (Model body = ti.body(0)) {
        assertEquals(3, body.inputs().size());
        PortMap merged = in.stream().filter(p -> p.kind() == PortMap.Kind.MERGED_INPUT).findFirst().orElseThrow();
        assertTrue(merged.backEdge() >= 0 && merged.backEdge() < body.outputs().size());
        assertTrue(body.nodes().stream().anyMatch(n -> typeIs(n, "Multiply")));
      }
    }
  }

  @Test
  void loopAndIf() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Fixtures.ir("subgraphs"))) {
      Node loop = Fixtures.nodeOfType(m, "Loop");
      assertEquals(5, loop.version());
      long[] special = loop.loopSpecialPorts();
      assertTrue(special[0] >= 0, "current iteration input");
      assertTrue(special[1] >= 0, "condition output");
      try (Model body = loop.body(0)) {
        assertEquals(ElementType.I64, body.inputs().get((int) special[0]).type());
        assertEquals(ElementType.BOOLEAN, body.outputs().get((int) special[1]).type());
      }

      Node branch = Fixtures.nodeOfType(m, "If");
      assertEquals(2, branch.bodyCount());
      assertTrue(branch.attributes().containsValue(new AttributeValue.Body(1)));
      try (Model then = branch.body(0);
          Model otherwise = branch.body(1)) {
        assertTrue(then.nodes().stream().anyMatch(n -> typeIs(n, "Multiply")));
        assertTrue(otherwise.nodes().stream().anyMatch(n -> typeIs(n, "Negative")));
      }
      assertThrows(OpenVinoException.class, () -> branch.body(2));
      assertThrows(OpenVinoException.class, () -> Fixtures.nodeOfType(m, "Parameter").body(0));
    }
  }

  private static boolean typeIs(Node n, String type) {
    try {
      return n.type().equals(type);
    } catch (OpenVinoException e) {
      throw new AssertionError(e);
    }
  }
}
