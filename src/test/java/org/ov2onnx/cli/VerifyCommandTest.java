package org.ov2onnx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/** verify, convert --verify and compare, through the CLI. */
class VerifyCommandTest {
  @TempDir Path dir;

  /** ids -> Gather(W) -> Transpose -> Concat: converts with the built-in converters. */
  Path model() throws Exception {
    IrBuilder ir = new IrBuilder("lookup");
    String ids = ir.parameter("ids", ElementType.I64, "3");
    double[] w = new double[40];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.sin(i);
    }
    String table = ir.constant("W", ElementType.F32, new long[] {10, 4}, w);
    String axis = ir.constant("axis", ElementType.I64, new long[0], 0);
    String gathered = ir.namedOp("lookup_gather", "Gather", 8, Map.of("batch_dims", "0"), 1, table, ids, axis).get(0);
    String order = ir.ints("order", 1, 0);
    String t = ir.namedOp("lookup_transpose", "Transpose", 1, Map.of(), 1, gathered, order).get(0);
    ir.result(ir.namedOp("lookup_concat", "Concat", 1, Map.of("axis", "1"), 1, t, t).get(0));
    return ir.write(dir);
  }

  @Test
  void convertVerifyPassesAndWritesBothReports() throws Exception {
    Path out = dir.resolve("lookup.onnx");
    Path json = dir.resolve("report.json");
    Path md = dir.resolve("report.md");
    Path html = dir.resolve("report.html");
    CliTest r = CliTest.run("convert", model().toString(), "-o", out.toString(), "--verify", "--report", json.toString(), "--markdown", md.toString(),
        "--html", html.toString());
    assertEquals(0, r.exitCode(), r.err() + r.out());
    assertTrue(r.out().contains("PASSED"), r.out());
    String report = Files.readString(json);
    for (String key : new String[] {"\"passed\": true", "\"name\": \"lookup_concat\"", "\"max_abs_error\"", "\"max_rel_error\"", "\"cosine_similarity\"", "\"fraction_out_of_tolerance\"", "\"smallest_passing_atol\""}) {
      assertTrue(report.contains(key), key + " missing from " + report);
    }
    assertTrue(Files.readString(md).contains("| `lookup_concat` |"), Files.readString(md));
    assertTrue(Files.readString(md).contains("- Verdict: an output passes when"), Files.readString(md));
    assertTrue(report.contains("\"rule\": \"|diff| <= 0.0001 + 0.001*|expected| or |diff| <= 0.001*scale\""), report);
    assertTrue(report.contains("\"kind\": \"no_difference\""), report);
    String page = Files.readString(html);
    assertTrue(page.contains("<code>lookup_concat</code>: <span class=\"pass\">pass</span>") && page.contains("<svg "), page);
  }

  @Test
  void layerwiseFindsAPlantedDivergence() throws Exception {
    Path xml = model();
    Path out = dir.resolve("lookup.onnx");
    assertEquals(0, CliTest.run("convert", xml.toString(), "-o", out.toString()).exitCode());
    // plant: change one weight of W in the converted model
    ModelProto m = ModelProto.parseFrom(Files.readAllBytes(out));
    ModelProto.Builder b = m.toBuilder();
    for (TensorProto.Builder t : b.getGraphBuilder().getInitializerBuilderList()) {
      if (t.getName().equals("W")) {
        ByteBuffer data = ByteBuffer.allocate(t.getRawData().size()).order(ByteOrder.LITTLE_ENDIAN);
        data.put(t.getRawData().asReadOnlyByteBuffer()).flip();
        for (int row = 0; row < 10; row++) {
          data.putFloat(row * 16, 42f); // column 0 of every row, whatever ids are drawn
        }
        t.setRawData(ByteString.copyFrom(data));
      }
    }
    Path planted = dir.resolve("planted.onnx");
    Files.write(planted, b.build().toByteArray());
    Path json = dir.resolve("planted.json");
    CliTest r = CliTest.run("verify", xml.toString(), planted.toString(), "--layerwise", "--report", json.toString());
    assertEquals(ExitCodes.MISMATCH, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("first divergence at node 'lookup_gather' (Gather-8)"), r.out());
    String report = Files.readString(json);
    assertTrue(report.contains("\"passed\": false"), report);
    assertTrue(report.contains("\"node\": \"lookup_gather\""), report);
    // the unmodified model passes layer by layer
    CliTest ok = CliTest.run("verify", xml.toString(), out.toString(), "--layerwise");
    assertEquals(0, ok.exitCode(), ok.out());
    assertTrue(ok.out().contains("no divergence"), ok.out());
  }

  @Test
  void tolerancesPerOutputAndUnknownOutputs() throws Exception {
    Path xml = model();
    Path out = dir.resolve("lookup.onnx");
    CliTest.run("convert", xml.toString(), "-o", out.toString());
    assertEquals(0, CliTest.run("verify", xml.toString(), out.toString(), "--atol", "lookup_concat:1e-6", "--rtol", "0").exitCode());
    CliTest.run("verify", xml.toString(), out.toString(), "--atol", "nope:1e-4").assertOneLineError(ExitCodes.USAGE, "no output named 'nope'");
    CliTest.run("verify", xml.toString(), out.toString(), "--atol", "x:-1").assertOneLineError(ExitCodes.USAGE, "--atol");
    CliTest.run("verify", xml.toString(), out.toString(), "--scale-tol", "nope:1e-3").assertOneLineError(ExitCodes.USAGE, "no output named 'nope'");
    CliTest scaled = CliTest.run("verify", xml.toString(), out.toString(), "--scale-tol", "lookup_concat:1e-5");
    assertEquals(0, scaled.exitCode(), scaled.out());
    assertTrue(scaled.out().contains("or |diff| <= 1e-05*scale"), scaled.out());
    assertTrue(scaled.out().contains("Attribution: no difference"), scaled.out());
    CliTest plain = CliTest.run("verify", xml.toString(), out.toString(), "--no-attribution");
    assertEquals(0, plain.exitCode(), plain.out());
    assertTrue(!plain.out().contains("Attribution"), plain.out());
  }

  @Test
  void inputDataFromNpyAndItsErrors() throws Exception {
    Path xml = model();
    Path out = dir.resolve("lookup.onnx");
    CliTest.run("convert", xml.toString(), "-o", out.toString());
    Path npy = dir.resolve("ids.npy");
    Files.write(npy, npy("<i8", "(3,)", longs(1, 9, 4)));
    assertEquals(0, CliTest.run("verify", xml.toString(), out.toString(), "--input-data", npy.toString()).exitCode());
    Path wrongShape = dir.resolve("wrong.npy");
    Files.write(wrongShape, npy("<i8", "(4,)", longs(1, 2, 3, 4)));
    CliTest.run("verify", xml.toString(), out.toString(), "--input-data", wrongShape.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "shape [4]");
    Path garbage = dir.resolve("garbage.npy");
    Files.writeString(garbage, "not numpy");
    CliTest.run("verify", xml.toString(), out.toString(), "--input-data", garbage.toString())
        .assertOneLineError(ExitCodes.UNREADABLE, "garbage.npy");
  }

  @Test
  void onnxThatOnnxRuntimeRejects() throws Exception {
    Path bad = dir.resolve("bad.onnx");
    Files.write(bad, new byte[] {1, 2, 3, 4, 5});
    CliTest.run("verify", model().toString(), bad.toString()).assertOneLineError(ExitCodes.UNREADABLE, "ONNX Runtime cannot run");
  }

  @Test
  void compareDevicesAndAMissingOne() throws Exception {
    Path xml = model();
    CliTest r = CliTest.run("compare", xml.toString(), "--devices", "CPU,CPU:bf16", "--atol", "0.1", "--rtol", "0.05");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("CPU:bf16 vs CPU"), r.out());
    CliTest.run("compare", xml.toString(), "--devices", "CPU,GPU").assertOneLineError(ExitCodes.UNREADABLE, "device GPU is not available here");
    CliTest.run("verify", xml.toString(), dir.resolve("x.onnx").toString(), "--device", "NPU").assertOneLineError(ExitCodes.UNREADABLE);
  }

  static byte[] longs(long... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : v) {
      b.putLong(x);
    }
    return b.array();
  }

  /** A version-1 .npy file. */
  static byte[] npy(String descr, String shape, byte[] data) {
    String header = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shape + ", }";
    int total = 10 + header.length() + 1;
    int pad = (64 - total % 64) % 64;
    header = header + " ".repeat(pad) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put((byte) 0x93).put("NUMPY".getBytes()).put((byte) 1).put((byte) 0).putShort((short) header.length());
    b.put(header.getBytes()).put(data);
    return b.array();
  }
}
