package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;

/** OpenVINO ovc's --input syntax. */
class InputSpecTest {
  @Test
  void shapeAndType() {
    InputSpec s = InputSpec.parse("data[1,3,224,224]{f32}");
    assertEquals("data", s.name());
    assertEquals("[1,3,224,224]", s.shape().toString());
    assertEquals(ElementType.F32, s.type());
  }

  @Test
  void dynamicAndBoundedDimensions() {
    InputSpec s = InputSpec.parse("x[?,-1,1..10,..5,2..]");
    assertEquals(List.of(Dimension.dynamic(), Dimension.dynamic(), new Dimension(1, 10), new Dimension(0, 5), new Dimension(2, -1)),
        s.shape().dims());
    assertTrue(InputSpec.parse("x[...]").shape().isRankDynamic());
  }

  @Test
  void typeOnlyShapeOnlyNamelessAndLists() {
    assertNull(InputSpec.parse("ids{i32}").shape());
    assertNull(InputSpec.parse("ids[2,3]").type());
    assertEquals("", InputSpec.parse("[1,3]").name());
    List<InputSpec> all = InputSpec.parseAll("a[1,3]{f16},b{i64},c:0[2]");
    assertEquals(3, all.size());
    assertEquals("c:0", all.get(2).name());
    assertEquals(ElementType.I64, all.get(1).type());
  }

  @Test
  void errors() {
    assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("x"));
    assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("x[1,2"));
    assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("x[a]"));
    assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("x{f33}"));
    assertThrows(IllegalArgumentException.class, () -> InputSpec.parse("x[5..2]"));
  }
}
