package org.ov2onnx.convert.ops.graph;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class ConvertConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"f16", "f64", "i32", "i64", "u8", "boolean"})
  void floatToOtherTypes(String to) throws Exception {
    IrBuilder ir = new IrBuilder("convert_" + to);
    String x = ir.parameter("x", ElementType.F32, "2,3,4");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", to), x));
    OpCheck.of(ir, dir).range("x", -50, 50).run().assertUsesOp("Cast");
  }

  @Test
  void intToFloat() throws Exception {
    IrBuilder ir = new IrBuilder("convert_int");
    String x = ir.parameter("x", ElementType.I32, "5");
    ir.result(ir.op("Convert", 1, Map.of("destination_type", "f32"), x));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void convertLikeTakesTheSecondInputsType() throws Exception {
    IrBuilder ir = new IrBuilder("convert_like");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    String like = ir.constant("like", ElementType.I64, new long[] {1}, 0);
    ir.result(ir.op("ConvertLike", 1, Map.of(), x, like));
    OpCheck.of(ir, dir).range("x", -100, 100).run().assertUsesOp("Cast");
  }

  @Test
  void parameterConstantAndResult() throws Exception {
    IrBuilder ir = new IrBuilder("passthrough");
    String x = ir.parameter("x", ElementType.F32, "2,2");
    String c = ir.constant("c", ElementType.F32, new long[] {2, 2}, 1, 2, 3, 4);
    ir.result(x);
    ir.result(c);
    OpCheck.of(ir, dir).run();
  }
}
