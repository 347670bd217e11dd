package org.ov2onnx.convert.spi;

/** A conversion failed; the message names the node (friendly name, type and version). */
public class ConversionException extends Exception {
  public ConversionException(String message) {
    super(message);
  }

  public ConversionException(String message, Throwable cause) {
    super(message, cause);
  }
}
