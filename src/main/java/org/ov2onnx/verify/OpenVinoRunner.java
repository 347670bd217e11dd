package org.ov2onnx.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.openvino.CompiledModel;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Device;
import org.ov2onnx.openvino.InferRequest;
import org.ov2onnx.openvino.Model;
import org.ov2onnx.openvino.OpenVinoException;
import org.ov2onnx.openvino.Tensor;

/** Runs a model on one of OpenVINO's devices. */
public final class OpenVinoRunner {
  private OpenVinoRunner() {}

  /**
   * A device to run on, with the properties to compile with. {@code CPU} alone means reference
   * mode; {@code CPU:f16} / {@code GPU:bf16} set that inference precision instead.
   */
  public record DeviceSpec(String device, String precision) {
    public static DeviceSpec parse(String text) {
      String t = text.strip();
      int colon = t.lastIndexOf(':');
      if (colon > 0 && !t.substring(colon + 1).isEmpty()
          && t.substring(colon + 1).matches("(?i)f32|f16|bf16")) {
        return new DeviceSpec(t.substring(0, colon), t.substring(colon + 1).toLowerCase());
      }
      if (t.isEmpty()) {
        throw new IllegalArgumentException("empty device");
      }
      return new DeviceSpec(t, null);
    }

    public boolean reference() {
      return precision == null;
    }

    /** Reference mode, or the given precision hint. */
    public Map<String, String> properties() {
      return reference() ? Core.REFERENCE_MODE : Map.of("INFERENCE_PRECISION_HINT", precision);
    }

    @Override
    public String toString() {
      return precision == null ? device : device + ":" + precision;
    }
  }

  /** Throws a plain message if {@code device} is not available here. */
  public static void requireDevice(Core core, String device) throws OpenVinoException {
    String base = device.contains(".") ? device.substring(0, device.indexOf('.')) : device;
    if (base.equals("AUTO") || base.equals("HETERO") || base.equals("MULTI") || base.equals("BATCH")) {
      return;
    }
    List<String> names = new ArrayList<>();
    for (Device d : core.devices()) {
      names.add(d.name());
    }
    boolean present = names.stream().anyMatch(n -> n.equals(device) || n.startsWith(device + "."));
    if (!present) {
      throw new OpenVinoException(OpenVinoException.Kind.DEVICE,
          "device " + device + " is not available here (available: " + String.join(", ", names) + ")");
    }
  }

  /**
   * Compiles {@code model} for {@code spec} and runs it once. Reference-mode properties a device
   * does not support are left out (and listed in {@code notes}).
   */
  public static Map<String, Tensor> run(Core core, Model model, DeviceSpec spec, List<Tensor> inputs, List<String> names, List<String> notes)
      throws OpenVinoException {
    try (CompiledModel c = compile(core, model, spec, notes);
        InferRequest request = c.createRequest()) {
      for (int i = 0; i < inputs.size(); i++) {
        request.setInput(i, inputs.get(i));
      }
      request.infer();
      Map<String, Tensor> out = new LinkedHashMap<>();
      for (int i = 0; i < request.outputCount(); i++) {
        out.put(names.get(i), request.output(i));
      }
      return out;
    }
  }

  /**
   * Compiles {@code model} for {@code spec}. Reference-mode properties a device does not support
   * are left out (and listed in {@code notes}).
   */
  static CompiledModel compile(Core core, Model model, DeviceSpec spec, List<String> notes) throws OpenVinoException {
    return compile(core, model, spec, Map.of(), notes);
  }

  /** As {@link #compile(Core, Model, DeviceSpec, List)}, with {@code extra} properties in reference mode. */
  static CompiledModel compile(Core core, Model model, DeviceSpec spec, Map<String, String> extra, List<String> notes) throws OpenVinoException {
    requireDevice(core, spec.device());
    Map<String, String> props = new LinkedHashMap<>(spec.properties());
    if (spec.reference()) {
      props.putAll(extra);
    }
    CompiledModel compiled = null;
    while (compiled == null) {
      try {
        compiled = core.compile(model, spec.device(), props);
      } catch (OpenVinoException e) {
        String unsupported = props.keySet().stream().filter(k -> e.getMessage().contains(k)).findFirst().orElse(null);
        if (unsupported == null || e.kind() != OpenVinoException.Kind.DEVICE) {
          throw e;
        }
        props.remove(unsupported);
        notes.add(spec.device() + " does not accept " + unsupported + "; compiled without it");
      }
    }
    return compiled;
  }
}
