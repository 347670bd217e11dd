package org.ov2onnx.convert.ops.sequence;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.ops.elementwise.OpModels;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/** CTCLoss-4 against OpenVINO CPU: random logits, labels with repeats, varying logit and label lengths. */
class CTCLossConverterTest {
  @TempDir Path dir;

  private static IrBuilder ctc(String indexType, boolean blankInput, Map<String, String> attrs) {
    return ctc(indexType, blankInput, attrs, 6);
  }

  private static IrBuilder ctc(String indexType, boolean blankInput, Map<String, String> attrs, long steps) {
    IrBuilder ir = new IrBuilder("ctc_loss");
    ElementType it = ElementType.fromOvName(indexType);
    List<String> inputs = new ArrayList<>(List.of(ir.parameter("logits", ElementType.F32, "3," + steps + ",5"),
        ir.parameter("logit_length", it, "3"), ir.parameter("labels", it, "3," + steps), ir.parameter("label_length", it, "3")));
    if (blankInput) {
      inputs.add(ir.constant("blank", it, new long[0], 2));
    }
    ir.result(ir.op("CTCLoss", 4, attrs, inputs.toArray(String[]::new)));
    return ir;
  }

  private static final Map<String, String> STANDARD =
      Map.of("preprocess_collapse_repeated", "false", "ctc_merge_repeated", "true", "unique", "false");

  @ParameterizedTest
  @CsvSource({"i32, true, 13", "i64, true, 17", "i32, false, 21"})
  void standardLoss(String indexType, boolean blankInput, int opset) throws Exception {
    ElementType it = ElementType.fromOvName(indexType);
    double blank = blankInput ? 2 : 4;
    double other = blankInput ? 3 : 1;
    // labels avoid the blank; the first sequence repeats a label; lengths leave room for the blanks between repeats
    double[] labels = {1, 1, 0, 0, 0, 0, other, 0, 3 - (blank == 3 ? 1 : 0), 0, 0, 0, 0, 1, 0, 0, 0, 0};
    OpCheck.of(ctc(indexType, blankInput, STANDARD), dir)
        .input("logit_length", OpModels.vector(it, 6, 5, 4))
        .input("labels", OpModels.tensor(it, new long[] {3, 6}, labels))
        .input("label_length", OpModels.vector(it, 2, 3, 1)) // (an empty label sequence crashes OpenVINO's CPU plugin)
        .tolerance(1e-4, 1e-4).opset(opset).run().assertUsesOp("LogSoftmax");
  }

  @Test
  void refusesOtherVariants() throws Exception {
    Path xml = ctc("i32", true, Map.of("preprocess_collapse_repeated", "true", "ctc_merge_repeated", "true", "unique", "false"))
        .write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("ctc.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("only the standard CTC loss"), e.getMessage());
  }

  /** The recursion is unrolled per time step: a declared length beyond the bound is refused, not unrolled. */
  @Test
  void refusesMoreTimeStepsThanItUnrolls() throws Exception {
    Path xml = ctc("i32", false, STANDARD, 100_000).write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("ctc-long.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("for 1 to 4096 steps"), e.getMessage());
  }
}
