package org.ov2onnx.convert.spi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which OpenVINO operation an {@link OpConverter} converts, and what it needs.
 *
 * <p>Two version axes meet here: the source ({@link #type()} and {@link #versions()}, as OpenVINO
 * reports them) and the target ({@link #minOpset()}, the lowest ONNX opset of the default domain
 * the converter's output needs). A converter may branch on {@link GraphBuilder#opset()} to use
 * newer ONNX forms when the target allows.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConvertsOp {
  /** OpenVINO's API type name, e.g. {@code Convolution}, {@code Relu}, {@code Softmax}. */
  String type();

  /** The OpenVINO versions handled: the opset in which each version appeared (e.g. {1, 8}). */
  int[] versions();

  /** The lowest ONNX opset the emitted nodes need. */
  int minOpset() default 13;

  /** What a user should know about the mapping (shown in docs/SUPPORTED_OPS.md). */
  String notes() default "";
}
