package org.ov2onnx.convert.ops.recurrent;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ov2onnx.onnx.TensorBytes;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.Tensor;
import org.ov2onnx.testing.IrBuilder;
import org.ov2onnx.testing.OpCheck;

/**
 * One OpenVINO RNN/GRU/LSTM cell or sequence, written as IR with every variant the converters
 * handle, and checked with {@link OpCheck} (OpenVINO CPU against ONNX Runtime).
 */
final class RecurrentModel {
  enum Kind {
    RNN(1, 1),
    GRU(3, 1),
    LSTM(4, 2);

    final int gates;
    /** State outputs: H, and C for LSTM. */
    final int states;

    Kind(int gates, int states) {
      this.gates = gates;
      this.states = states;
    }
  }

  /** OpenVINO's defaults, which its serializer always writes (without them OpenVINO cannot run the node). */
  private static final Map<Kind, String> DEFAULT_ACTIVATIONS =
      Map.of(Kind.RNN, "tanh", Kind.GRU, "sigmoid, tanh", Kind.LSTM, "sigmoid, tanh, tanh");

  private final Kind kind;
  private final int version;
  private final boolean sequence;
  private int batch = 3;
  private int steps = 4;
  private int inputSize = 3;
  private int hidden = 5;
  private String direction = "forward";
  private String activations;
  private String alpha;
  private String beta;
  private double clip;
  private boolean linearBeforeReset;
  private boolean inputForget;
  private String weightsFormat = "fico";
  private Double peepholes;
  private boolean statesOnly;
  private boolean constantWeights = true;
  private boolean compressedWeights;
  private long[] lengths;
  private boolean lengthsAsInput;
  private ElementType lengthsType = ElementType.I32;
  private boolean dynamicBatch;
  private boolean dynamicSteps;
  private ElementType type = ElementType.F32;
  private long seed = 7;

  private RecurrentModel(Kind kind, int version, boolean sequence) {
    this.kind = kind;
    this.version = version;
    this.sequence = sequence;
  }

  static RecurrentModel cell(Kind kind, int version) {
    return new RecurrentModel(kind, version, false);
  }

  static RecurrentModel sequence(Kind kind, int version) {
    return new RecurrentModel(kind, version, true);
  }

  RecurrentModel direction(String d) {
    direction = d;
    return this;
  }

  /** Activations as IR writes them, e.g. "relu, tanh, sigmoid". */
  RecurrentModel activations(String names) {
    activations = names;
    return this;
  }

  RecurrentModel alphaBeta(String a, String b) {
    alpha = a;
    beta = b;
    return this;
  }

  RecurrentModel clip(double c) {
    clip = c;
    return this;
  }

  RecurrentModel linearBeforeReset() {
    linearBeforeReset = true;
    return this;
  }

  RecurrentModel inputForget() {
    inputForget = true;
    return this;
  }

  /** LSTMCell-1's weights_format. */
  RecurrentModel weightsFormat(String format) {
    weightsFormat = format;
    return this;
  }

  /** LSTMCell-1's P input: every element {@code value} (a constant, or an input with weightsAsInputs). */
  RecurrentModel peepholes(double value) {
    peepholes = value;
    return this;
  }

  /** Only the state outputs are model outputs (a sequence's Y is unused). */
  RecurrentModel statesOnly() {
    statesOnly = true;
    return this;
  }

  /** W, R, B (and P) as model inputs rather than constants. */
  RecurrentModel weightsAsInputs() {
    constantWeights = false;
    return this;
  }

  /** W, R and B as f16 constants with a Convert to f32, as ov.save_model compresses them. */
  RecurrentModel compressedWeights() {
    compressedWeights = true;
    return this;
  }

  /** Per-batch sequence lengths of {@code type}, a constant or a model input. */
  RecurrentModel lengths(ElementType t, boolean asInput, long... values) {
    lengthsType = t;
    lengthsAsInput = asInput;
    lengths = values;
    batch = values.length;
    return this;
  }

  /** X and the states with a dynamic batch (the lengths then become an input). */
  RecurrentModel dynamicBatch() {
    dynamicBatch = true;
    lengthsAsInput = true;
    return this;
  }

  /** X with a dynamic sequence length. */
  RecurrentModel dynamicSteps() {
    dynamicSteps = true;
    return this;
  }

  RecurrentModel type(ElementType t) {
    type = t;
    return this;
  }

  RecurrentModel sizes(int batchSize, int seqLength, int input, int hiddenSize) {
    batch = batchSize;
    steps = seqLength;
    inputSize = input;
    hidden = hiddenSize;
    return this;
  }

  private int directions() {
    return direction.equals("bidirectional") ? 2 : 1;
  }

  private String opType() {
    return kind.name() + (sequence ? "Sequence" : "Cell");
  }

  private String weights(IrBuilder ir, Random random, String name, long... shape) {
    if (!constantWeights) {
      StringBuilder s = new StringBuilder();
      for (long d : shape) {
        s.append(s.length() == 0 ? "" : ",").append(d);
      }
      return ir.parameter(name, type, s.toString());
    }
    int n = 1;
    for (long d : shape) {
      n *= (int) d;
    }
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextGaussian() * 0.7;
    }
    if (compressedWeights) {
      return ir.op("Convert", 1, Map.of("destination_type", type.ovName()), ir.constant(name, ElementType.F16, shape, v));
    }
    return ir.constant(name, type, shape, v);
  }

  /** The IR model. */
  IrBuilder build(String name) {
    IrBuilder ir = new IrBuilder(name);
    Random random = new Random(seed);
    int dirs = directions();
    String b = dynamicBatch ? "?" : Integer.toString(batch);
    List<String> inputs = new ArrayList<>();
    String stateShape = sequence ? b + "," + dirs + "," + hidden : b + "," + hidden;
    String t = dynamicSteps ? "?" : Integer.toString(steps);
    inputs.add(ir.parameter("x", type, sequence ? b + "," + t + "," + inputSize : b + "," + inputSize));
    inputs.add(ir.parameter("h", type, stateShape));
    if (kind == Kind.LSTM) {
      inputs.add(ir.parameter("c", type, stateShape));
    }
    if (sequence) {
      if (lengthsAsInput) {
        inputs.add(ir.parameter("len", lengthsType, b));
      } else {
        long[] l = lengths != null ? lengths : full();
        inputs.add(ir.constant("len", lengthsType, new long[] {l.length}, doubles(l)));
      }
    }
    int rows = kind.gates * hidden;
    int biasRows = (kind.gates + (linearBeforeReset ? 1 : 0)) * hidden;
    if (sequence) {
      inputs.add(weights(ir, random, "w", dirs, rows, inputSize));
      inputs.add(weights(ir, random, "r", dirs, rows, hidden));
      inputs.add(weights(ir, random, "b", dirs, biasRows));
    } else {
      inputs.add(weights(ir, random, "w", rows, inputSize));
      inputs.add(weights(ir, random, "r", rows, hidden));
      inputs.add(weights(ir, random, "b", biasRows));
      if (peepholes != null) {
        double[] p = new double[3 * hidden];
        java.util.Arrays.fill(p, peepholes);
        inputs.add(constantWeights ? ir.constant("p", type, new long[] {3L * hidden}, p) : ir.parameter("p", type, Integer.toString(3 * hidden)));
      }
    }
    Map<String, String> attrs = new LinkedHashMap<>();
    attrs.put("hidden_size", Integer.toString(hidden));
    if (sequence) {
      attrs.put("direction", direction);
    }
    attrs.put("activations", activations != null ? activations : DEFAULT_ACTIVATIONS.get(kind));
    if (alpha != null) {
      attrs.put("activations_alpha", alpha);
      attrs.put("activations_beta", beta);
    }
    attrs.put("clip", Double.toString(clip));
    if (kind == Kind.GRU) {
      attrs.put("linear_before_reset", Boolean.toString(linearBeforeReset));
    }
    if (kind == Kind.LSTM && version == 1) {
      attrs.put("input_forget", Boolean.toString(inputForget));
      attrs.put("weights_format", weightsFormat);
    }
    int outputs = (sequence ? 1 : 0) + kind.states;
    List<String> results = ir.op(opType(), version, attrs, outputs, inputs.toArray(new String[0]));
    for (String out : statesOnly ? results.subList(sequence ? 1 : 0, results.size()) : results) {
      ir.result(out);
    }
    return ir;
  }

  private static double[] doubles(long[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  private long[] full() {
    long[] l = new long[batch];
    java.util.Arrays.fill(l, steps);
    return l;
  }

  /** Builds, converts and compares; returns the outcome. */
  OpCheck.Outcome check(Path dir, String name) throws Exception {
    return check(dir, name, 13);
  }

  OpCheck.Outcome check(Path dir, String name, int opset) throws Exception {
    OpCheck check = OpCheck.of(build(name), dir).opset(opset).tolerance(2e-4, 2e-4);
    if (dynamicBatch || dynamicSteps) {
      check.shape("x", sequence ? new long[] {batch, steps, inputSize} : new long[] {batch, inputSize});
      long[] state = sequence ? new long[] {batch, directions(), hidden} : new long[] {batch, hidden};
      check.shape("h", state);
      if (kind == Kind.LSTM) {
        check.shape("c", state);
      }
    }
    if (sequence && lengthsAsInput) {
      long[] l = lengths != null ? lengths : full();
      ByteBuffer bytes = TensorBytes.encode(lengthsType, doubles(l));
      ByteBuffer direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.LITTLE_ENDIAN);
      direct.put(bytes).flip();
      check.input("len", Tensor.of(lengthsType, new long[] {l.length}, direct));
    }
    return check.run().assertUsesOp(kind.name());
  }
}
