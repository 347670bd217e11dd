package org.ov2onnx.convert.ops.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.convert.spi.Subgraph;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;
import org.ov2onnx.openvino.Port;
import org.ov2onnx.openvino.PortMap;

/**
 * Lowers a TensorIterator or Loop (one body, port maps) to an ONNX Loop, following the CPU
 * plugin's semantics:
 *
 * <ul>
 *   <li>merged inputs (back edges) are ONNX loop-carried values;
 *   <li>invariant inputs are read by the body from the outer scope;
 *   <li>sliced inputs are sliced inside the body from the outer value, with the iteration number:
 *       the range [start, end) along the axis (negative = counted from the end + 1), in chunks of
 *       |stride| elements, backwards for a negative stride;
 *   <li>concatenated outputs are ONNX scan outputs, reversed for a negative stride and merged into
 *       the concatenation axis; last-iteration (or iteration k) outputs that are not loop-carried
 *       are scan outputs of which one element is taken.
 * </ul>
 */
final class LoopLowering {
  private final NodeView node;
  private final GraphBuilder graph;
  private final List<Port> parameters;
  private final List<Port> results;
  private final List<PortMap> inputs;
  private final List<PortMap> outputs;

  LoopLowering(NodeView node, GraphBuilder graph) throws ConversionException {
    if (node.bodyCount() != 1) {
      throw node.error("has " + node.bodyCount() + " bodies, expected 1");
    }
    this.node = node;
    this.graph = graph;
    this.parameters = node.bodyParameters(0);
    this.results = node.bodyResults(0);
    this.inputs = node.bodyInputs(0);
    this.outputs = node.bodyOutputs(0);
  }

  /** The iteration range of a sliced input: [src, dst) in chunks of step, as outer values. */
  private record SliceRange(String src, String dst, long step, boolean reverse, long staticCount) {}

  /**
   * The number of iterations its sliced inputs (or, without any, its concatenated outputs) give a
   * TensorIterator, as an int64 scalar.
   */
  String tensorIteratorTripCount() throws ConversionException {
    for (PortMap in : inputs) {
      if (in.kind() == PortMap.Kind.SLICE_INPUT) {
        SliceRange r = sliceRange(in);
        if (r.staticCount() >= 0) {
          return graph.int64s(true, r.staticCount());
        }
        String length = graph.addOne(OnnxNode.op("Sub").inputs(r.dst(), r.src()));
        return graph.addOne(OnnxNode.op("Div").inputs(length, graph.int64s(true, r.step())));
      }
    }
    for (PortMap out : outputs) {
      if (out.kind() == PortMap.Kind.CONCAT_OUTPUT && out.partSize() > 0 && out.end() >= 0 && out.start() >= 0) {
        return graph.int64s(true, Math.abs(out.end() - out.start()) / out.partSize());
      }
    }
    throw node.error("has neither a sliced input nor a concatenated output of known length: its iteration count is unknown");
  }

  /**
   * Emits the ONNX Loop. {@code tripCount} is an int64 scalar or "" (unbounded); {@code condition} a
   * boolean scalar or "" (true); {@code iterationParameter} the body Parameter that receives the
   * iteration number, {@code conditionResult} the body Result that decides whether to go on (-1
   * for none).
   */
  void emit(String tripCount, String condition, int iterationParameter, int conditionResult)
      throws ConversionException {
    Subgraph body = graph.subgraph(node.name() + "/body");
    String iteration = body.input(node.name() + "/iteration", ElementType.I64, PartialShape.of());
    String conditionIn = body.input(node.name() + "/condition", ElementType.BOOLEAN, PartialShape.of());
    Map<Integer, String> bindings = new HashMap<>();
    List<String> carriedInitial = new ArrayList<>();
    List<Integer> carriedResults = new ArrayList<>();
    List<Port> carriedParameters = new ArrayList<>();
    for (PortMap in : inputs) {
      Port p = parameters.get(in.inner());
      switch (in.kind()) {
        case MERGED_INPUT -> {
          bindings.put(in.inner(), body.input(node.name() + "/" + safe(p.name(), in.inner()), p.type(), p.shape()));
          carriedInitial.add(node.input(in.outer()));
          carriedResults.add(in.backEdge());
          carriedParameters.add(p);
        }
        case INVARIANT_INPUT -> bindings.put(in.inner(), node.input(in.outer()));
        case SLICE_INPUT -> bindings.put(in.inner(), slice(body, in, iteration));
        default -> throw node.error("has an input map of kind " + in.kind());
      }
    }
    if (iterationParameter >= 0) {
      Port p = parameters.get(iterationParameter);
      bindings.put(iterationParameter, iterationAs(body, iteration, p));
    }
    List<String> values = body.convertBody(node, 0, bindings);

    String conditionOut =
        conditionResult >= 0 ? scalarBool(body, values.get(conditionResult), results.get(conditionResult)) : conditionIn;
    body.output(conditionOut, node.name() + "/condition_out", ElementType.BOOLEAN, PartialShape.of());
    for (int k = 0; k < carriedResults.size(); k++) {
      Port r = results.get(carriedResults.get(k));
      body.output(values.get(carriedResults.get(k)), node.name() + "/carried_out", carriedParameters.get(k).type(), r.shape());
    }
    // scan outputs: concatenated outputs, and last-iteration values that are not carried
    List<PortMap> scans = new ArrayList<>();
    Map<PortMap, Integer> carriedOf = new HashMap<>();
    for (PortMap out : outputs) {
      int carried = carriedResults.indexOf(out.inner());
      if (out.kind() == PortMap.Kind.BODY_OUTPUT && out.iteration() == -1 && carried >= 0) {
        carriedOf.put(out, carried);
      } else {
        Port r = results.get(out.inner());
        body.output(values.get(out.inner()), node.name() + "/scan_out", r.type(), r.shape());
        scans.add(out);
      }
    }
    List<String> loopInputs = new ArrayList<>(List.of(tripCount, condition));
    loopInputs.addAll(carriedInitial);
    List<String> loopOutputs =
        graph.add(OnnxNode.op("Loop").inputs(loopInputs).outputCount(carriedResults.size() + scans.size()).attr("body", body));
    for (PortMap out : outputs) {
      String value;
      if (carriedOf.containsKey(out)) {
        value = loopOutputs.get(carriedOf.get(out));
      } else {
        value = loopOutputs.get(carriedResults.size() + scans.indexOf(out));
      }
      finish(out, value, carriedOf.containsKey(out));
    }
  }

  /** Turns a Loop result (a loop-carried final value, or a scan output) into the node's output {@code out.outer()}. */
  private void finish(PortMap out, String value, boolean carried) throws ConversionException {
    String target = node.output(out.outer());
    if (out.kind() == PortMap.Kind.BODY_OUTPUT) {
      if (carried) {
        graph.add(OnnxNode.op("Identity").inputs(value).outputs(target));
      } else {
        graph.add(OnnxNode.op("Gather").inputs(value, graph.int64s(true, out.iteration())).outputs(target).attr("axis", 0L));
      }
      return;
    }
    Port r = results.get(out.inner());
    if (r.shape().isRankDynamic()) {
      throw node.error("concatenated output " + out.outer() + " has a body value of dynamic rank");
    }
    int rank = r.shape().rank();
    long axis = out.axis() < 0 ? out.axis() + Math.max(rank, 1) : out.axis();
    if (axis < 0 || axis >= Math.max(rank, 1)) {
      throw node.error("concatenated output " + out.outer() + " has axis " + out.axis() + " outside its rank " + rank);
    }
    checkConcat(out, r, axis);
    String stacked = value;
    if (out.stride() < 0) {
      stacked = graph.addOne(OnnxNode.op("Slice").inputs(stacked, graph.int64s(false, -1),
          graph.int64s(false, Long.MIN_VALUE), graph.int64s(false, 0), graph.int64s(false, -1)));
    }
    if (rank == 0) {
      graph.add(OnnxNode.op("Identity").inputs(stacked).outputs(target));
      return;
    }
    long[] perm = new long[rank + 1];
    int k = 0;
    for (int d = 1; d <= axis; d++) {
      perm[k++] = d;
    }
    perm[k++] = 0;
    for (int d = (int) axis + 1; d <= rank; d++) {
      perm[k++] = d;
    }
    String moved = axis == 0 ? stacked : graph.addOne(OnnxNode.op("Transpose").inputs(stacked).attr("perm", perm));
    PartialShape outShape = node.outputShape(out.outer());
    String shape;
    if (outShape.isStatic()) {
      shape = graph.int64s(false, outShape.toStatic());
    } else {
      String s = graph.addOne(OnnxNode.op("Shape").inputs(moved));
      String before = graph.addOne(OnnxNode.op("Slice").inputs(s, graph.int64s(false, 0), graph.int64s(false, axis)));
      String pair = graph.addOne(OnnxNode.op("Slice").inputs(s, graph.int64s(false, axis), graph.int64s(false, axis + 2)));
      String merged = graph.addOne(OnnxNode.op("ReduceProd").inputs(pair).attr("keepdims", 1L));
      String after = graph.addOne(OnnxNode.op("Slice").inputs(s, graph.int64s(false, axis + 2), graph.int64s(false, Long.MAX_VALUE)));
      shape = graph.addOne(OnnxNode.op("Concat").inputs(before, merged, after).attr("axis", 0L));
    }
    graph.add(OnnxNode.op("Reshape").inputs(moved, shape).outputs(target));
  }

  /** Only whole-range concatenation is supported: each iteration adds one part, all parts kept. */
  private void checkConcat(PortMap out, Port r, long axis) throws ConversionException {
    boolean whole =
        (out.stride() > 0 && out.start() == 0 && out.end() == -1) || (out.stride() < 0 && out.start() == -1 && out.end() == 0);
    if (!whole) {
      throw node.error("concatenated output " + out.outer() + " keeps only the range start=" + out.start() + ", end="
          + out.end() + " (stride " + out.stride() + "); only whole-range concatenation is supported");
    }
    if (r.shape().rank() > 0) {
      Dimension d = r.shape().dims().get((int) axis);
      if (d.isStatic() && out.partSize() > 0 && d.length() != out.partSize()) {
        throw node.error("concatenated output " + out.outer() + " has part_size " + out.partSize()
            + " but the body value is " + d.length() + " long on axis " + axis);
      }
    }
  }

  /** A slice of the outer input for iteration {@code iteration}, computed inside the body. */
  private String slice(Subgraph body, PortMap in, String iteration) throws ConversionException {
    SliceRange r = sliceRange(in);
    String step = body.int64s(true, r.step());
    String offset = body.addOne(OnnxNode.op("Mul").inputs(iteration, step));
    String begin;
    if (r.reverse()) {
      String back = body.addOne(OnnxNode.op("Add").inputs(offset, step));
      begin = body.addOne(OnnxNode.op("Sub").inputs(r.dst(), back));
    } else {
      begin = body.addOne(OnnxNode.op("Add").inputs(r.src(), offset));
    }
    String end = body.addOne(OnnxNode.op("Add").inputs(begin, step));
    String axes = body.int64s(false, axisOf(in));
    String starts = body.addOne(OnnxNode.op("Unsqueeze").inputs(begin, body.int64s(false, 0)));
    String ends = body.addOne(OnnxNode.op("Unsqueeze").inputs(end, body.int64s(false, 0)));
    return body.addOne(OnnxNode.op("Slice").inputs(node.input(in.outer()), starts, ends, axes));
  }

  private long axisOf(PortMap in) throws ConversionException {
    PartialShape shape = node.inputShape(in.outer());
    if (shape.isRankDynamic()) {
      throw node.error("sliced input " + in.outer() + " has a dynamic rank");
    }
    long axis = in.axis() < 0 ? in.axis() + shape.rank() : in.axis();
    if (axis < 0 || axis >= shape.rank()) {
      throw node.error("sliced input " + in.outer() + " has axis " + in.axis() + " outside its rank " + shape.rank());
    }
    return axis;
  }

  /** [src, dst) of a sliced input as the CPU plugin computes it: negative bounds count from length + 1. */
  private SliceRange sliceRange(PortMap in) throws ConversionException {
    long axis = axisOf(in);
    long step = Math.abs(in.stride());
    if (step == 0) {
      throw node.error("sliced input " + in.outer() + " has stride 0");
    }
    if (in.partSize() != step) {
      throw node.error("sliced input " + in.outer() + " has part_size " + in.partSize() + " and stride " + in.stride()
          + "; only part_size = |stride| is supported");
    }
    Dimension dim = node.inputShape(in.outer()).dims().get((int) axis);
    boolean reverse = in.stride() < 0;
    if (dim.isStatic()) {
      long space = dim.length();
      long start = in.start() < 0 ? space + 1 + in.start() : in.start();
      long end = in.end() < 0 ? space + 1 + in.end() : in.end();
      long src = reverse ? end : start;
      long dst = reverse ? start : end;
      if (src < 0 || src >= dst || dst > space || dst - src < step) {
        throw node.error("sliced input " + in.outer() + " has an empty or invalid range [" + src + ", " + dst + ") on axis " + axis);
      }
      return new SliceRange(graph.int64s(true, src), graph.int64s(true, dst), step, reverse, (dst - src) / step);
    }
    long first = reverse ? in.end() : in.start();
    long last = reverse ? in.start() : in.end();
    if (first != 0 || last != -1) {
      throw node.error("sliced input " + in.outer() + " slices a partial range of a dynamic axis; only the whole axis is supported");
    }
    String shape = graph.addOne(OnnxNode.op("Shape").inputs(node.input(in.outer())));
    String length = graph.addOne(OnnxNode.op("Gather").inputs(shape, graph.int64s(true, axis)).attr("axis", 0L));
    return new SliceRange(graph.int64s(true, 0), length, step, reverse, -1);
  }

  /** The iteration number as the body Parameter's type and shape. */
  private String iterationAs(Subgraph body, String iteration, Port p) throws ConversionException {
    String value = iteration;
    if (p.type() != ElementType.I64) {
      value = body.cast(value, p.type());
    }
    if (!p.shape().isRankDynamic() && p.shape().rank() > 0) {
      long[] ones = new long[p.shape().rank()];
      java.util.Arrays.fill(ones, 1);
      value = body.addOne(OnnxNode.op("Reshape").inputs(value, body.int64s(false, ones)));
    }
    return value;
  }

  /** A boolean body value as the ONNX Loop's scalar condition. */
  private static String scalarBool(Subgraph body, String value, Port r) throws ConversionException {
    String v = value;
    if (r.type() != ElementType.BOOLEAN) {
      v = body.cast(v, ElementType.BOOLEAN);
    }
    if (r.shape().isRankDynamic() || r.shape().rank() > 0) {
      v = body.addOne(OnnxNode.op("Reshape").inputs(v, body.int64s(false)));
    }
    return v;
  }

  private static String safe(String name, int index) {
    return name.isEmpty() ? "carried" + index : name;
  }
}
