package org.ov2onnx.convert.ops.shape;


import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

class TileConverterTest {
  @TempDir Path dir;

  @Test
  void oneRepeatPerAxis() throws Exception {
    IrBuilder ir = new IrBuilder("tile");
    String x = ir.parameter("x", ElementType.F32, "2,3");
    ir.result(ir.op("Tile", 1, Map.of(), x, ir.ints("repeats", 2, 3)));
    OpCheck.of(ir, dir).run().assertUsesOp("Tile");
  }

  @Test
  void fewerRepeatsThanAxes() throws Exception {
    IrBuilder ir = new IrBuilder("tile_short");
    String x = ir.parameter("x", ElementType.F32, "2,3,2");
    ir.result(ir.op("Tile", 1, Map.of(), x, ir.constant("repeats", ElementType.I32, new long[] {1}, 3)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void moreRepeatsThanAxes() throws Exception {
    IrBuilder ir = new IrBuilder("tile_long");
    String x = ir.parameter("x", ElementType.I64, "3");
    ir.result(ir.op("Tile", 1, Map.of(), x, ir.ints("repeats", 2, 1, 2)));
    OpCheck.of(ir, dir).run();
  }

  @Test
  void dynamicRepeats() throws Exception {
    IrBuilder ir = new IrBuilder("tile_dyn");
    String x = ir.parameter("x", ElementType.F32, "2,3,2");
    String repeats = ir.parameter("repeats", ElementType.I64, "2");
    ir.result(ir.op("Tile", 1, Map.of(), x, repeats));
    OpCheck.of(ir, dir).range("repeats", 1, 3).run();
  }
}
