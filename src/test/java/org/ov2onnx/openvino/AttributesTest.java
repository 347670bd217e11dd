package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every attribute kind, read through the nodes' own visit_attributes. */
class AttributesTest {
  static Core core;
  static Model attrs;

  @BeforeAll
  static void open() throws Exception {
    core = Core.create();
    attrs = core.readModel(Fixtures.ir("attrs_basic"));
  }

  @AfterAll
  static void close() {
    attrs.close();
    core.close();
  }

  private static AttributeValue attr(String node, String name) throws OpenVinoException {
    AttributeValue v = Fixtures.node(attrs, node).attribute(name);
    if (v == null) {
      throw new AssertionError(node + " has no attribute " + name + ": " + Fixtures.node(attrs, node).attributes());
    }
    return v;
  }

  @Test
  void nodeIdentity() throws Exception {
    Node conv = Fixtures.node(attrs, "conv");
    assertEquals("Convolution", conv.type());
    assertEquals(1, conv.version());
    assertEquals("opset1", conv.versionId());
    Node softmax = Fixtures.node(attrs, "softmax");
    assertEquals("Softmax", softmax.type()); // API name, while the IR says SoftMax
    assertEquals(8, softmax.version());
    assertEquals("Constant", Fixtures.node(attrs, "conv_weights").type()); // IR: Const
  }

  @Test
  void booleans() throws Exception {
    assertEquals(new AttributeValue.Bool(true), attr("matmul", "transpose_b"));
    assertEquals(new AttributeValue.Bool(false), attr("matmul", "transpose_a"));
    assertEquals(new AttributeValue.Bool(true), attr("mvn", "normalize_variance"));
    assertEquals(new AttributeValue.Bool(false), attr("avgpool", "exclude-pad"));
  }

  @Test
  void integers() throws Exception {
    assertEquals(new AttributeValue.Int(-3), attr("concat", "axis"));
    assertEquals(new AttributeValue.Int(1), attr("gather", "batch_dims"));
    assertEquals(new AttributeValue.Int(-1), attr("softmax", "axis"));
  }

  @Test
  void floats() throws Exception {
    assertEquals(new AttributeValue.Float(0.5), attr("elu", "alpha"));
    assertEquals(new AttributeValue.Float(-0.25), attr("clamp", "min"));
    assertEquals(new AttributeValue.Float(3.0), attr("clamp", "max"));
    AttributeValue.Float eps = (AttributeValue.Float) attr("mvn", "eps");
    assertEquals(1e-5f, (float) eps.value());
  }

  @Test
  void stringsAndEnums() throws Exception {
    assertEquals(new AttributeValue.Str("explicit"), attr("conv", "auto_pad"));
    assertEquals(new AttributeValue.Str("same_upper"), attr("avgpool", "auto_pad"));
    assertEquals(new AttributeValue.Str("ceil"), attr("maxpool", "rounding_type"));
    assertEquals(new AttributeValue.Str("nearest"), attr("interpolate", "mode"));
    assertEquals(new AttributeValue.Str("asymmetric"), attr("interpolate", "coordinate_transformation_mode"));
    assertEquals(new AttributeValue.Str("ij,ij->i"), attr("einsum", "equation"));
    assertEquals(new AttributeValue.Str("max"), attr("topk", "mode"));
  }

  @Test
  void integerVectors() throws Exception {
    AttributeValue strides = attr("conv", "strides");
    assertInstanceOf(AttributeValue.Ints.class, strides);
    assertEquals(2, ((AttributeValue.Ints) strides).values().size());
    assertEquals(List.of(1L, 0L), ((AttributeValue.Ints) attr("strided_slice", "begin_mask")).values());
    assertEquals(List.of(), ((AttributeValue.Ints) attr("strided_slice", "ellipsis_mask")).values());
  }

  @Test
  void floatVectors() throws Exception {
    assertEquals(new AttributeValue.Floats(List.of(4.0, 8.0)), attr("prior_box", "min_size"));
    assertEquals(new AttributeValue.Floats(List.of(2.0, 0.5)), attr("prior_box", "aspect_ratio"));
    AttributeValue.Floats variance = (AttributeValue.Floats) attr("prior_box", "variance");
    assertEquals(List.of(0.1f, 0.1f, 0.2f, 0.2f), variance.values().stream().map(Double::floatValue).toList());
    assertEquals(new AttributeValue.Floats(List.of()), attr("prior_box", "density"));
  }

  @Test
  void elementTypes() throws Exception {
    assertEquals(new AttributeValue.Type(ElementType.F32), attr("convert", "destination_type"));
    assertEquals(new AttributeValue.Type(ElementType.I32), attr("shape_of", "output_type"));
    assertEquals(new AttributeValue.Type(ElementType.I32), attr("topk", "index_element_type"));
    assertEquals(new AttributeValue.Type(ElementType.F32), attr("x", "element_type"));
  }

  @Test
  void partialShapes() throws Exception {
    assertEquals(new AttributeValue.Shape(PartialShape.of(1, 3, 8, 8)), attr("x", "shape"));
    try (Model dyn = core.readModel(Fixtures.ir("dynamic_shapes"))) {
      AttributeValue.Shape x = (AttributeValue.Shape) Fixtures.node(dyn, "x").attribute("shape");
      assertEquals("[?,3,1..10,16]", x.value().toString());
      assertEquals(new Dimension(1, 10), x.value().dims().get(2));
      assertEquals(Dimension.dynamic(), x.value().dims().get(0));
      AttributeValue.Shape y = (AttributeValue.Shape) Fixtures.node(dyn, "y").attribute("shape");
      assertTrue(y.value().isRankDynamic());
      // the same shapes on the model's ports
      assertEquals("[?,3,1..10,16]", dyn.inputs().get(0).shape().toString());
      assertTrue(dyn.inputs().get(1).shape().isRankDynamic());
      assertEquals(List.of("x_relu"), dyn.outputs().get(0).names());
    }
  }

  @Test
  void everyAttributeOfTheFixtureIsTyped() throws Exception {
    for (Node n : attrs.nodes()) {
      for (var e : n.attributes().entrySet()) {
        assertFalse(
            e.getValue() instanceof AttributeValue.Opaque,
            n.describe() + " attribute " + e.getKey() + " is opaque: " + e.getValue());
      }
    }
  }

  @Test
  void inputSourcesAndTensorNames() throws Exception {
    Node relu = Fixtures.nodeOfType(attrs, "MatMul");
    for (Node.Source s : relu.inputs()) {
      assertTrue(s.node() < relu.index(), "topological order");
    }
    assertEquals(List.of("x"), attrs.inputs().get(0).names());
    assertEquals(ElementType.F32, attrs.inputs().get(0).type());
    assertEquals("out_main", attrs.outputs().get(0).name());
    assertEquals(7, attrs.outputs().size());
  }

  @Test
  void stateVariables() throws Exception {
    try (Model m = core.readModel(Fixtures.ir("stateful"))) {
      Node read = Fixtures.nodeOfType(m, "ReadValue");
      assertEquals(6, read.version());
      String all = read.attributes().toString();
      AttributeValue.Variable v =
          (AttributeValue.Variable)
              read.attributes().values().stream()
                  .filter(a -> a instanceof AttributeValue.Variable)
                  .findFirst()
                  .orElseThrow(() -> new AssertionError(all));
      assertEquals(new AttributeValue.Variable("state_var", ElementType.F32, PartialShape.of(1, 4)), v);
      Node assign = Fixtures.nodeOfType(m, "Assign");
      assertTrue(assign.attributes().containsValue(v), assign.attributes().toString());
    }
  }

  @Test
  void decompressionMarkersInRuntimeInfo() throws Exception {
    try (Model m = core.readModel(Fixtures.ir("compressed_fp16"))) {
      Node convert = Fixtures.node(m, "weights");
      assertEquals("Convert", convert.type());
      // the IR reader keeps the marker under its versioned key
      assertTrue(
          convert.runtimeInfo().keySet().stream().anyMatch(k -> k.startsWith("decompression")),
          convert.runtimeInfo().toString());
      assertTrue(Fixtures.nodeOfType(m, "MatMul").runtimeInfo().keySet().stream().noneMatch(k -> k.startsWith("decompression")));
      Node constant = m.node(convert.inputs().get(0).node());
      assertEquals(ElementType.F16, constant.constant().elementType());
    }
  }
}
