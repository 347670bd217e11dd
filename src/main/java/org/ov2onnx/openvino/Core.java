package org.ov2onnx.openvino;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.ov2onnx.openvino.internal.NativeHandle;
import org.ov2onnx.openvino.internal.Shim;
import org.ov2onnx.openvino.internal.Shim.ovx_compiled;
import org.ov2onnx.openvino.internal.Shim.ovx_core;
import org.ov2onnx.openvino.internal.Shim.ovx_model;

/**
 * OpenVINO's runtime core: lists devices, reads models and compiles them.
 *
 * <p>Close it when done; closing twice is harmless. Models and compiled models it made stay usable
 * after the core is closed (OpenVINO keeps what they need alive).
 */
public final class Core implements AutoCloseable {
  /**
   * Properties of a reference run: f32 inference precision, ACCURACY execution mode and dynamic
   * quantization off, so that a device computes at full precision.
   */
  public static final Map<String, String> REFERENCE_MODE =
      Map.of(
          "INFERENCE_PRECISION_HINT", "f32",
          "EXECUTION_MODE_HINT", "ACCURACY",
          "DYNAMIC_QUANTIZATION_GROUP_SIZE", "0");

  private final NativeHandle<ovx_core> handle;

  private Core(ovx_core core) {
    this.handle = NativeHandle.own(this, "Core", core, Shim::ovx_core_free);
  }

  /** Creates a core; loads the natives on first use. */
  public static Core create() throws OpenVinoException {
    Native.load();
    ovx_core core = new ovx_core();
    Native.check(Shim.ovx_core_create(core), "cannot create OpenVINO's core");
    return new Core(core);
  }

  /**
   * Starts loading the natives on a background thread and returns at once, so that a caller can
   * do other start-up work meanwhile (the CLI parses its arguments). The first real use waits for
   * the load to finish; a failure is reported by that use, as without a preload.
   */
  public static void preload() {
    Thread t = new Thread(() -> {
      try {
        Native.load();
      } catch (RuntimeException | LinkageError e) {
        // recorded by the loader: the first real use throws it
      }
    }, "ov2onnx-preload");
    t.setDaemon(true);
    t.start();
  }

  /** OpenVINO's version, e.g. {@code 2026.4.1-22982-...}. */
  public static String version() {
    Native.load();
    return Native.utf8(Shim.ovx_openvino_version());
  }

  /** The file OpenVINO's runtime was loaded from. */
  public static String libraryPath() {
    Native.load();
    return Native.utf8(Shim.ovx_openvino_library_path());
  }

  /** The devices OpenVINO can use here, with their full names. */
  public List<Device> devices() throws OpenVinoException {
    String joined = Native.string(Shim.ovx_core_devices(handle.get()), "cannot list devices");
    List<Device> devices = new ArrayList<>();
    for (String name : joined.split("\n")) {
      if (!name.isEmpty()) {
        devices.add(new Device(name, deviceProperty(name, "FULL_DEVICE_NAME")));
      }
    }
    return devices;
  }

  /** Any property of a device, as text. */
  public String deviceProperty(String device, String property) throws OpenVinoException {
    return Native.string(
        Shim.ovx_core_device_property(handle.get(), device, property),
        "cannot read property " + property + " of device " + device);
  }

  /** Reads a model; for IR, the weights are next to the XML unless given. */
  public Model readModel(Path model) throws OpenVinoException {
    return readModel(model, null);
  }

  /**
   * Reads a model in any format OpenVINO reads: IR (xml + bin), ONNX (with external data), TF
   * SavedModel or frozen .pb, TFLite, PaddlePaddle. IR weights stay memory-mapped.
   *
   * <p>For IR, the weights file is checked to belong to the XML: a file longer than the constants
   * the XML places in it is refused (OpenVINO itself refuses one that is too short). An IR's XML
   * is checked for structure first ({@code IrPrecheck}; a check of the same file that {@link
   * EarlyPrecheck#start} began counts): layers whose inputs or attributes would crash OpenVINO's
   * reader are refused before it sees them. Constants whose data does not match
   * their type and shape, and dimensions that overflow, are refused after reading.
   *
   * @param weights the weights file, or null for the format's default
   */
  public Model readModel(Path model, Path weights) throws OpenVinoException {
    PathChecks.checkInput(model, "model file", true);
    if (weights != null) {
      PathChecks.checkInput(weights, "weights file", false);
    }
    Path sibling = defaultIrWeights(model);
    if (weights == null && sibling != null && Files.exists(sibling)) {
      PathChecks.checkInput(sibling, "weights file", false);
    }
    if (Files.isRegularFile(model) && IrPrecheck.looksLikeXml(model)) {
      EarlyPrecheck.check(model); // the CLI's early check of this very file, or the check itself
    }
    ovx_model m = new ovx_model();
    int status =
        Shim.ovx_core_read_model(
            handle.get(), model.toString(), weights == null ? null : weights.toString(), m);
    if (status != Shim.OVX_OK) {
      throw Native.failure(status, "cannot read model " + model);
    }
    Model result = new Model(m, model.toString());
    try {
      Path bin = weights != null ? weights : sibling;
      if (bin != null && Files.isRegularFile(bin)) {
        result.checkWeights(bin, model);
      }
    } catch (OpenVinoException | RuntimeException e) {
      result.close();
      throw e;
    }
    return result;
  }

  private static Path defaultIrWeights(Path model) {
    String name = model.getFileName().toString();
    if (!name.toLowerCase(Locale.ROOT).endsWith(".xml")) {
      return null;
    }
    return model.resolveSibling(name.substring(0, name.length() - 4) + ".bin");
  }

  /** Compiles a model on a device with OpenVINO properties (e.g. {@link #REFERENCE_MODE}). */
  public CompiledModel compile(Model model, String device, Map<String, String> properties)
      throws OpenVinoException {
    Map<String, String> sorted = new LinkedHashMap<>();
    properties.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (e.getKey().contains("=") || e.getKey().contains("\n") || e.getValue().contains("\n")) {
        throw new IllegalArgumentException("invalid property " + e.getKey() + "=" + e.getValue());
      }
    }
    String text =
        sorted.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n"));
    ovx_compiled compiled = new ovx_compiled();
    int status =
        Shim.ovx_core_compile(handle.get(), model.handle(), device, text, compiled);
    if (status != Shim.OVX_OK) {
      throw Native.failure(status, "cannot compile model " + model.source() + " on device " + device);
    }
    return new CompiledModel(compiled, device);
  }

  @Override
  public void close() {
    handle.close();
  }
}
