package org.ov2onnx.convert;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a conversion produced.
 *
 * @param output the .onnx file
 * @param externalData the external data file, or null
 * @param opset the default-domain opset
 * @param sourceNodes nodes of the OpenVINO model
 * @param onnxNodes nodes of the ONNX graph
 * @param initializers initializers in the ONNX graph
 * @param weightBytes bytes of initializer data
 * @param customOps nodes kept in the custom domain (--allow-custom-ops)
 * @param operations OpenVINO operations by "Type-version", with counts
 */
public record ConversionResult(
    Path output,
    Path externalData,
    int opset,
    int sourceNodes,
    int onnxNodes,
    int initializers,
    long weightBytes,
    int customOps,
    Map<String, Integer> operations) {}
