package org.ov2onnx.convert.spi;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The description of one ONNX node to add through {@link GraphBuilder#add(OnnxNode)}: operator,
 * domain, inputs ("" for an omitted optional input), outputs and attributes.
 *
 * <p>Outputs are either named explicitly ({@link #outputs(String...)}, typically {@link
 * NodeView#output(int)}) or left to the builder ({@link #outputCount(int)}), which makes fresh
 * names. Attribute values are kept as given: {@code Long}, {@code Double} (written as ONNX float),
 * {@code String}, {@code long[]}, {@code double[]}, {@code String[]}, or an {@link TensorAttr}.
 */
public final class OnnxNode {
  private final String opType;
  private String domain = "";
  private final List<String> inputs = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private int outputCount = 1;
  private final Map<String, Object> attributes = new LinkedHashMap<>();

  private OnnxNode(String opType) {
    this.opType = opType;
  }

  /** A node of the default ONNX domain. */
  public static OnnxNode op(String opType) {
    return new OnnxNode(opType);
  }

  public OnnxNode domain(String domain) {
    this.domain = domain;
    return this;
  }

  public OnnxNode inputs(String... names) {
    inputs.addAll(Arrays.asList(names));
    return this;
  }

  public OnnxNode inputs(List<String> names) {
    inputs.addAll(names);
    return this;
  }

  public OnnxNode outputs(String... names) {
    outputs.addAll(Arrays.asList(names));
    outputCount = outputs.size();
    return this;
  }

  /** Lets the builder name {@code n} outputs. */
  public OnnxNode outputCount(int n) {
    if (!outputs.isEmpty()) {
      throw new IllegalStateException("outputs are already named");
    }
    outputCount = n;
    return this;
  }

  public OnnxNode attr(String name, long value) {
    attributes.put(name, value);
    return this;
  }

  public OnnxNode attr(String name, boolean value) {
    attributes.put(name, value ? 1L : 0L);
    return this;
  }

  /** A float attribute (ONNX attributes are 32-bit floats). */
  public OnnxNode attr(String name, double value) {
    attributes.put(name, value);
    return this;
  }

  public OnnxNode attr(String name, String value) {
    attributes.put(name, value);
    return this;
  }

  public OnnxNode attr(String name, long[] values) {
    attributes.put(name, values.clone());
    return this;
  }

  public OnnxNode attr(String name, double[] values) {
    attributes.put(name, values.clone());
    return this;
  }

  public OnnxNode attr(String name, String[] values) {
    attributes.put(name, values.clone());
    return this;
  }

  public OnnxNode attr(String name, TensorAttr value) {
    attributes.put(name, value);
    return this;
  }

  /** A graph attribute (a Loop body, an If branch). */
  public OnnxNode attr(String name, Subgraph value) {
    attributes.put(name, value);
    return this;
  }

  public String opType() {
    return opType;
  }

  public String domain() {
    return domain;
  }

  public List<String> inputs() {
    return Collections.unmodifiableList(inputs);
  }

  /** Explicit output names; empty when the builder names them. */
  public List<String> outputs() {
    return Collections.unmodifiableList(outputs);
  }

  public int outputCount() {
    return outputCount;
  }

  public Map<String, Object> attributes() {
    return Collections.unmodifiableMap(attributes);
  }

  /** A small tensor-valued attribute (e.g. ConstantOfShape's value): type, shape, values. */
  public record TensorAttr(org.ov2onnx.openvino.ElementType type, long[] shape, double[] values) {}
}
