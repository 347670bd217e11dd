package org.ov2onnx.convert.ops.misc;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class EinsumConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {
        "ij,jk->ik; 3,4; 4,5; 13",
        "bij,bjk->bik; 2,3,4; 2,4,5; 21",
        "...ij,...jk->...ik; 2,3,4; 2,4,5; 17",
        "ij,jk; 3,4; 4,5; 13",
        "ab,cb->ac; 3,4; 5,4; 21",
        "Ab,bC->AC; 3,4; 4,5; 17",
        "i,i->; 4; 4; 13",
        "i,j->ij; 3; 4; 21",
        "...ij,...jk; 2,3,4; 2,4,5; 13",
        "ba,ca; 4,3; 5,3; 21"
      })
  void twoOperands(String equation, String a, String b, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("einsum2");
    String x = ir.parameter("a", ElementType.F32, a);
    String y = ir.parameter("b", ElementType.F32, b);
    ir.result(ir.op("Einsum", 7, Map.of("equation", equation), x, y));
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("Einsum");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = ';',
      value = {"ii->i; 4,4", "ii->; 4,4", "ij->ji; 3,4", "abc->b; 2,3,4", "a...->...; 2,3,4", "ij; 3,4", "ji; 3,4"})
  void oneOperand(String equation, String shape) throws Exception {
    IrBuilder ir = new IrBuilder("einsum1");
    String x = ir.parameter("a", ElementType.F32, shape);
    ir.result(ir.op("Einsum", 7, Map.of("equation", equation), x));
    OpCheck.of(ir, dir).run().assertUsesOp("Einsum");
  }

  /** "ii" is a trace in ONNX, but OpenVINO keeps both axes (and cannot run it). */
  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"ii; 4,4", "...ii; 2,3,3", "iij; 2,2,3"})
  void refusesImplicitEquationsRepeatingALabel(String equation, String shape) throws Exception {
    IrBuilder ir = new IrBuilder("einsum_implicit_repeat");
    String x = ir.parameter("a", ElementType.F32, shape);
    ir.result(ir.op("Einsum", 7, Map.of("equation", equation), x));
    ConversionException e = assertThrows(ConversionException.class, () -> OpCheck.of(ir, dir).run());
    assertTrue(e.getMessage().contains("explicitly"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({"I32", "F64"})
  void threeOperandsOfOtherTypes(ElementType type) throws Exception {
    IrBuilder ir = new IrBuilder("einsum3");
    String x = ir.parameter("a", type, "2,3");
    String y = ir.parameter("b", type, "3,4");
    String z = ir.parameter("c", type, "4");
    ir.result(ir.op("Einsum", 7, Map.of("equation", "ij,jk,k->i"), x, y, z));
    OpCheck.of(ir, dir).run();
  }
}
