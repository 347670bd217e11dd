package org.ov2onnx.openvino;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.Pointer;
import org.ov2onnx.openvino.internal.NativeHandle;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_request;
import org.ov2onnx.openvino.internal.Shim.ovx_tensor;

/**
 * One inference request. Inputs in direct buffers are bound without a copy, and the request keeps
 * them reachable until they are replaced or the request is closed. Close it when done; closing
 * twice is harmless.
 */
public final class InferRequest implements AutoCloseable {
  private final NativeHandle<ovx_request> handle;
  private final Object[] bound;
  private final int outputCount;

  InferRequest(ovx_request request, int inputCount, int outputCount) {
    this.handle = NativeHandle.own(this, "InferRequest", request, Shim::ovx_request_free);
    this.bound = new Object[inputCount];
    this.outputCount = outputCount;
  }

  /** Sets input {@code index}. A heap buffer is copied to a direct one first; a direct one is not. */
  public void setInput(int index, Tensor tensor) throws OpenVinoException {
    ovx_request r = handle.get();
    if (index < 0 || index >= bound.length) {
      throw new OpenVinoException(
          OpenVinoException.Kind.INVALID_ARGUMENT,
          "input index " + index + " is out of range (the model has " + bound.length + " inputs)");
    }
    long[] shape = tensor.shape();
    if (tensor.elementType() == ElementType.STRING) {
      List<String> strings = tensor.strings();
      long[] offsets = new long[strings.size() + 1];
      List<byte[]> encoded = new ArrayList<>();
      for (int k = 0; k < strings.size(); k++) {
        byte[] b = strings.get(k).getBytes(StandardCharsets.UTF_8);
        encoded.add(b);
        offsets[k + 1] = offsets[k] + b.length;
      }
      byte[] all = new byte[Math.toIntExact(offsets[strings.size()])];
      for (int k = 0; k < encoded.size(); k++) {
        System.arraycopy(encoded.get(k), 0, all, (int) offsets[k], encoded.get(k).length);
      }
      Native.check(
          Shim.ovx_request_set_input_strings(r, index, shape, shape.length, new BytePointer(all), offsets, strings.size()),
          "cannot set string input " + index);
      bound[index] = null;
      return;
    }
    ByteBuffer data = tensor.data();
    if (!data.isDirect()) {
      ByteBuffer direct = ByteBuffer.allocateDirect(data.remaining()).order(ByteOrder.LITTLE_ENDIAN);
      direct.put(data).flip();
      data = direct;
    }
    Native.check(
        Shim.ovx_request_set_input(
            r, index, tensor.elementType().ovName(), shape, shape.length, new Pointer(data), data.remaining()),
        "cannot set input " + index);
    bound[index] = data;
  }

  /** Runs inference synchronously. */
  public void infer() throws OpenVinoException {
    Native.check(Shim.ovx_request_infer(handle.get()), "inference failed");
  }

  public int outputCount() {
    return outputCount;
  }

  /** Output {@code index}, copied into Java-owned memory; OpenVINO's tensor is released at once. */
  public Tensor output(int index) throws OpenVinoException {
    return readOutput(index, true);
  }

  /**
   * Output {@code index} as a read-only view of OpenVINO's own memory, without a copy. The memory
   * stays valid while Java can reach the view; its contents change with the next {@link #infer()}.
   */
  public Tensor outputView(int index) throws OpenVinoException {
    return readOutput(index, false);
  }

  private Tensor readOutput(int index, boolean copy) throws OpenVinoException {
    ovx_tensor t = new ovx_tensor();
    Native.check(Shim.ovx_request_output(handle.get(), index, t), "cannot read output " + index);
    boolean owned = true;
    try {
      ElementType type = ElementType.fromOvName(Native.string(Shim.ovx_tensor_element_type(t), "output type"));
      long rank = Native.count(Shim.ovx_tensor_shape(t, (long[]) null, 0), "output shape");
      long[] shape = new long[(int) rank];
      Shim.ovx_tensor_shape(t, shape, rank);
      if (type == ElementType.STRING) {
        long n = Native.count(Shim.ovx_tensor_string_count(t), "output strings");
        List<String> strings = new ArrayList<>();
        for (long k = 0; k < n; k++) {
          strings.add(Native.utf8(Shim.ovx_tensor_string_data(t, k), Shim.ovx_tensor_string_size(t, k)));
        }
        return Tensor.ofStrings(shape, strings);
      }
      long size = Native.count(Shim.ovx_tensor_byte_size(t), "output size");
      if (copy) {
        ByteBuffer data = ByteBuffer.allocateDirect(Math.toIntExact(size)).order(ByteOrder.LITTLE_ENDIAN);
        if (size > 0) {
          data.put(new BytePointer(Shim.ovx_tensor_data(t)).capacity(size).asByteBuffer());
          data.flip();
        }
        return Tensor.of(type, shape, data);
      }
      ByteBuffer view = Native.view(Shim.ovx_tensor_data(t), size, t, Shim::ovx_tensor_free);
      owned = false;
      return Tensor.of(type, shape, view);
    } finally {
      if (owned) {
        Shim.ovx_tensor_free(t);
      }
    }
  }

  @Override
  public void close() {
    handle.close();
    java.util.Arrays.fill(bound, null);
  }
}
