package org.ov2onnx.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.convert.ConverterRegistry;
import org.ov2onnx.convert.ops.graph.GraphConverters;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.OpConverter;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** A converter that emits a type its ONNX op does not take: the conversion fails and writes nothing. */
class TypeGateConversionTest {
  @TempDir Path dir;

  /** Writes Sqrt over whatever it gets: over int32 that breaks Sqrt's constraint (floats only). */
  @ConvertsOp(type = "Sqrt", versions = 1)
  static final class CarelessSqrt implements OpConverter {
    @Override
    public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
      graph.add(OnnxNode.op("Sqrt").inputs(node.input(0)).outputs(node.output(0)));
    }
  }

  @Test
  void aConverterThatEmitsAnInvalidTypeFailsTheConversionAndWritesNothing() throws Exception {
    IrBuilder ir = new IrBuilder("careless");
    ir.result(ir.op("Sqrt", 1, Map.of(), ir.parameter("x", ElementType.I32, "2,3")));
    Path xml = ir.write(dir);
    Path out = dir.resolve("careless.onnx");
    Converter converter = new Converter(ConverterRegistry.of(GraphConverters.all(), List.of(new CarelessSqrt())));
    OnnxTypeCheck.TypeConstraintException e = assertThrows(OnnxTypeCheck.TypeConstraintException.class,
        () -> converter.convert(xml, out, ConvertOptions.defaults()));
    assertTrue(e.getMessage().matches("node '[^']+' \\(ONNX Sqrt\\) input 'x' \\(X\\) is tensor\\(int32\\), which Sqrt-13 does not "
        + "allow: T in \\{tensor\\(float16\\), tensor\\(float\\), tensor\\(double\\), tensor\\(bfloat16\\)\\}"), e.getMessage());
    assertFalse(Files.exists(out));
    // the same model over f32 converts
    IrBuilder f = new IrBuilder("careful");
    f.result(f.op("Sqrt", 1, Map.of(), f.parameter("x", ElementType.F32, "2,3")));
    converter.convert(f.write(dir), dir.resolve("careful.onnx"), ConvertOptions.defaults());
    assertTrue(Files.exists(dir.resolve("careful.onnx")));
  }
}
