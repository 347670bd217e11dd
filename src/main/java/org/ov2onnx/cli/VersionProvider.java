package org.ov2onnx.cli;

import org.ov2onnx.openvino.Core;
import picocli.CommandLine;

/** {@code ov2onnx --version}: this tool's version and OpenVINO's. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String own = Main.class.getPackage().getImplementationVersion();
    return new String[] {
      "ov2onnx " + (own == null ? "(development build)" : own), "OpenVINO " + Core.version()
    };
  }
}
