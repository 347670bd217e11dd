package org.ov2onnx.onnx;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.List;
import org.ov2onnx.onnx.proto.OnnxProto.GraphProto;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;
import org.ov2onnx.onnx.proto.OnnxProto.TensorProto;
import org.ov2onnx.openvino.NativeFiles;

/**
 * Writes a ModelProto exactly as protobuf would (same bytes: fields in number order), but streams
 * large byte blocks (initializer raw data, external data) itself: a block that is memory-mapped
 * from a file is copied file-to-file by the kernel ({@link NativeFiles#copyRange}, as cp does);
 * any other block is written straight from its buffer. Weights thus never pass through the Java heap.
 */
final class StreamingSerializer implements AutoCloseable {
  /** Blocks smaller than this go through protobuf's own encoder. */
  static final int STREAM_FROM = 64 * 1024;

  private static final int MODEL_GRAPH = 7;
  private static final int GRAPH_INITIALIZER = 5;
  private static final int TENSOR_RAW_DATA = 9;

  private final FileChannel out;
  private final Path outPath;
  private final FileRegions regions;
  private final Progress progress;
  private final long total;
  private long streamed;
  // a kernel copy not yet done, extended while blocks continue both the source and the output
  private Path pendingFile;
  private long pendingSource;
  private long pendingTarget;
  private long pendingLength;
  /**
   * Everything that is not a streamed block goes through this one encoder (one buffer for the
   * whole model, so a graph of many small messages costs few write calls); it is drained before
   * each block.
   */
  private final CodedOutputStream coded;

  /** Writes to {@code out}, the open channel of the file {@code outPath}. */
  StreamingSerializer(FileChannel out, Path outPath, Progress progress, long total) {
    this.out = out;
    this.outPath = outPath;
    this.regions = FileRegions.snapshot();
    this.progress = progress;
    this.total = total;
    this.coded = CodedOutputStream.newInstance(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        StreamingSerializer.this.write(ByteBuffer.wrap(b, off, len));
      }
    }, 1 << 18);
  }

  /** Writes what the encoder holds to the channel. */
  private void drain() throws IOException {
    coded.flush();
  }

  /** Writes {@code bytes} at the channel's position, kernel-to-kernel when they are mapped. */
  void writeBlock(ByteString bytes, String phase) throws IOException {
    drain();
    ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
    FileRegions.Region region = regions.locate(buffer);
    if (region != null) {
      long position = out.position();
      boolean continues = region.file().equals(pendingFile) && region.offset() == pendingSource + pendingLength
          && position == pendingTarget + pendingLength;
      if (!continues) {
        flushPending();
        pendingFile = region.file();
        pendingSource = region.offset();
        pendingTarget = position;
      }
      pendingLength += region.length();
      report(phase, region.length());
      out.position(position + region.length());
    } else {
      flushPending();
      while (buffer.hasRemaining()) {
        report(phase, out.write(buffer));
      }
    }
  }

  /** Where {@code bytes} lie in a file, if they are memory-mapped from one. */
  FileRegions.Region locate(ByteString bytes) {
    return regions.locate(bytes.asReadOnlyByteBuffer());
  }

  /** Does the kernel copy gathered so far (one copy for a run of adjacent blocks). */
  void flushPending() throws IOException {
    if (pendingLength > 0) {
      NativeFiles.copyRange(pendingFile, pendingSource, outPath, pendingTarget, pendingLength);
    }
    pendingFile = null;
    pendingLength = 0;
  }

  private void report(String phase, long n) {
    long before = streamed >> 26;
    streamed += n;
    if (streamed >> 26 != before || streamed == total) {
      progress.update(phase, streamed, total);
    }
  }

  /** Writes the model; returns the number of bytes written. */
  long writeModel(ModelProto model) throws IOException {
    long start = out.position();
    ModelProto before = ModelProto.newBuilder(model).clearGraph().clearOpsetImport().clearMetadataProps()
        .clearTrainingInfo().clearFunctions().clearConfiguration().build();
    ModelProto after = ModelProto.newBuilder().addAllOpsetImport(model.getOpsetImportList())
        .addAllMetadataProps(model.getMetadataPropsList()).addAllTrainingInfo(model.getTrainingInfoList())
        .addAllFunctions(model.getFunctionsList()).addAllConfiguration(model.getConfigurationList()).build();
    message(before);
    if (model.hasGraph()) {
      GraphProto g = model.getGraph();
      GraphProto head = GraphProto.newBuilder().addAllNode(g.getNodeList()).setName(g.getName()).build();
      GraphProto tail = GraphProto.newBuilder(g).clearNode().clearName().clearInitializer().build();
      List<TensorProto> initializers = g.getInitializerList();
      long[] sizes = new long[initializers.size()];
      long length = head.getSerializedSize() + tail.getSerializedSize();
      for (int i = 0; i < sizes.length; i++) {
        long size = tensorSize(initializers.get(i));
        sizes[i] = size;
        length += CodedOutputStream.computeTagSize(GRAPH_INITIALIZER) + CodedOutputStream.computeUInt64SizeNoTag(size) + size;
      }
      header(MODEL_GRAPH, length);
      message(head);
      for (int i = 0; i < sizes.length; i++) {
        header(GRAPH_INITIALIZER, sizes[i]);
        tensor(initializers.get(i));
      }
      message(tail);
    }
    message(after);
    drain();
    releaseEncoded();
    return out.position() - start;
  }

  /** Whether the tensor's raw data is streamed as a block rather than encoded with the message. */
  private static boolean streamed(TensorProto t) {
    return t.hasRawData() && t.getRawData().size() >= STREAM_FROM;
  }

  private static TensorProto tensorHead(TensorProto t) {
    return TensorProto.newBuilder(t).clearRawData().clearDoubleData().clearUint64Data().clearDocString()
        .clearExternalData().clearDataLocation().clearMetadataProps().build();
  }

  private static TensorProto tensorTail(TensorProto t) {
    TensorProto.Builder b = TensorProto.newBuilder().addAllDoubleData(t.getDoubleDataList())
        .addAllUint64Data(t.getUint64DataList()).addAllExternalData(t.getExternalDataList())
        .addAllMetadataProps(t.getMetadataPropsList());
    if (t.hasDocString()) {
      b.setDocString(t.getDocString());
    }
    if (t.hasDataLocation()) {
      b.setDataLocation(t.getDataLocation());
    }
    return b.build();
  }

  private static long tensorSize(TensorProto t) {
    if (!streamed(t)) {
      return t.getSerializedSize();
    }
    long raw = t.getRawData().size();
    return tensorHead(t).getSerializedSize() + CodedOutputStream.computeTagSize(TENSOR_RAW_DATA)
        + CodedOutputStream.computeUInt64SizeNoTag(raw) + raw + tensorTail(t).getSerializedSize();
  }

  private void tensor(TensorProto t) throws IOException {
    if (!streamed(t)) {
      message(t);
      if (t.hasRawData()) {
        encoded(t.getRawData());
      }
      return;
    }
    message(tensorHead(t));
    header(TENSOR_RAW_DATA, t.getRawData().size());
    writeBlock(t.getRawData(), "writing model");
    message(tensorTail(t));
  }

  private void header(int field, long length) throws IOException {
    coded.writeTag(field, 2);
    coded.writeUInt64NoTag(length);
  }

  /** Lowest and highest address of the mapped weights encoded since the last release, and their bytes. */
  private long encodedFrom = Long.MAX_VALUE;
  private long encodedTo;
  private long encodedBytes;

  /** Bytes read through a mapping before the process's pages of them are dropped. */
  static final long RELEASE_EVERY = 8L << 20;

  /**
   * Notes that {@code raw} was copied into the encoder. Weights small enough to be encoded (rather
   * than copied file to file) are read through the mapping behind the constant views, which makes
   * them resident in this process; every {@link #RELEASE_EVERY} bytes the pages read are dropped
   * again (the data stays in the file and the page cache), so that a model of many small constants
   * does not hold its whole weights file in memory while it is written.
   */
  private void encoded(ByteString raw) {
    ByteBuffer b = raw.asReadOnlyByteBuffer();
    if (!b.isDirect() || !b.hasRemaining()) {
      return;
    }
    long address = new org.bytedeco.javacpp.Pointer(b.slice()).address();
    encodedFrom = Math.min(encodedFrom, address);
    encodedTo = Math.max(encodedTo, address + b.remaining());
    encodedBytes += b.remaining();
    if (encodedBytes >= RELEASE_EVERY) {
      releaseEncoded();
    }
  }

  private void releaseEncoded() {
    if (encodedBytes > 0 && encodedTo - encodedFrom <= 4 * encodedBytes) { // a compact run only
      NativeFiles.releaseMappedPages(encodedFrom, encodedTo - encodedFrom);
    }
    encodedFrom = Long.MAX_VALUE;
    encodedTo = 0;
    encodedBytes = 0;
  }

  private void message(MessageLite m) throws IOException {
    if (m.getSerializedSize() > 0) {
      m.writeTo(coded);
    }
  }

  private void write(ByteBuffer b) throws IOException {
    flushPending();
    while (b.hasRemaining()) {
      out.write(b);
    }
  }

  @Override
  public void close() throws IOException {
    drain();
    flushPending();
  }
}
