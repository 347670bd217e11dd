package org.ov2onnx.openvino.internal.config;

import org.bytedeco.javacpp.annotation.Platform;
import org.bytedeco.javacpp.annotation.Properties;
import org.bytedeco.javacpp.tools.Info;
import org.bytedeco.javacpp.tools.InfoMap;
import org.bytedeco.javacpp.tools.InfoMapper;

/**
 * JavaCPP configuration for the native shim. The JavaCPP Maven plugin parses {@code
 * cpp/ov2onnx_shim.h} with it and generates {@code org.ov2onnx.openvino.internal.Shim} (into
 * target/generated-sources), then generates and builds the JNI library for that class.
 *
 * <p>Nothing generated is public API: the facade in {@code org.ov2onnx.openvino} is.
 */
@Properties(
    target = "org.ov2onnx.openvino.internal.Shim",
    value = {
      @Platform(
          include = "ov2onnx_shim.h",
          link = "ov2onnx_shim",
          library = "jniOv2OnnxShim")
    })
public class ShimConfig implements InfoMapper {
  @Override
  public void map(InfoMap infoMap) {
    infoMap.put(new Info("OVX_API").cppTypes().annotations());
    infoMap.put(new Info("OV2ONNX_SHIM_H").define(false));
  }
}
