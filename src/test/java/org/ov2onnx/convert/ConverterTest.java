package org.ov2onnx.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ops.graph.GraphConverters;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.NodeProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.onnx.proto.OnnxProto.ValueInfoProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OnnxChecker;
import org.ov2onnx.testing.OpCheck;

/** The conversion driver: reporting, custom ops, safe output, determinism, metadata, overrides. */
class ConverterTest {
  @TempDir Path dir;

  /** A converter that knows only the graph family, so that anything else is unsupported. */
  static Converter graphOnly() {
    return new Converter(ConverterRegistry.of(GraphConverters.all(), List.of()));
  }

  /** x -> Relu -> Elu(alpha 0.5) -> Elu(alpha 0.25) -> outputs, plus a Selu branch. */
  Path model() throws IOException {
    IrBuilder ir = new IrBuilder("mixed");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String relu = ir.op("Relu", 1, Map.of(), x);
    String elu1 = ir.op("Elu", 1, Map.of("alpha", "0.5"), relu);
    String elu2 = ir.op("Elu", 1, Map.of("alpha", "0.25"), elu1);
    ir.result(elu2);
    return ir.write(dir);
  }

  static List<Path> filesIn(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().collect(Collectors.toList());
    }
  }

  @Test
  void allUnsupportedOperationsAreReportedAtOnceAndNothingIsWritten() throws Exception {
    Path xml = model();
    List<Path> before = filesIn(dir);
    Path out = dir.resolve("out.onnx");
    UnsupportedOperationsException e = assertThrows(UnsupportedOperationsException.class,
        () -> graphOnly().convert(xml, out, ConvertOptions.defaults()));
    assertEquals(2, e.operations().size(), e.getMessage());
    var elu = e.operations().stream().filter(u -> u.type().equals("Elu")).findFirst().orElseThrow();
    assertEquals(1, elu.version());
    assertEquals(2, elu.count());
    assertEquals(List.of("elu_2", "elu_3"), elu.nodes());
    assertTrue(e.getMessage().contains("Relu-1 x1"), e.getMessage());
    assertEquals(before, filesIn(dir), "no output and no temporary file");
  }

  @Test
  void customOpsKeepEveryAttribute() throws Exception {
    Path out = dir.resolve("custom.onnx");
    ConversionResult r = graphOnly().convert(model(), out, ConvertOptions.defaults().withAllowCustomOps(true));
    assertEquals(3, r.customOps());
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
    NodeProto elu = m.getGraph().getNodeList().stream().filter(n -> n.getOpType().equals("Elu")).findFirst().orElseThrow();
    assertEquals("org.openvinotoolkit", elu.getDomain());
    assertEquals(0.5f, elu.getAttributeList().stream().filter(a -> a.getName().equals("alpha")).findFirst().orElseThrow().getF());
    assertEquals(1, elu.getAttributeList().stream().filter(a -> a.getName().equals("ov_version")).findFirst().orElseThrow().getI());
    assertTrue(m.getOpsetImportList().stream().anyMatch(o -> o.getDomain().equals("org.openvinotoolkit")));
    assertEquals(null, OnnxChecker.check(out), "custom domains pass the checker");
  }

  @Test
  void sameInputGivesByteIdenticalOutput() throws Exception {
    Path xml = model();
    Path a = dir.resolve("a.onnx");
    Path b = dir.resolve("b.onnx");
    ConvertOptions o = ConvertOptions.defaults().withAllowCustomOps(true);
    graphOnly().convert(xml, a, o);
    graphOnly().convert(xml, b, o);
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void neverOverwritesAnInput() throws Exception {
    Path xml = model();
    byte[] original = Files.readAllBytes(xml);
    ConvertOptions o = ConvertOptions.defaults().withAllowCustomOps(true);
    assertThrows(IOException.class, () -> graphOnly().convert(xml, xml, o));
    assertThrows(IOException.class, () -> graphOnly().convert(xml, dir.resolve("mixed.bin"), o));
    assertArrayEquals(original, Files.readAllBytes(xml));
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    Path xml = model();
    Path blocked = dir.resolve("blocked.onnx");
    Files.createDirectories(blocked); // a directory where the file should go: the rename fails
    assertThrows(IOException.class, () -> graphOnly().convert(xml, blocked, ConvertOptions.defaults().withAllowCustomOps(true)));
    assertTrue(filesIn(dir).stream().noneMatch(p -> p.getFileName().toString().startsWith(".ov2onnx-")), filesIn(dir).toString());
  }

  @Test
  void metadataRecordsSourceOpenVinoAndConverter() throws Exception {
    Path out = dir.resolve("meta.onnx");
    graphOnly().convert(model(), out, ConvertOptions.defaults().withAllowCustomOps(true));
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
    Map<String, String> meta = m.getMetadataPropsList().stream().collect(Collectors.toMap(p -> p.getKey(), p -> p.getValue()));
    assertEquals("mixed.xml", meta.get("ov2onnx.source_model"));
    assertTrue(meta.get("ov2onnx.openvino_version").startsWith("2026.4.1"));
    assertTrue(meta.get("ov2onnx.converter").startsWith("ov2onnx "));
    assertEquals("ov2onnx", m.getProducerName());
    assertEquals(8, m.getIrVersion());
    assertEquals(17, m.getOpsetImport(0).getVersion());
  }

  @Test
  void dynamicDimensionsBecomeSymbolicAndNamesAndOrderAreKept() throws Exception {
    IrBuilder ir = new IrBuilder("dyn");
    String b = ir.parameter("b_input", ElementType.F32, "?,3,1..10");
    String a = ir.parameter("a_input", ElementType.I64, "4");
    ir.result(a);
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f16"), b));
    Path out = dir.resolve("dyn.onnx");
    new Converter().convert(ir.write(dir), out, ConvertOptions.defaults());
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
    assertEquals(List.of("b_input", "a_input"), m.getGraph().getInputList().stream().map(ValueInfoProto::getName).toList());
    var dims = m.getGraph().getInput(0).getType().getTensorType().getShape().getDimList();
    assertEquals("b_input_d0", dims.get(0).getDimParam());
    assertEquals(3, dims.get(1).getDimValue());
    assertEquals("b_input_d2", dims.get(2).getDimParam());
    assertEquals(2, m.getGraph().getOutputCount());
    assertEquals(null, OnnxChecker.check(out));
    OpCheck.model(dir.resolve("dyn.xml"), dir).shape("b_input", 2, 3, 7).run();
  }

  @Test
  void inputOverridesFixShapesAndTypes() throws Exception {
    IrBuilder ir = new IrBuilder("over");
    String x = ir.parameter("x", ElementType.F32, "?,3");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), x));
    Path xml = ir.write(dir);
    Path out = dir.resolve("over.onnx");
    new Converter().convert(xml, out, ConvertOptions.defaults().withInputs(InputSpec.parseAll("x[5,3]{f16}")));
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
    var t = m.getGraph().getInput(0).getType().getTensorType();
    assertEquals(TensorProto.DataType.FLOAT16.getNumber(), t.getElemType());
    assertEquals(5, t.getShape().getDim(0).getDimValue());
    assertTrue(m.getMetadataPropsList().stream().anyMatch(p -> p.getKey().equals("ov2onnx.input_overrides")));
    assertThrows(InvalidInputSpecException.class,
        () -> new Converter().convert(xml, dir.resolve("x.onnx"), ConvertOptions.defaults().withInputs(InputSpec.parseAll("nope[1]"))));
  }

  @Test
  void fp16WeightsStayHalfWithACastUnlessUpcast() throws Exception {
    IrBuilder ir = new IrBuilder("fp16");
    String w = ir.constant("w_compressed", ElementType.F16, new long[] {2, 2}, 0.5, -1, 2.25, 3);
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), w));
    Path xml = ir.write(dir);
    var half = OpCheck.model(xml, dir).run();
    assertEquals(TensorProto.DataType.FLOAT16.getNumber(), half.model().getGraph().getInitializer(0).getDataType());
    half.assertUsesOp("Cast");
    var full = OpCheck.model(xml, dir).options(ConvertOptions.defaults().withUpcastFp16(true)).run();
    assertEquals(TensorProto.DataType.FLOAT.getNumber(), full.model().getGraph().getInitializer(0).getDataType());
    full.assertNoOp("Cast");
  }

  @Test
  void userConvertersComeThroughServiceLoader() throws Exception {
    IrBuilder ir = new IrBuilder("erfinv");
    String x = ir.parameter("x", ElementType.F32, "2,5");
    ir.result(ir.op("ErfInv", 17, Map.of(), x));
    var r = OpCheck.of(ir, dir).range("x", -0.9, 0.9).tolerance(1e-5, 1e-5).run().assertUsesOp("Erf");
    assertFalse(r.opTypes().isEmpty());
    assertTrue(ConverterRegistry.withProviders().find("ErfInv", 17).isPresent());
    assertFalse(ConverterRegistry.builtIn().find("ErfInv", 17).isPresent());
  }

  @ConvertsOp(type = "Convert", versions = 1)
  static final class SecondConvert implements OpConverter {
    @Override
    public void convert(org.ov2onnx.convert.spi.NodeView node, org.ov2onnx.convert.spi.GraphBuilder graph) {}
  }

  @Test
  void aDuplicateRegistrationIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ConverterRegistry.of(GraphConverters.all(), List.of(new SecondConvert())));
    assertTrue(e.getMessage().contains("Convert-1"), e.getMessage());
  }

  @Test
  void externalDataAlwaysWritesTheStandardLayout() throws Exception {
    IrBuilder ir = new IrBuilder("ext");
    double[] values = new double[300 * 300];
    for (int i = 0; i < values.length; i++) {
      values[i] = i * 0.001;
    }
    String w = ir.constant("big", ElementType.F32, new long[] {300, 300}, values);
    String small = ir.constant("small", ElementType.F32, new long[] {2}, 1, 2);
    String x = ir.parameter("x", ElementType.F32, "300,300");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), w));
    ir.result(small);
    ir.result(x);
    Path xml = ir.write(dir);
    var r = OpCheck.model(xml, dir).options(ConvertOptions.defaults().withExternalData(org.ov2onnx.onnx.ExternalData.ALWAYS)).run();
    Path data = dir.resolve("ext.onnx.data");
    assertTrue(Files.exists(data));
    assertEquals(300L * 300 * 4, Files.size(data));
    TensorProto big = r.model().getGraph().getInitializerList().stream().filter(t -> t.getName().equals("big")).findFirst().orElseThrow();
    assertEquals(TensorProto.DataLocation.EXTERNAL, big.getDataLocation());
    assertEquals("ext.onnx.data", big.getExternalData(0).getValue());
    // OpenVINO's own ONNX reader loads the result, external data included
    try (var core = org.ov2onnx.openvino.Core.create(); var back = core.readModel(dir.resolve("ext.onnx"))) {
      assertEquals(3, back.outputs().size());
    }
  }

  /** Squeeze-15 with allow_axis_skip on a dynamic dimension: a variant ONNX cannot express. */
  private static void unsqueezableSqueeze(IrBuilder ir, String x) {
    ir.result(ir.op("Squeeze", 15, Map.of("allow_axis_skip", "true"), x, ir.ints("axes", 1)));
  }

  @Test
  void refusedVariantsAreReportedTogether() throws Exception {
    IrBuilder ir = new IrBuilder("two_bad_squeezes");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    unsqueezableSqueeze(ir, x);
    unsqueezableSqueeze(ir, x);
    UnsupportedOperationsException e = assertThrows(UnsupportedOperationsException.class,
        () -> new Converter().convert(ir.write(dir), dir.resolve("bad2.onnx"), ConvertOptions.defaults()));
    assertEquals(1, e.operations().size(), e.getMessage());
    assertEquals(2, e.operations().get(0).count());
    assertTrue(e.operations().get(0).reason().contains("allow_axis_skip=true on dynamic dimension 1"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("bad2.onnx")));
  }

  @Test
  void conversionErrorsNameTheNode() throws Exception {
    IrBuilder ir = new IrBuilder("bad_squeeze");
    String x = ir.parameter("x", ElementType.F32, "2,?");
    unsqueezableSqueeze(ir, x);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(ir.write(dir), dir.resolve("bad.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("'squeeze_2' (Squeeze-15)"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("bad.onnx")));
  }
}
