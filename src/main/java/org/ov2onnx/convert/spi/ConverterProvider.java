package org.ov2onnx.convert.spi;

import java.util.List;

/**
 * Adds converters for operations the built-in registry does not know, such as a user's own
 * OpenVINO extension ops. Providers are found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/org.ov2onnx.convert.spi.ConverterProvider}.
 *
 * <p>Each converter must carry {@link ConvertsOp}; a (type, version) pair that another converter
 * already handles is an error, so a provider cannot silently replace a built-in converter.
 */
public interface ConverterProvider {
  List<OpConverter> converters();
}
