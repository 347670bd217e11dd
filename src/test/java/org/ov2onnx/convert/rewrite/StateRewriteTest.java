package org.ov2onnx.convert.rewrite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.InputSpec;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OnnxChecker;
import org.ov2onnx.verify.OutputMetrics;
import org.ov2onnx.verify.StatefulVerifier;
import org.ov2onnx.verify.Verifier;
import org.ov2onnx.verify.VerifyOptions;
import org.ov2onnx.verify.VerifyReport;

/**
 * The state rewrite, differentially: each model runs 4 steps on one OpenVINO infer request (its
 * state kept inside) against ONNX Runtime with every present.V fed back as past.V, starting
 * from past.V's default. The state is a model output too, so it is compared at every step.
 */
class StateRewriteTest {
  @TempDir Path dir;

  private static Map<String, String> variable(String id, String type, String shape) {
    return Map.of("variable_id", id, "variable_type", type, "variable_shape", shape);
  }

  /** Converts, runs the full checker, verifies {@code steps} steps; returns the ONNX model. */
  private ModelProto convertAndVerify(IrBuilder ir, int steps, List<InputSpec> inputs) throws Exception {
    Path xml = ir.write(dir);
    Path onnx = dir.resolve(xml.getFileName().toString().replace(".xml", ".onnx"));
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    assertNull(OnnxChecker.check(onnx), "ONNX checker");
    VerifyReport report = Verifier.verify(xml, onnx, VerifyOptions.defaults().withInputs(inputs), steps);
    assertTrue(report.passed(), report.toConsole());
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(onnx));
    int perStep = report.outputs().size() / steps;
    assertEquals(steps * perStep, report.outputs().size(), report.toConsole());
    for (int step = 1; step <= steps; step++) {
      assertTrue(report.outputs().get((step - 1) * perStep).name().startsWith("step " + step + "/"), report.toConsole());
    }
    return model;
  }

  private static Map<String, String> metadata(ModelProto m) {
    Map<String, String> meta = new HashMap<>();
    for (StringStringEntryProto e : m.getMetadataPropsList()) {
      meta.put(e.getKey(), e.getValue());
    }
    return meta;
  }

  private static ValueInfoProto input(ModelProto m, String name) {
    return m.getGraph().getInputList().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no input " + name + " in " + m.getGraph().getInputList()));
  }

  private static ValueInfoProto output(ModelProto m, String name) {
    return m.getGraph().getOutputList().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no output " + name + " in " + m.getGraph().getOutputList()));
  }

  private static TensorProto initializer(ModelProto m, String name) {
    return m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no initializer " + name));
  }

  private static List<String> dims(ValueInfoProto v) {
    return v.getType().getTensorType().getShape().getDimList().stream()
        .map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam()).toList();
  }

  @Test
  void accumulatorOfStaticShapeStartsAtZeros() throws Exception {
    IrBuilder ir = new IrBuilder("accumulator");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String past = ir.namedOp("read_acc", "ReadValue", 6, variable("acc", "f32", "2,3"), 1).get(0);
    String sum = ir.namedOp("sum", "Add", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    ir.namedOp("assign_acc", "Assign", 6, Map.of("variable_id", "acc"), 1, sum);
    ir.result(sum);
    ModelProto m = convertAndVerify(ir, 4, List.of());
    assertEquals(List.of("x", "past.acc"), m.getGraph().getInputList().stream().map(ValueInfoProto::getName).toList());
    assertEquals("present.acc", m.getGraph().getOutput(1).getName());
    assertEquals(List.of("2", "3"), dims(input(m, "past.acc")));
    TensorProto zeros = initializer(m, "past.acc");
    assertEquals(List.of(2L, 3L), zeros.getDimsList());
    assertTrue(zeros.getRawData().toByteArray().length == 24 && zeros.getRawData().toByteArray()[0] == 0);
    assertEquals("past.acc;present.acc", metadata(m).get("ov2onnx.state.acc"));
    assertEquals("zeros", metadata(m).get("ov2onnx.state_initial.acc"));
    assertTrue(m.getIrVersion() >= 4);
  }

  /** A KV-cache-like state: each step appends x [1,2,3,4] along the dynamic axis 2; the cache is an output. */
  private static String cache(IrBuilder ir) {
    String x = ir.parameter("x", ElementType.F32, "1,2,3,4");
    String past = ir.namedOp("read_kv", "ReadValue", 6, variable("kv", "f32", "1,2,?,4"), 1).get(0);
    String kv = ir.namedOp("kv", "Concat", 1, Map.of("axis", "2"), 1, past, x).get(0);
    ir.namedOp("assign_kv", "Assign", 6, Map.of("variable_id", "kv"), 1, kv);
    ir.result(kv);
    return kv;
  }

  @Test
  void growingCacheOfDynamicShapeStartsEmpty() throws Exception {
    IrBuilder ir = new IrBuilder("cache");
    String kv = cache(ir);
    ir.result(ir.namedOp("total", "ReduceSum", 1, Map.of("keep_dims", "false"), 1, kv, ir.ints("axes", 2)).get(0));
    ModelProto m = convertAndVerify(ir, 4, List.of());
    assertEquals(List.of(1L, 2L, 0L, 4L), initializer(m, "past.kv").getDimsList());
    List<String> pastDims = dims(input(m, "past.kv"));
    assertEquals(List.of("1", "2", "4"), List.of(pastDims.get(0), pastDims.get(1), pastDims.get(3)));
    assertTrue(!pastDims.get(2).isEmpty() && !Character.isDigit(pastDims.get(2).charAt(0)), pastDims.toString());
    assertEquals("zeros", metadata(m).get("ov2onnx.state_initial.kv"));
  }

  @Test
  void cacheGrowsStepByStep() throws Exception {
    IrBuilder ir = new IrBuilder("cache_grows");
    cache(ir);
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("cache_grows.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    VerifyReport report = Verifier.verify(xml, onnx, VerifyOptions.defaults(), 4);
    assertTrue(report.passed(), report.toConsole());
    for (int step = 1; step <= 4; step++) {
      // the output, and present.kv against what OpenVINO's Assign stored
      for (String name : List.of("kv", "present.kv")) {
        OutputMetrics o = report.outputs().get(2 * (step - 1) + (name.equals("kv") ? 0 : 1));
        assertEquals(StatefulVerifier.stepName(step, name), o.name());
        assertArrayEquals(new long[] {1, 2, 3L * step, 4}, o.shape());
      }
    }
    // steps 2..4 fed the previous present.kv back
    assertTrue(report.inputs().stream().anyMatch(i -> i.name().equals("step 4/past.kv") && i.shape()[2] == 9), report.inputs().toString());
  }

  /**
   * The LLM pattern: the initial value is zeros [batch, 2, 0, 4], its batch taken from the input;
   * with length 1 instead of 0 the initial value is not empty, so step 1 fails unless it is used.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void initialValueComputedFromAnInputIsUsedWhilePastIsEmpty(int length) throws Exception {
    IrBuilder ir = new IrBuilder("llm_cache");
    String x = ir.parameter("x", ElementType.F32, "?,2,3,4");
    String shape = ir.op("ShapeOf", 3, Map.of("output_type", "i64"), x);
    String batch = ir.op("Gather", 8, Map.of("batch_dims", "0"), shape, ir.ints("first", 0), ir.constant("axis0", ElementType.I64, new long[0], 0));
    String target = ir.op("Concat", 1, Map.of("axis", "0"), batch, ir.ints("rest", 2, length, 4));
    String zero = ir.constant("zero", ElementType.F32, new long[0], 0.5 * length);
    String init = ir.op("Broadcast", 3, Map.of("mode", "numpy"), zero, target);
    String past = ir.namedOp("read_kv", "ReadValue", 6, variable("kv", "f32", "?,2,?,4"), 1, init).get(0);
    String kv = ir.namedOp("kv", "Concat", 1, Map.of("axis", "2"), 1, past, x).get(0);
    ir.namedOp("assign_kv", "Assign", 6, Map.of("variable_id", "kv"), 1, kv);
    ir.result(kv);
    ModelProto m = convertAndVerify(ir, 4, InputSpec.parseAll("x[2,2,3,4]"));
    assertEquals("computed-if-empty", metadata(m).get("ov2onnx.state_initial.kv"));
    assertEquals(List.of(0L, 2L, 0L, 4L), initializer(m, "past.kv").getDimsList());
    assertTrue(m.getGraph().getNodeList().stream().anyMatch(n -> n.getOpType().equals("If")));
    // the batch dimension is tied to the input's; present's batch to past's
    String xBatch = dims(input(m, "x")).get(0);
    assertEquals(xBatch, dims(input(m, "past.kv")).get(0));
    assertEquals(xBatch, dims(output(m, "present.kv")).get(0));
    assertNotEquals(xBatch, dims(input(m, "past.kv")).get(2));
  }

  @Test
  void computedInitialValueOfStaticShapeGetsASymbolicFirstDimension() throws Exception {
    IrBuilder ir = new IrBuilder("static_computed");
    String x = ir.parameter("x", ElementType.F32, "1,4");
    String init = ir.op("Multiply", 1, Map.of("auto_broadcast", "numpy"), x, ir.constant("two", ElementType.F32, new long[0], 2));
    String past = ir.namedOp("read_s", "ReadValue", 6, variable("s", "f32", "1,4"), 1, init).get(0);
    String next = ir.namedOp("next", "Add", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    ir.namedOp("assign_s", "Assign", 6, Map.of("variable_id", "s"), 1, next);
    ir.result(next);
    ModelProto m = convertAndVerify(ir, 4, List.of());
    assertEquals("computed-if-empty", metadata(m).get("ov2onnx.state_initial.s"));
    assertEquals(List.of(0L, 4L), initializer(m, "past.s").getDimsList());
    assertEquals("4", dims(input(m, "past.s")).get(1));
    assertTrue(!Character.isDigit(dims(input(m, "past.s")).get(0).charAt(0)), dims(input(m, "past.s")).toString());
    assertEquals(List.of("1", "4"), dims(output(m, "present.s")));
  }

  @Test
  void constantInitialValueIsThePastDefault() throws Exception {
    IrBuilder ir = new IrBuilder("constant_init");
    String x = ir.parameter("x", ElementType.F32, "1,4");
    String init = ir.constant("init", ElementType.F32, new long[] {1, 4}, 1, -2, 3, 0.5);
    String past = ir.namedOp("read_s", "ReadValue", 6, variable("s", "f32", "1,4"), 1, init).get(0);
    String next = ir.namedOp("next", "Multiply", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    ir.namedOp("assign_s", "Assign", 6, Map.of("variable_id", "s"), 1, next);
    ir.result(next);
    ModelProto m = convertAndVerify(ir, 4, List.of());
    assertEquals("constant", metadata(m).get("ov2onnx.state_initial.s"));
    assertEquals(List.of(1L, 4L), initializer(m, "past.s").getDimsList());
  }

  @Test
  void variableOfDynamicRankIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("dynamic_rank");
    String x = ir.parameter("x", ElementType.F32, "3");
    String init = ir.constant("init", ElementType.F32, new long[] {3}, 1, 2, 3);
    String past = ir.namedOp("read_r", "ReadValue", 6, variable("r", "f32", "..."), 1, init).get(0);
    String next = ir.namedOp("next", "Add", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    ir.namedOp("assign_r", "Assign", 6, Map.of("variable_id", "r"), 1, next);
    ir.result(next);
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("dynamic_rank.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("variable 'r' has a dynamic rank"), e.getMessage());
  }

  /** The state is no output: verify still compares present.h with what OpenVINO's Assign stores. */
  @Test
  void stateThatIsNoOutputIsComparedToo() throws Exception {
    IrBuilder ir = new IrBuilder("hidden_state");
    String x = ir.parameter("x", ElementType.F32, "1,3");
    String past = ir.namedOp("read_h", "ReadValue", 6, variable("h", "f32", "1,?"), 1).get(0);
    String h = ir.namedOp("h", "Concat", 1, Map.of("axis", "1"), 1, past, x).get(0);
    ir.namedOp("assign_h", "Assign", 6, Map.of("variable_id", "h"), 1, h);
    ir.result(ir.namedOp("total", "ReduceSum", 1, Map.of("keep_dims", "false"), 1, h, ir.ints("axes", 1)).get(0));
    Path xml = ir.write(dir);
    Path onnx = dir.resolve("hidden_state.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    VerifyReport report = Verifier.verify(xml, onnx, VerifyOptions.defaults(), 4);
    assertTrue(report.passed(), report.toConsole());
    OutputMetrics state = report.outputs().stream().filter(o -> o.name().equals("step 4/present.h")).findFirst()
        .orElseThrow(() -> new AssertionError(report.toConsole()));
    assertArrayEquals(new long[] {1, 12}, state.shape());
  }

  @Test
  void readValue3AndAssign3() throws Exception {
    IrBuilder ir = new IrBuilder("v3");
    String x = ir.parameter("x", ElementType.F32, "3");
    String init = ir.constant("init", ElementType.F32, new long[] {3}, 0.5, 0.25, -1);
    String past = ir.namedOp("read_v3", "ReadValue", 3, Map.of("variable_id", "v3"), 1, init).get(0);
    String next = ir.namedOp("next", "Subtract", 1, Map.of("auto_broadcast", "numpy"), 1, x, past).get(0);
    ir.namedOp("assign_v3", "Assign", 3, Map.of("variable_id", "v3"), 1, next);
    ir.result(next);
    ModelProto m = convertAndVerify(ir, 4, List.of());
    assertEquals("past.v3;present.v3", metadata(m).get("ov2onnx.state.v3"));
  }

  @Test
  void readValueWithoutAssignIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("read_only");
    String x = ir.parameter("x", ElementType.F32, "2");
    String init = ir.constant("init", ElementType.F32, new long[] {2}, 3, 4);
    String past = ir.namedOp("read_c", "ReadValue", 6, variable("c", "f32", "2"), 1, init).get(0);
    ir.result(ir.namedOp("scaled", "Multiply", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0));
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("read_only.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("node 'read_c' (ReadValue-6): variable 'c' has no Assign"), e.getMessage());
  }

  @Test
  void twoAssignsOfOneVariableAreRefused() throws Exception {
    IrBuilder ir = new IrBuilder("two_assigns");
    String x = ir.parameter("x", ElementType.F32, "2");
    String past = ir.namedOp("read_t", "ReadValue", 6, variable("t", "f32", "2"), 1).get(0);
    String a = ir.namedOp("a", "Add", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    String b = ir.namedOp("b", "Subtract", 1, Map.of("auto_broadcast", "numpy"), 1, past, x).get(0);
    ir.namedOp("assign_a", "Assign", 6, Map.of("variable_id", "t"), 1, a);
    ir.namedOp("assign_b", "Assign", 6, Map.of("variable_id", "t"), 1, b);
    ir.result(a);
    ir.result(b);
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("two.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("variable 't' is assigned by 2 Assign nodes"), e.getMessage());
    assertTrue(e.getMessage().contains("assign_a") && e.getMessage().contains("assign_b"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("two.onnx")));
  }

  @Test
  void stateInsideABodyIsRefused() throws Exception {
    IrBuilder ir = new IrBuilder("state_in_body");
    String c = ir.parameter("c", ElementType.BOOLEAN, "");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    IrBuilder then = ir.body("then");
    String tx = then.parameter("tx", ElementType.F32, "2,3");
    String past = then.namedOp("read_inner", "ReadValue", 6, variable("inner", "f32", "2,3"), 1).get(0);
    String sum = then.namedOp("inner_sum", "Add", 1, Map.of("auto_broadcast", "numpy"), 1, past, tx).get(0);
    then.namedOp("assign_inner", "Assign", 6, Map.of("variable_id", "inner"), 1, sum);
    String t0 = then.result(sum);
    IrBuilder otherwise = ir.body("else");
    String ex = otherwise.parameter("ex", ElementType.F32, "2,3");
    String e0 = otherwise.result(otherwise.op("Negative", 1, Map.of(), ex));
    String maps = "<then_port_map><input external_port_id=\"1\" internal_layer_id=\"" + IrBuilder.layerId(tx) + "\"/>"
        + "<output external_port_id=\"2\" internal_layer_id=\"" + t0 + "\"/></then_port_map>"
        + "<else_port_map><input external_port_id=\"1\" internal_layer_id=\"" + IrBuilder.layerId(ex) + "\"/>"
        + "<output external_port_id=\"2\" internal_layer_id=\"" + e0 + "\"/></else_port_map>";
    ir.result(ir.subgraphOp("If", 8, Map.of(), maps, Map.of("then_body", then, "else_body", otherwise), 1, c, x).get(0));
    Path xml = ir.write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("state_in_body.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("uses the state variable 'inner' inside a sub-graph body"), e.getMessage());
    assertTrue(Files.notExists(dir.resolve("state_in_body.onnx")));
  }

  @Test
  void theStatefulFixture() throws Exception {
    Path xml = Path.of("src/test/resources/fixtures/stateful.xml");
    Path onnx = dir.resolve("stateful.onnx");
    new Converter().convert(xml, onnx, ConvertOptions.defaults());
    assertNull(OnnxChecker.check(onnx));
    VerifyReport report = Verifier.verify(xml, onnx, VerifyOptions.defaults(), 5);
    assertTrue(report.passed(), report.toConsole());
    assertEquals(10, report.outputs().size());
    assertEquals("step 5/present.state_var", report.outputs().get(9).name());
  }
}
