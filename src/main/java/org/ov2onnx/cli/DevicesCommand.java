package org.ov2onnx.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ov2onnx.util.Json;
import org.ov2onnx.openvino.Core;
import org.ov2onnx.openvino.Device;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ov2onnx devices}: the devices OpenVINO can use here. */
@Command(name = "devices", description = "List the devices OpenVINO can use here, with their full names.")
final class DevicesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    try (Core core = Core.create()) {
      List<Device> devices = core.devices();
      if (json) {
        List<Object> list = new ArrayList<>();
        for (Device d : devices) {
          Map<String, Object> m = new LinkedHashMap<>();
          m.put("name", d.name());
          m.put("full_name", d.fullName());
          list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openvino_version", Core.version());
        doc.put("devices", list);
        out.println(Json.write(doc));
      } else {
        out.println("OpenVINO " + Core.version());
        int width = devices.stream().mapToInt(d -> d.name().length()).max().orElse(6);
        for (Device d : devices) {
          out.printf("  %-" + width + "s  %s%n", d.name(), d.fullName());
        }
      }
    }
    return ExitCodes.OK;
  }
}
