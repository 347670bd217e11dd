package org.ov2onnx.onnx;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.StringStringEntryProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;

/**
 * Writes a model to disk, atomically, streaming initializer data from wherever it lives (for
 * converted models: OpenVINO's memory-mapped weights) without a copy in the Java heap; mapped
 * weights are copied file-to-file by the kernel ({@link StreamingSerializer}).
 *
 * <p>With external data, the data file is named after the model ({@code model.onnx.data}) and
 * laid out as ONNX specifies ({@code location}, {@code offset}, {@code length}); tensors of 1 MiB
 * or more start at 64 KiB boundaries so that runtimes can map them. Both files are first written
 * under temporary names in the output folder and renamed into place only when complete: a failed
 * write leaves nothing behind.
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
    Path target = out.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    long raw = 0;
    for (TensorProto t : model.getGraph().getInitializerList()) {
      raw += t.getRawData().size();
    }
    boolean external =
        mode == ExternalData.ALWAYS || (mode == ExternalData.AUTO && raw > PROTOBUF_LIMIT - MARGIN);
    if (!external && raw > PROTOBUF_LIMIT - MARGIN) {
      throw new IOException(
          "the model holds "
              + raw
              + " bytes of weights, over protobuf's 2 GB limit; write it with external data (--external-data auto)");
    }
    Path dataTmp = null;
    Path modelTmp = null;
    try {
      Path data = null;
      long dataBytes = 0;
      if (external) {
        data = target.resolveSibling(target.getFileName() + ".data");
        dataTmp = Files.createTempFile(dir, ".ov2onnx-", ".data.tmp");
        dataBytes = externalize(model, data.getFileName().toString(), dataTmp, raw, progress);
      }
      modelTmp = Files.createTempFile(dir, ".ov2onnx-", ".onnx.tmp");
      long modelBytes = serialize(model.build(), modelTmp, external ? 0 : raw, progress);
      if (dataTmp != null) {
        Files.move(dataTmp, data, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        dataTmp = null;
      }
      Files.move(modelTmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      modelTmp = null;
      return new Written(target, data, modelBytes, dataBytes);
    } finally {
      if (dataTmp != null) {
        Files.deleteIfExists(dataTmp);
      }
      if (modelTmp != null) {
        Files.deleteIfExists(modelTmp);
      }
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
