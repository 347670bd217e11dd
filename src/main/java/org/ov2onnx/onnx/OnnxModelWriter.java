package org.ov2onnx.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.PathChecks;

/**
 * Writes a model to disk, atomically, streaming initializer data from wherever it lives (for
 * converted models: OpenVINO's memory-mapped weights) without a copy in the Java heap; mapped
 * weights are copied file-to-file by the kernel ({@link StreamingSerializer}).
 *
 * <p>With external data, the data file is named after the model ({@code model.onnx.data}) and
 * laid out as ONNX specifies ({@code location}, {@code offset}, {@code length}); tensors of 1 MiB
 * or more start at 64 KiB boundaries so that runtimes can map them. Both files are first written
 * as unnamed files in the output folder ({@link PendingFile}) and named only when complete: a failed
 * or killed write leaves nothing behind. With external data the old model file is removed before
 * the new data file is named, and the new model is named last.
 */
public final class OnnxModelWriter {
  /** Protobuf cannot serialize a message of 2 GiB or more. */
  static final long PROTOBUF_LIMIT = Integer.MAX_VALUE;

  /** Room kept under the limit for everything that is not initializer data. */
  static final long MARGIN = 64L << 20;

  /** Smaller tensors stay inline even with external data. */
  static final int EXTERNAL_MIN_BYTES = 1024;

  static final long ALIGN_FROM = 1L << 20;
  static final long ALIGNMENT = 1L << 16;

  private OnnxModelWriter() {}

  /** What was written. {@code data} is null when everything is inline. */
  public record Written(Path model, Path data, long modelBytes, long dataBytes) {}

  public static Written write(ModelProto.Builder model, Path out, ExternalData mode, Progress progress)
      throws IOException {
    long raw = 0;
    for (TensorProto t : model.getGraph().getInitializerList()) {
      raw += t.getRawData().size();
    }
    boolean external =
        mode == ExternalData.ALWAYS || (mode == ExternalData.AUTO && raw > PROTOBUF_LIMIT - MARGIN);
    if (external) { // moving data out edits the model: the gate reads it first
      OnnxModelGate.check(model);
      return write(model, null, out, true, raw, progress, null);
    }
    // the gate reads the model while the file is written (2 cores: in parallel); nothing is named
    // before it passed, and its verdict comes before any other error, as if it had run first
    ModelProto built = model.build(); // an immutable message: safe to read from the gate's thread
    FutureTask<Void> gate = new FutureTask<>(() -> {
      OnnxModelGate.check(built);
      return null;
    });
    Thread t = new Thread(gate, "ov2onnx-model-gate");
    t.setDaemon(true);
    t.start();
    try {
      return write(model, built, out, false, raw, progress, gate);
    } catch (IOException | RuntimeException | Error e) {
      awaitGate(gate);
      throw e;
    }
  }

  /** Returns when the gate passed; throws its verdict otherwise. */
  private static void awaitGate(FutureTask<Void> gate) throws IOException {
    try {
      gate.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while checking the model");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      } else if (cause instanceof RuntimeException r) {
        throw r;
      } else if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }

  private static Written write(ModelProto.Builder model, ModelProto built, Path out, boolean external, long raw,
      Progress progress, FutureTask<Void> gate)
      throws IOException {
    Path target = out.toAbsolutePath();
    PathChecks.checkOutput(target, "the output");
    PathChecks.checkOutput(target.resolveSibling(target.getFileName() + ".data"), "the output's external data");
    Path dir = target.getParent();
    Files.createDirectories(dir);
    if (!external && raw > PROTOBUF_LIMIT - MARGIN) {
      throw new IOException(
          "the model holds "
              + raw
              + " bytes of weights, over protobuf's 2 GB limit; write it with external data (--external-data auto)");
    }
    Path data = external ? target.resolveSibling(target.getFileName() + ".data") : null;
    try (PendingFile dataFile = external ? PendingFile.create(dir, ".data.tmp") : null;
        PendingFile modelFile = PendingFile.create(dir, ".onnx.tmp")) {
      long dataBytes = 0;
      if (external) {
        dataBytes = externalize(model, data.getFileName().toString(), dataFile.path, raw, progress);
      }
      long modelBytes = serialize(external ? model.build() : built, modelFile.path, external ? 0 : raw, progress);
      if (gate != null) {
        awaitGate(gate);
      }
      PendingFile.commit(() -> {
        if (dataFile != null) {
          // the old model goes first: a kill between these steps may leave the new data without
          // a model, but never an old model beside new data
          Files.deleteIfExists(target);
          dataFile.publish(data);
        }
        modelFile.publish(target);
      });
      return new Written(target, data, modelBytes, dataBytes);
    }
  }

  /** Moves large initializers' bytes into {@code file}; returns its size. */
  private static long externalize(
      ModelProto.Builder model, String location, Path file, long total, Progress progress)
      throws IOException {
    long offset = 0;
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        StreamingSerializer stream = new StreamingSerializer(channel, file, progress, total)) {
      var graph = model.getGraphBuilder();
      // lay tensors out in the order of their source file, so that adjacent weights are copied
      // in one go; tensors from elsewhere follow in graph order (deterministic either way)
      List<Integer> order = new ArrayList<>();
      Map<Integer, FileRegions.Region> where = new HashMap<>();
      for (int i = 0; i < graph.getInitializerCount(); i++) {
        ByteString bytes = graph.getInitializer(i).getRawData();
        if (bytes.size() >= EXTERNAL_MIN_BYTES) {
          order.add(i);
          FileRegions.Region r = stream.locate(bytes);
          if (r != null) {
            where.put(i, r);
          }
        }
      }
      order.sort(Comparator.<Integer, Boolean>comparing(i -> !where.containsKey(i))
          .thenComparing(i -> where.containsKey(i) ? where.get(i).file().toString() : "")
          .thenComparingLong(i -> where.containsKey(i) ? where.get(i).offset() : i));
      for (int i : order) {
        TensorProto.Builder t = graph.getInitializerBuilder(i);
        ByteString bytes = t.getRawData();
        if (bytes.size() >= ALIGN_FROM && offset % ALIGNMENT != 0) {
          offset += ALIGNMENT - offset % ALIGNMENT;
        }
        channel.position(offset);
        stream.writeBlock(bytes, "writing weights");
        t.clearRawData();
        t.setDataLocation(TensorProto.DataLocation.EXTERNAL);
        t.addExternalData(entry("location", location));
        t.addExternalData(entry("offset", Long.toString(offset)));
        t.addExternalData(entry("length", Long.toString(bytes.size())));
        offset += bytes.size();
      }
    }
    return offset;
  }

  private static StringStringEntryProto entry(String key, String value) {
    return StringStringEntryProto.newBuilder().setKey(key).setValue(value).build();
  }

  private static long serialize(ModelProto model, Path file, long weights, Progress progress)
      throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
        StreamingSerializer stream = new StreamingSerializer(channel, file, progress, weights)) {
      long n = stream.writeModel(model);
      return n;
    }
  }
}
