package org.ov2onnx.openvino;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.openvino.internal.NativeHandle;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_compiled;
import org.ov2onnx.openvino.internal.Shim.ovx_request;

/**
 * A model compiled for one device. Close it when done; closing twice is harmless. Infer requests
 * made from it stay usable after it is closed (OpenVINO keeps what they need alive).
 */
public final class CompiledModel implements AutoCloseable {
  private final NativeHandle<ovx_compiled> handle;
  private final String device;

  CompiledModel(ovx_compiled compiled, String device) {
    this.handle = NativeHandle.own(this, "CompiledModel on " + device, compiled, Shim::ovx_compiled_free);
    this.device = device;
  }

  public String device() {
    return device;
  }

  public List<Port> inputs() throws OpenVinoException {
    return ports(true);
  }

  public List<Port> outputs() throws OpenVinoException {
    return ports(false);
  }

  private List<Port> ports(boolean inputs) throws OpenVinoException {
    ovx_compiled c = handle.get();
    long count = Native.count(
        inputs ? Shim.ovx_compiled_input_count(c) : Shim.ovx_compiled_output_count(c), "cannot count ports");
    List<Port> ports = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String ctx = "cannot read " + (inputs ? "input " : "output ") + i + " of the compiled model";
      String name = Native.string(inputs ? Shim.ovx_compiled_input_name(c, i) : Shim.ovx_compiled_output_name(c, i), ctx);
      ElementType type = ElementType.fromOvName(Native.string(
          inputs ? Shim.ovx_compiled_input_type(c, i) : Shim.ovx_compiled_output_type(c, i), ctx));
      long rank = inputs ? Shim.ovx_compiled_input_shape(c, i, (long[]) null, 0) : Shim.ovx_compiled_output_shape(c, i, (long[]) null, 0);
      if (rank < -1) {
        throw Native.failure(Shim.OVX_ERR_GENERAL, ctx);
      }
      long[] minmax = new long[(int) Math.max(0, 2 * rank)];
      if (inputs) {
        Shim.ovx_compiled_input_shape(c, i, minmax, minmax.length);
      } else {
        Shim.ovx_compiled_output_shape(c, i, minmax, minmax.length);
      }
      ports.add(new Port(name.isEmpty() ? List.of() : List.of(name), type, PartialShape.decode(rank, minmax, 0), -1));
    }
    return ports;
  }

  /** A property of the compiled model as text, e.g. {@code INFERENCE_PRECISION_HINT}. */
  public String property(String name) throws OpenVinoException {
    return Native.string(Shim.ovx_compiled_property(handle.get(), name), "cannot read property " + name);
  }

  public InferRequest createRequest() throws OpenVinoException {
    ovx_request request = new ovx_request();
    Native.check(Shim.ovx_request_create(handle.get(), request), "cannot create an infer request on " + device);
    return new InferRequest(request, inputs().size(), outputs().size());
  }

  @Override
  public void close() {
    handle.close();
  }
}
