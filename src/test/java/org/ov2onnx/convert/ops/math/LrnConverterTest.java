package org.ov2onnx.convert.ops.math;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class LrnConverterTest {
  @TempDir Path dir;

  private static IrBuilder lrn(String shape, long[] axes, String size, String beta) {
    IrBuilder ir = new IrBuilder("lrn");
    String x = ir.parameter("x", ElementType.F32, shape);
    ir.result(ir.op("LRN", 1, Map.of("alpha", "0.3", "beta", beta, "bias", "2", "size", size), x, ir.ints("axes", axes)));
    return ir;
  }

  @ParameterizedTest
  @CsvSource({"1, 0.75", "2, 0.5", "3, 0.75", "4, 1", "5, 0.75"})
  void acrossChannels(String size, String beta) throws Exception {
    OpCheck.of(lrn("2,7,3,3", new long[] {1}, size, beta), dir).run().assertUsesOp("LRN");
  }

  @ParameterizedTest
  @CsvSource({"'1,2,5,6', 3", "'1,2,5,6', 4", "'2,3,7', 3", "'1,2,3,4,5', 3"})
  void acrossSpatialAxes(String shape, String size) throws Exception {
    int rank = shape.split(",").length;
    long[] axes = new long[rank - 2];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i + 2;
    }
    OpCheck.of(lrn(shape, axes, size, "0.75"), dir).run().assertUsesOp("AveragePool");
  }

  @Test
  void refusesOtherAxisSets() throws Exception {
    Path xml = lrn("1,2,5,6", new long[] {1, 2, 3}, "3", "0.75").write(dir);
    ConversionException e = assertThrows(ConversionException.class,
        () -> new Converter().convert(xml, dir.resolve("lrn.onnx"), ConvertOptions.defaults()));
    assertTrue(e.getMessage().contains("only [1] (across channels)"), e.getMessage());
  }
}
