package org.ov2onnx.convert.ops.normalization;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class BatchNormInferenceConverterTest {
  @TempDir Path dir;

  /**
   * Distinct gamma, beta, mean and variance values catch a swapped input; version 1 takes
   * (gamma, beta, data, mean, variance), version 5 (data, gamma, beta, mean, variance).
   */
  @ParameterizedTest
  @CsvSource({"1,13", "5,13", "1,17", "5,17", "1,21", "5,21"})
  void normalizesPerChannel(int version, int opset) throws Exception {
    run(version, "2,3", opset);
  }

  @ParameterizedTest
  @CsvSource({"1", "5"})
  void fourDimensionalData(int version) throws Exception {
    run(version, "2,3,4,5", 21);
  }

  private void run(int version, String shape, int opset) throws Exception {
    IrBuilder ir = new IrBuilder("batchnorm");
    String data = ir.parameter("data", ElementType.F32, shape);
    String gamma = ir.constant("gamma", ElementType.F32, new long[] {3}, 0.5, -1.5, 2);
    String beta = ir.constant("beta", ElementType.F32, new long[] {3}, 0.1, 0.2, -0.3);
    String mean = ir.constant("mean", ElementType.F32, new long[] {3}, -1, 0.5, 2);
    String variance = ir.constant("variance", ElementType.F32, new long[] {3}, 0.25, 4, 1.5);
    Map<String, String> eps = Map.of("epsilon", "0.01");
    String y =
        version == 1
            ? ir.op("BatchNormInference", 1, eps, gamma, beta, data, mean, variance)
            : ir.op("BatchNormInference", 5, eps, data, gamma, beta, mean, variance);
    ir.result(y);
    OpCheck.of(ir, dir).opset(opset).run().assertUsesOp("BatchNormalization");
  }
}
