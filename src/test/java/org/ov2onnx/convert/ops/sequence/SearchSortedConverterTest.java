package org.ov2onnx.convert.ops.sequence;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class SearchSortedConverterTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"true, '6', '2,5'", "false, '6', '4'", "true, '2,3,6', '2,3,4'", "false, '2,6', '2,5'"})
  void modesAndRanks(boolean right, String sortedShape, String valuesShape) throws Exception {
    IrBuilder ir = new IrBuilder("searchsorted");
    String[] dims = sortedShape.split(",");
    long[] shape = java.util.Arrays.stream(dims).mapToLong(Long::parseLong).toArray();
    int n = (int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    double[] sorted = new double[n];
    for (int i = 0; i < n; i++) {
      sorted[i] = (i % shape[shape.length - 1]) * 2 - 4 + (i / shape[shape.length - 1]);
    }
    String seq = ir.constant("sorted", ElementType.I32, shape, sorted);
    String values = ir.parameter("values", ElementType.I32, valuesShape);
    ir.result(ir.op("SearchSorted", 15, Map.of("right_mode", Boolean.toString(right), "output_type", "i64"), seq, values));
    OpCheck.of(ir, dir).range("values", -6, 8).run().assertUsesOp("ReduceSum");
  }
}
