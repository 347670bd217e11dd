package org.ov2onnx.onnx;

/** When initializer data goes to an external data file next to the .onnx. */
public enum ExternalData {
  /** Only when the model would not fit protobuf's 2 GB limit. */
  AUTO,
  /** Always (tensors of at least 1 KiB). */
  ALWAYS,
  /** Never; a model over 2 GB is then refused. */
  NEVER
}
