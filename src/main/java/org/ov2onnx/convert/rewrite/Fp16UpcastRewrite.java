package org.ov2onnx.convert.rewrite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphRewrite;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.SourceGraph;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ConstantData;
import org.ov2onnx.openvino.ElementType;

/**
 * {@code --upcast-fp16}: OpenVINO's FP16 weight compression (an f16 Constant → Convert to f32)
 * becomes one f32 initializer, so the ONNX model holds plain f32 weights. The Constant itself is
 * left alone (dropped if nothing else uses it).
 */
public final class Fp16UpcastRewrite implements GraphRewrite {
  @Override
  public String name() {
    return "fp16-upcast";
  }

  @Override
  public String description() {
    return "with --upcast-fp16: f16 Constant → Convert(f32) becomes one f32 initializer";
  }

  @Override
  public List<Match> match(SourceGraph graph, int opset, IntPredicate claimed) throws ConversionException {
    List<Match> matches = new ArrayList<>();
    // constants that share their data in the IR (same address and size) are upcast once
    java.util.Map<String, String> upcastOf = new java.util.HashMap<>();
    for (int i = 0; i < graph.nodeCount(); i++) {
      if (claimed.test(i) || !graph.type(i).equals("Convert")) {
        continue;
      }
      NodeView convert = graph.node(i);
      if (convert.inputCount() != 1 || convert.outputType(0) != ElementType.F32) {
        continue;
      }
      int source = graph.source(i, 0).node();
      if (graph.type(source).equals("Constant") && convert.inputType(0) == ElementType.F16) {
        ConstantData data = graph.node(source).constantData();
        String key = data.address() + ":" + data.byteSize() + ":" + java.util.Arrays.toString(data.shape());
        String first = upcastOf.putIfAbsent(key, convert.output(0));
        if (first == null) {
          matches.add(new Match(i, new int[] {i}, out -> upcast(convert, out)));
        } else {
          matches.add(new Match(i, new int[] {i},
              out -> out.add(org.ov2onnx.convert.spi.OnnxNode.op("Identity").inputs(first).outputs(convert.output(0)))));
        }
      }
    }
    return matches;
  }

  /** The f32 values, computed outside the Java heap. */
  private static void upcast(NodeView convert, org.ov2onnx.convert.spi.GraphBuilder out) throws ConversionException {
    ConstantData half = convert.constantInput(0).orElseThrow(() -> convert.error("lost its f16 constant"));
    ByteBuffer in = half.bytes();
    int count = Math.toIntExact(half.elementCount());
    ByteBuffer f32 = ByteBuffer.allocateDirect(count * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int k = 0; k < count; k++) {
      f32.putFloat(TensorBytes.fromF16(in.getShort()));
    }
    f32.flip();
    out.initializer(convert.output(0), ElementType.F32, half.shape(), f32);
  }
}
