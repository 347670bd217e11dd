package org.ov2onnx.onnx;

/** Receives progress of long work: a phase name, units done, units in total. */
@FunctionalInterface
public interface Progress {
  Progress NONE = (phase, done, total) -> {};

  void update(String phase, long done, long total);
}
