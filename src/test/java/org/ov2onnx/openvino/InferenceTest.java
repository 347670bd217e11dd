package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Inference on OpenVINO's CPU plugin for every element type, with dynamic shapes and state. */
class InferenceTest {
  static Core core;

  @BeforeAll
  static void open() throws Exception {
    core = Core.create();
  }

  @AfterAll
  static void close() {
    core.close();
  }

  /** Runs dtypes_T (out = in * 2, or !in, or in) on {@code input} and returns the output. */
  private static Tensor run(String fixture, Tensor input) throws Exception {
    try (Model m = core.readModel(Fixtures.ir(fixture));
        CompiledModel c = core.compile(m, "CPU", Core.REFERENCE_MODE);
        InferRequest r = c.createRequest()) {
      r.setInput(0, input);
      r.infer();
      return r.output(0);
    }
  }

  private static Tensor tensor(ElementType type, int bytesPerElement, double[] values, BiConsumer<ByteBuffer, Double> put) {
    ByteBuffer b = ByteBuffer.allocateDirect(values.length * bytesPerElement).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : values) {
      put.accept(b, v);
    }
    b.flip();
    return Tensor.of(type, new long[] {2, 3}, b);
  }

  private static double[] read(Tensor t, int bytesPerElement, Function<ByteBuffer, Double> get) {
    ByteBuffer b = t.data();
    double[] out = new double[(int) t.elementCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = get.apply(b);
    }
    assertEquals(0, b.remaining());
    return out;
  }

  /** f32 -> f16 bits for values exactly representable in f16 (the test inputs). */
  static short f16(double v) {
    int bits = Float.floatToIntBits((float) v);
    int sign = (bits >>> 16) & 0x8000;
    int exp = ((bits >>> 23) & 0xff) - 127 + 15;
    int mant = (bits >>> 13) & 0x3ff;
    if (v == 0) {
      return (short) sign;
    }
    return (short) (sign | (exp << 10) | mant);
  }

  static double fromF16(short h) {
    int sign = (h & 0x8000) << 16;
    int exp = (h >>> 10) & 0x1f;
    int mant = h & 0x3ff;
    if (exp == 0 && mant == 0) {
      return Float.intBitsToFloat(sign);
    }
    return Float.intBitsToFloat(sign | ((exp - 15 + 127) << 23) | (mant << 13));
  }

  static final double[] FLOATS = {-1.5, 0, 1, 2.25, 3, -4};

  static double[] doubled(double[] v) {
    double[] out = v.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] *= 2;
    }
    return out;
  }

  @Test
  void floatingPointTypes() throws Exception {
    Tensor f32 = run("dtypes_f32", tensor(ElementType.F32, 4, FLOATS, (b, v) -> b.putFloat(v.floatValue())));
    assertEquals(ElementType.F32, f32.elementType());
    assertArrayEquals(new long[] {2, 3}, f32.shape());
    assertArrayEquals(doubled(FLOATS), read(f32, 4, b -> (double) b.getFloat()));

    Tensor f64 = run("dtypes_f64", tensor(ElementType.F64, 8, FLOATS, ByteBuffer::putDouble));
    assertArrayEquals(doubled(FLOATS), read(f64, 8, ByteBuffer::getDouble));

    Tensor f16 = run("dtypes_f16", tensor(ElementType.F16, 2, FLOATS, (b, v) -> b.putShort(f16(v))));
    assertEquals(ElementType.F16, f16.elementType());
    assertArrayEquals(doubled(FLOATS), read(f16, 2, b -> fromF16(b.getShort())));

    Tensor bf16 = run("dtypes_bf16",
        tensor(ElementType.BF16, 2, FLOATS, (b, v) -> b.putShort((short) (Float.floatToIntBits(v.floatValue()) >>> 16))));
    assertEquals(ElementType.BF16, bf16.elementType());
    assertArrayEquals(doubled(FLOATS), read(bf16, 2, b -> (double) Float.intBitsToFloat(b.getShort() << 16)));
  }

  @Test
  void integerTypes() throws Exception {
    double[] signed8 = {-60, -1, 0, 1, 2, 63};
    assertArrayEquals(doubled(signed8), read(run("dtypes_i8", tensor(ElementType.I8, 1, signed8, (b, v) -> b.put(v.byteValue()))), 1, b -> (double) b.get()));
    double[] unsigned8 = {0, 1, 2, 3, 100, 127};
    assertArrayEquals(doubled(unsigned8), read(run("dtypes_u8", tensor(ElementType.U8, 1, unsigned8, (b, v) -> b.put((byte) v.intValue()))), 1, b -> (double) (b.get() & 0xff)));
    double[] signed16 = {-16000, -1, 0, 1, 2, 16000};
    assertArrayEquals(doubled(signed16), read(run("dtypes_i16", tensor(ElementType.I16, 2, signed16, (b, v) -> b.putShort(v.shortValue()))), 2, b -> (double) b.getShort()));
    double[] unsigned16 = {0, 1, 2, 3, 1000, 32767};
    assertArrayEquals(doubled(unsigned16), read(run("dtypes_u16", tensor(ElementType.U16, 2, unsigned16, (b, v) -> b.putShort((short) v.intValue()))), 2, b -> (double) (b.getShort() & 0xffff)));
    double[] signed = {-1000000, -1, 0, 1, 2, 1000000};
    assertArrayEquals(doubled(signed), read(run("dtypes_i32", tensor(ElementType.I32, 4, signed, (b, v) -> b.putInt(v.intValue()))), 4, b -> (double) b.getInt()));
    assertArrayEquals(doubled(signed), read(run("dtypes_i64", tensor(ElementType.I64, 8, signed, (b, v) -> b.putLong(v.longValue()))), 8, b -> (double) b.getLong()));
    double[] unsigned = {0, 1, 2, 3, 1000, 1000000};
    assertArrayEquals(doubled(unsigned), read(run("dtypes_u32", tensor(ElementType.U32, 4, unsigned, (b, v) -> b.putInt(v.intValue()))), 4, b -> (double) Integer.toUnsignedLong(b.getInt())));
    assertArrayEquals(doubled(unsigned), read(run("dtypes_u64", tensor(ElementType.U64, 8, unsigned, (b, v) -> b.putLong(v.longValue()))), 8, b -> (double) b.getLong()));
  }

  @Test
  void booleans() throws Exception {
    double[] in = {1, 0, 1, 0, 0, 1};
    Tensor out = run("dtypes_boolean", tensor(ElementType.BOOLEAN, 1, in, (b, v) -> b.put(v.byteValue())));
    assertEquals(ElementType.BOOLEAN, out.elementType());
    assertArrayEquals(new double[] {0, 1, 0, 1, 1, 0}, read(out, 1, b -> (double) b.get()));
  }

  @Test
  void strings() throws Exception {
    List<String> in = List.of("a", "bc", "", "déf", "ov", "x y");
    Tensor out = run("dtypes_string", Tensor.ofStrings(new long[] {2, 3}, in));
    assertEquals(ElementType.STRING, out.elementType());
    assertEquals(in, out.strings());
  }

  @Test
  void heapBuffersAreAccepted() throws Exception {
    ByteBuffer heap = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    for (double v : FLOATS) {
      heap.putFloat((float) v);
    }
    heap.flip();
    Tensor out = run("dtypes_f32", Tensor.of(ElementType.F32, new long[] {2, 3}, heap));
    assertArrayEquals(doubled(FLOATS), read(out, 4, b -> (double) b.getFloat()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4, 9})
  void dynamicShapes(int batch) throws Exception {
    try (Model m = core.readModel(Fixtures.ir("dynamic_shapes"))) {
      // the CPU plugin refuses a dynamic rank: y gets rank 3, its dimensions stay dynamic
      m.reshape(1, new PartialShape(List.of(Dimension.dynamic(), Dimension.dynamic(), Dimension.dynamic())));
      assertEquals("[?,?,?]", m.inputs().get(1).shape().toString());
      assertEquals("[?,3,1..10,16]", m.inputs().get(0).shape().toString());
      try (CompiledModel c = core.compile(m, "CPU", Core.REFERENCE_MODE);
          InferRequest r = c.createRequest()) {
        int n = batch * 3 * 5 * 16;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
          x[i] = (i % 7) - 3;
        }
        float[] y = new float[batch * 2 * 3];
        for (int i = 0; i < y.length; i++) {
          y[i] = -i;
        }
        r.setInput(0, Tensor.ofFloats(new long[] {batch, 3, 5, 16}, x));
        r.setInput(1, Tensor.ofFloats(new long[] {batch, 2, 3}, y));
        r.infer();
        Tensor relu = r.output(0);
        Tensor abs = r.output(1);
        assertArrayEquals(new long[] {batch, 3, 5, 16}, relu.shape());
        assertArrayEquals(new long[] {batch, 2, 3}, abs.shape());
        for (int i = 0; i < n; i++) {
          assertEquals(Math.max(0, x[i]), relu.asFloats().get(i));
        }
        for (int i = 0; i < y.length; i++) {
          assertEquals(Math.abs(y[i]), abs.asFloats().get(i));
        }
        // outside the interval 1..10 of x's third dimension
        assertThrows(
            OpenVinoException.class,
            () -> r.setInput(0, Tensor.ofFloats(new long[] {batch, 3, 11, 16}, new float[batch * 3 * 11 * 16])));
      }
    }
  }

  @Test
  void statefulModelAccumulates() throws Exception {
    try (Model m = core.readModel(Fixtures.ir("stateful"));
        CompiledModel c = core.compile(m, "CPU", Core.REFERENCE_MODE);
        InferRequest r = c.createRequest()) {
      Tensor x = Tensor.ofFloats(new long[] {1, 4}, 1f, -2f, 0.5f, 3f);
      for (int n = 1; n <= 3; n++) {
        r.setInput(0, x);
        r.infer();
        Tensor out = r.output(0);
        for (int i = 0; i < 4; i++) {
          assertEquals(n * x.asFloats().get(i), out.asFloats().get(i), 1e-6);
        }
      }
    }
  }

  @Test
  void outputViewIsZeroCopyAndSurvivesTheRequest() throws Exception {
    Tensor view;
    try (Model m = core.readModel(Fixtures.ir("dtypes_f32"));
        CompiledModel c = core.compile(m, "CPU", Core.REFERENCE_MODE);
        InferRequest r = c.createRequest()) {
      r.setInput(0, Tensor.ofFloats(new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
      r.infer();
      view = r.outputView(0);
      assertEquals(true, view.data().isReadOnly());
    }
    System.gc();
    assertEquals(12f, view.asFloats().get(5));
  }

  @Test
  void wrongInputSizeIsRefused() throws Exception {
    try (Model m = core.readModel(Fixtures.ir("dtypes_f32"));
        CompiledModel c = core.compile(m, "CPU", Core.REFERENCE_MODE);
        InferRequest r = c.createRequest()) {
      assertThrows(OpenVinoException.class, () -> r.setInput(3, Tensor.ofFloats(new long[] {2, 3}, 1, 2, 3, 4, 5, 6)));
      OpenVinoException e = assertThrows(
          OpenVinoException.class, () -> r.setInput(0, Tensor.ofFloats(new long[] {3, 3}, 1, 2, 3, 4, 5, 6, 7, 8, 9)));
      assertEquals(true, e.getMessage().contains("incompatible"), e.getMessage());
    }
  }
}
