package org.ov2onnx.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Fixtures;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** The streaming serializer writes exactly protobuf's bytes, whatever holds the raw data. */
class StreamingSerializerTest {
  @TempDir Path dir;

  private byte[] stream(ModelProto m) throws Exception {
    Path f = dir.resolve("m.onnx");
    try (FileChannel c = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        StreamingSerializer s = new StreamingSerializer(c, f, Progress.NONE, 0)) {
      s.writeModel(m);
    }
    return Files.readAllBytes(f);
  }

  @Test
  void heapDirectAndMappedDataGiveProtobufsBytes() throws Exception {
    ByteBuffer direct = ByteBuffer.allocateDirect(200_000);
    for (int i = 0; i < direct.capacity(); i++) {
      direct.put(i, (byte) (i * 31));
    }
    byte[] heap = new byte[100_000];
    for (int i = 0; i < heap.length; i++) {
      heap[i] = (byte) (i * 7);
    }
    IrBuilder ir = new IrBuilder("mapped");
    double[] values = new double[200 * 200];
    for (int i = 0; i < values.length; i++) {
      values[i] = i;
    }
    ir.result(ir.constant("const_f32", ElementType.F32, new long[] {200, 200}, values));
    ir.result(ir.constant("small", ElementType.I64, new long[] {3}, 1, 2, 3));
    try (Core core = Core.create();
        Model model = core.readModel(ir.write(dir))) {
      // a converted model whose initializers are views of the memory-mapped mapped.bin
      var c = new Converter().toOnnx(model, ConvertOptions.defaults(), "mapped.xml");
      var g = c.model().getGraphBuilder();
      g.addInitializer(TensorProto.newBuilder().setName("direct").setDataType(2).addDims(200_000)
          .setRawData(UnsafeByteOperations.unsafeWrap(direct)).setDocString("after raw data"));
      g.addInitializer(TensorProto.newBuilder().setName("heap").setDataType(2).addDims(100_000)
          .setRawData(ByteString.copyFrom(heap)));
      ModelProto m = c.model().build();
      assertNotNull(m.getGraph().getInitializerList().stream().filter(t -> t.getName().equals("const_f32")).findFirst().orElse(null));
      assertArrayEquals(m.toByteArray(), stream(m));
    }
  }

  @Test
  void mappedWeightsAreFoundInTheirFile() throws Exception {
    try (Core core = Core.create();
        Model model = core.readModel(Fixtures.ir("constants"))) {
      var data = Fixtures.node(model, "const_f32").constant();
      FileRegions.Region r = FileRegions.snapshot().locate(data.bytes());
      assertNotNull(r, "const_f32 should lie in the mapping of constants.bin");
      org.junit.jupiter.api.Assertions.assertEquals(Fixtures.ir("constants").resolveSibling("constants.bin").toRealPath(), r.file());
      byte[] fromFile = new byte[(int) r.length()];
      try (FileChannel ch = FileChannel.open(r.file())) {
        ch.read(ByteBuffer.wrap(fromFile), r.offset());
      }
      byte[] fromView = new byte[(int) data.byteSize()];
      data.bytes().get(fromView);
      assertArrayEquals(fromView, fromFile);
    }
  }
}
