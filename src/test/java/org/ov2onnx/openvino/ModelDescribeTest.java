package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.testing.IrBuilder;

/** Model.describe() (one native call) reports exactly what the per-node calls report. */
class ModelDescribeTest {
  @TempDir Path dir;

  private static void assertSameAsPerNodeCalls(Model m) throws Exception {
    List<Model.NodeSummary> all = m.describe();
    assertEquals(m.nodes().size(), all.size());
    for (Node n : m.nodes()) {
      Model.NodeSummary s = all.get(n.index());
      assertEquals(n.type(), s.type());
      assertEquals(n.versionId(), s.versionId());
      assertEquals(n.name(), s.name());
      assertEquals(n.inputs(), s.inputs());
      assertEquals(n.outputs(), s.outputs(), n.describe());
    }
  }

  @Test
  void theSampleModel() throws Exception {
    try (Core core = Core.create();
        Model m = core.readModel(Path.of("samples/sample-cnn.xml"))) {
      assertSameAsPerNodeCalls(m);
    }
  }

  /** Several outputs, dynamic and bounded dimensions, a dynamic rank, names with non-ASCII text. */
  @Test
  void dynamicShapesSeveralOutputsAndUnicodeNames() throws Exception {
    IrBuilder ir = new IrBuilder("describe");
    String x = ir.parameter("x\u00e9\u4e2d", ElementType.F32, "?,6,1..8");
    String y = ir.parameter("y", ElementType.I64, "...");
    List<String> parts = ir.op("Split", 1, Map.of("num_splits", "2"), 2, x, ir.constant("axis", ElementType.I64, new long[0], 1));
    ir.result(parts.get(0));
    ir.result(ir.op("Relu", 1, Map.of(), parts.get(1)));
    ir.result(ir.op("ShapeOf", 3, Map.of("output_type", "i32"), y));
    try (Core core = Core.create();
        Model m = core.readModel(ir.write(dir))) {
      assertSameAsPerNodeCalls(m);
    }
  }
}
