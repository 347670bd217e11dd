package org.ov2onnx.openvino;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.ov2onnx.openvino.internal.Shim;

/** Ownership of native objects: explicit, idempotent, and free of leaks. */
class OwnershipTest {
  /** Live handles per kind (cores, models, consts, compiled, requests, tensors). */
  static long[] liveHandles() {
    long[] live = new long[6];
    Shim.ovx_live_handles(live);
    return live;
  }

  static long residentKiB() throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", ""));
      }
    }
    throw new AssertionError("no VmRSS");
  }

  @Test
  void closeTwiceIsHarmless() throws Exception {
    Core core = Core.create();
    Model model = core.readModel(Fixtures.sample());
    CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
    InferRequest request = compiled.createRequest();
    Model body;
    try (Model sub = core.readModel(Fixtures.ir("subgraphs"))) {
      body = Fixtures.nodeOfType(sub, "If").body(0);
    }
    for (int i = 0; i < 2; i++) {
      assertDoesNotThrow(request::close);
      assertDoesNotThrow(compiled::close);
      assertDoesNotThrow(model::close);
      assertDoesNotThrow(body::close);
      assertDoesNotThrow(core::close);
    }
  }

  @Test
  void useAfterCloseIsAnIllegalState() throws Exception {
    Core core = Core.create();
    Model model = core.readModel(Fixtures.sample());
    Node node = model.nodes().get(0);
    CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
    InferRequest request = compiled.createRequest();
    request.close();
    compiled.close();
    model.close();
    core.close();
    assertThrows(IllegalStateException.class, core::devices);
    assertThrows(IllegalStateException.class, model::inputs);
    assertThrows(IllegalStateException.class, node::type);
    assertThrows(IllegalStateException.class, compiled::createRequest);
    assertThrows(IllegalStateException.class, request::infer);
  }

  @Test
  void childrenOutliveTheirParents() throws Exception {
    Core core = Core.create();
    Model model = core.readModel(Fixtures.ir("dtypes_f32"));
    CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
    core.close();
    model.close();
    try (InferRequest request = compiled.createRequest()) {
      compiled.close();
      request.setInput(0, Tensor.ofFloats(new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
      request.infer();
      float[] out = new float[6];
      request.output(0).asFloats().get(out);
      assertArrayEquals(new float[] {2, 4, 6, 8, 10, 12}, out);
    }
  }

  private static java.util.List<ConstantData> constantViews(Model model) throws OpenVinoException {
    java.util.List<ConstantData> views = new java.util.ArrayList<>();
    for (Node n : model.nodes()) {
      if (n.type().equals("Constant")) {
        views.add(n.constant());
      }
    }
    return views;
  }

  /** Every Constant's bytes, read from its view. */
  private static java.util.List<byte[]> bytesOf(java.util.List<ConstantData> views) {
    java.util.List<byte[]> all = new java.util.ArrayList<>();
    for (ConstantData c : views) {
      java.nio.ByteBuffer b = c.bytes().duplicate();
      byte[] copy = new byte[b.remaining()];
      b.get(copy);
      all.add(copy);
    }
    return all;
  }

  @Test
  void constantViewsKeepTheirDataWhenTheGraphIsFreedInTheBackground() throws Exception {
    try (Core core = Core.create()) {
      Model model = core.readModel(Fixtures.sample());
      java.util.List<ConstantData> views = constantViews(model);
      java.util.List<byte[]> before = bytesOf(views);
      assertTrue(before.stream().anyMatch(b -> b.length > 0 && !java.util.Arrays.equals(b, new byte[b.length])),
          "the sample has weights that are not all zeros");
      model.dropGraphInBackground().join();
      assertThrows(IllegalStateException.class, model::inputs);
      java.util.List<byte[]> after = bytesOf(views);
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), after.get(i), "constant " + i);
      }
      model.close(); // releases the weights: the views read zeros from then on
      for (byte[] b : bytesOf(views)) {
        assertArrayEquals(new byte[b.length], b);
      }
    }
  }

  @Test
  void constantViewsReadZerosOnceTheModelIsClosed() throws Exception {
    try (Core core = Core.create()) {
      Model model = core.readModel(Fixtures.sample());
      java.util.List<ConstantData> views = constantViews(model);
      model.close();
      for (byte[] b : bytesOf(views)) {
        assertArrayEquals(new byte[b.length], b);
      }
    }
  }

  /** Lets the cleaner release what the GC found unreachable; returns the live handles then. */
  static long[] settledLiveHandles(long[] expected) throws InterruptedException {
    long[] live = liveHandles();
    for (int i = 0; i < 50 && !java.util.Arrays.equals(live, expected); i++) {
      System.gc();
      Thread.sleep(100);
      live = liveHandles();
    }
    return live;
  }

  @Test
  void readCompileRunCloseInALoopDoesNotGrowNativeMemory() throws Exception {
    long[] before = settledLiveHandles(new long[6]);
    Runnable round =
        () -> {
          try (Core core = Core.create();
              Model model = core.readModel(Fixtures.sample());
              CompiledModel compiled = core.compile(model, "CPU", Core.REFERENCE_MODE);
              InferRequest request = compiled.createRequest()) {
            for (Node n : model.nodes()) {
              n.attributes();
              if (n.type().equals("Constant")) {
                n.constant().bytes();
              }
            }
            request.setInput(0, Tensor.allocate(ElementType.F32, 1, 3, 32, 32));
            request.infer();
            request.output(0);
          } catch (OpenVinoException e) {
            throw new AssertionError(e);
          }
        };
    for (int i = 0; i < 20; i++) {
      round.run();
    }
    System.gc();
    Thread.sleep(100);
    long warm = residentKiB();
    for (int i = 0; i < 150; i++) {
      round.run();
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    long after = residentKiB();
    long[] live = settledLiveHandles(before);
    // constant views are released by the GC; everything else is closed explicitly
    assertArrayEquals(before, live, "live native handles before vs after");
    long growthKiB = after - warm;
    assertTrue(growthKiB < 48 * 1024, "resident memory grew by " + growthKiB + " KiB over 150 rounds");
  }
}
