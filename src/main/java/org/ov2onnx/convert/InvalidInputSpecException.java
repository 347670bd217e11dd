package org.ov2onnx.convert;

import org.ov2onnx.convert.spi.ConversionException;

/** An --input override does not fit the model (unknown name, missing name). */
public final class InvalidInputSpecException extends ConversionException {
  public InvalidInputSpecException(String message) {
    super(message);
  }
}
