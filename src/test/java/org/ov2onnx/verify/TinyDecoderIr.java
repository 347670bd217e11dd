package org.ov2onnx.verify;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.testing.IrBuilder;

/**
 * A small but genuine stateful decoder IR, written the way optimum-intel exports an LLM: inputs
 * {@code input_ids}, {@code attention_mask}, {@code position_ids} [?,?] i64 and {@code beam_idx}
 * [?] i32; an embedding Gather plus a sinusoid of the positions; per layer a KV cache of two
 * variables, each ReadValue-6 with an initial value computed from the inputs (zeros [batch, heads,
 * 0, head_dim]) → Gather(beam_idx, axis 0) → Concat with the new keys/values on the sequence axis →
 * Assign-6; ScaledDotProductAttention-13 under a mask made of the causal order (a query at
 * position p sees keys up to p) and the attention mask; a ReLU MLP with residuals; logits over a
 * vocabulary of {@link #VOCAB} from an LM head tied to the embedding (its columns permuted, plus
 * noise). Weights are seeded random.
 */
public final class TinyDecoderIr {
  public static final int VOCAB = 64;
  public static final int HIDDEN = 16;
  public static final int HEADS = 2;
  public static final int HEAD_DIM = 8;
  public static final int LAYERS = 2;

  private TinyDecoderIr() {}

  /** The decoder of weights seed {@code seed}, as {@code dir/name.xml}. */
  public static Path write(Path dir, String name, long seed) throws IOException {
    return write(dir, name, seed, 1.0);
  }

  /** As {@link #write(Path, String, long)}, with the last layer's value projection scaled by {@code valueScale}. */
  public static Path write(Path dir, String name, long seed, double valueScale) throws IOException {
    return write(dir, name, seed, valueScale, Map.of());
  }

  /** As {@link #write(Path, String, long, double)}, the inputs and the logits named {@code names.get(role)} instead of the role. */
  public static Path write(Path dir, String name, long seed, double valueScale, Map<String, String> names) throws IOException {
    Random random = new Random(seed);
    IrBuilder ir = new IrBuilder(name);
    String ids = ir.parameter(names.getOrDefault("input_ids", "input_ids"), ElementType.I64, "?,?");
    String attention = ir.parameter(names.getOrDefault("attention_mask", "attention_mask"), ElementType.I64, "?,?");
    String positions = ir.parameter(names.getOrDefault("position_ids", "position_ids"), ElementType.I64, "?,?");
    String beam = ir.parameter(names.getOrDefault("beam_idx", "beam_idx"), ElementType.I32, "?");
    String axis0 = ir.constant("axis0", ElementType.I64, new long[0], 0);
    Map<String, String> numpy = Map.of("auto_broadcast", "numpy");

    // embedding + a sinusoid of the position
    double[] embedding = gaussian(random, 1.0, VOCAB * HIDDEN);
    String table = ir.constant("embedding", ElementType.F32, new long[] {VOCAB, HIDDEN}, embedding);
    String embedded = ir.op("Gather", 8, Map.of("batch_dims", "0"), table, ids, axis0);
    double[] freq = new double[HIDDEN];
    for (int j = 0; j < HIDDEN; j++) {
      freq[j] = Math.pow(10000, -(double) j / HIDDEN);
    }
    String pos = ir.op("Convert", 1, Map.of("destination_type", "f32"), positions);
    String pos3 = ir.op("Unsqueeze", 1, Map.of(), pos, ir.ints("axis2", 2));
    String angles = ir.op("Multiply", 1, numpy, pos3, ir.constant("frequencies", ElementType.F32, new long[] {HIDDEN}, freq));
    String h = ir.op("Add", 1, numpy, embedded, ir.op("Sin", 1, Map.of(), angles));

    // the mask [batch, 1, tokens, past + tokens]: a query at position past + i sees keys up to it, where the attention mask is 1
    String idsShape = ir.op("ShapeOf", 3, Map.of("output_type", "i64"), ids);
    String maskShape = ir.op("ShapeOf", 3, Map.of("output_type", "i64"), attention);
    String one = ir.constant("one", ElementType.I64, new long[0], 1);
    String tokens = ir.op("Gather", 8, Map.of("batch_dims", "0"), idsShape, one, axis0);
    String total = ir.op("Gather", 8, Map.of("batch_dims", "0"), maskShape, one, axis0);
    String past = ir.op("Subtract", 1, numpy, total, tokens);
    String rows = ir.op("Range", 4, Map.of("output_type", "i64"), past, total, one);
    String rows2 = ir.op("Unsqueeze", 1, Map.of(), rows, ir.ints("axis1", 1));
    String cols = ir.op("Range", 4, Map.of("output_type", "i64"), ir.constant("zero_i", ElementType.I64, new long[0], 0), total, one);
    String causal = ir.op("LessEqual", 1, numpy, cols, rows2);
    String padding = ir.op("Unsqueeze", 1, Map.of(), ir.op("Convert", 1, Map.of("destination_type", "boolean"), attention), ir.ints("axes12", 1, 2));
    String visible = ir.op("LogicalAnd", 1, numpy, causal, padding);
    String mask = ir.op("Select", 1, numpy, visible, ir.constant("open", ElementType.F32, new long[0], 0),
        ir.constant("closed", ElementType.F32, new long[0], -10000));

    // the initial cache: zeros [batch, heads, 0, head_dim], the batch taken from input_ids
    String batch = ir.op("Gather", 8, Map.of("batch_dims", "0"), idsShape, ir.ints("first", 0), axis0);
    String cacheShape = ir.op("Concat", 1, Map.of("axis", "0"), batch, ir.ints("cache_rest", HEADS, 0, HEAD_DIM));
    String zeros = ir.op("Broadcast", 3, Map.of("mode", "numpy"), ir.constant("zero_f", ElementType.F32, new long[0], 0), cacheShape);
    String heads = ir.ints("heads_shape", 0, 0, HEADS, HEAD_DIM);
    String merged = ir.ints("merged_shape", 0, 0, HIDDEN);
    String perm = ir.ints("perm", 0, 2, 1, 3);
    double scale = 1 / Math.sqrt(HIDDEN);
    for (int layer = 0; layer < LAYERS; layer++) {
      String l = "layer" + layer;
      String q = split(ir, h, weights(ir, random, l + ".q", scale, HIDDEN, HIDDEN), heads, perm);
      String k = split(ir, h, weights(ir, random, l + ".k", scale, HIDDEN, HIDDEN), heads, perm);
      String v = split(ir, h, weights(ir, random, l + ".v", scale * (layer == LAYERS - 1 ? valueScale : 1), HIDDEN, HIDDEN), heads, perm);
      String keys = cache(ir, "past_key_values." + layer + ".key", zeros, beam, axis0, k);
      String values = cache(ir, "past_key_values." + layer + ".value", zeros, beam, axis0, v);
      String attended = ir.op("ScaledDotProductAttention", 13, Map.of("causal", "false"), q, keys, values, mask);
      String back = ir.op("Reshape", 1, Map.of("special_zero", "true"), ir.op("Transpose", 1, Map.of(), attended, perm), merged);
      h = ir.op("Add", 1, numpy, h, matmul(ir, back, weights(ir, random, l + ".o", scale, HIDDEN, HIDDEN)));
      String up = ir.op("Relu", 1, Map.of(), matmul(ir, h, weights(ir, random, l + ".up", scale, HIDDEN, 2 * HIDDEN)));
      h = ir.op("Add", 1, numpy, h, matmul(ir, up, weights(ir, random, l + ".down", 1 / Math.sqrt(2 * HIDDEN), 2 * HIDDEN, HIDDEN)));
    }
    // an LM head tied to the embedding, its columns permuted: the next token follows from the current
    // one (through the residual stream) and from the context (through attention), so generations vary
    List<Integer> order = new ArrayList<>();
    for (int v = 0; v < VOCAB; v++) {
      order.add(v);
    }
    Collections.shuffle(order, random);
    double[] head = gaussian(random, 0.2, HIDDEN * VOCAB);
    for (int j = 0; j < HIDDEN; j++) {
      for (int v = 0; v < VOCAB; v++) {
        head[j * VOCAB + v] += 0.5 * embedding[order.get(v) * HIDDEN + j];
      }
    }
    String lmHead = ir.constant("lm_head", ElementType.F32, new long[] {HIDDEN, VOCAB}, head);
    ir.result(ir.namedOp(names.getOrDefault("logits", "logits"), "MatMul", 1, Map.of("transpose_a", "false", "transpose_b", "false"), 1, h, lmHead).get(0));
    return ir.write(dir);
  }

  private static String weights(IrBuilder ir, Random random, String name, double std, int rows, int cols) {
    return ir.constant(name, ElementType.F32, new long[] {rows, cols}, gaussian(random, std, rows * cols));
  }

  private static double[] gaussian(Random random, double std, int count) {
    double[] w = new double[count];
    for (int i = 0; i < w.length; i++) {
      w[i] = random.nextGaussian() * std;
    }
    return w;
  }

  private static String matmul(IrBuilder ir, String a, String b) {
    return ir.op("MatMul", 1, Map.of("transpose_a", "false", "transpose_b", "false"), a, b);
  }

  /** h × w as [batch, heads, tokens, head_dim]. */
  private static String split(IrBuilder ir, String h, String w, String heads, String perm) {
    return ir.op("Transpose", 1, Map.of(), ir.op("Reshape", 1, Map.of("special_zero", "true"), matmul(ir, h, w), heads), perm);
  }

  /** ReadValue(initial zeros) → Gather(beam_idx) → Concat(new) → Assign; returns the concatenation. */
  private static String cache(IrBuilder ir, String variable, String zeros, String beam, String axis0, String fresh) {
    String read = ir.namedOp("read." + variable, "ReadValue", 6,
        Map.of("variable_id", variable, "variable_type", "f32", "variable_shape", "?," + HEADS + ",?," + HEAD_DIM), 1, zeros).get(0);
    String reordered = ir.op("Gather", 8, Map.of("batch_dims", "0"), read, beam, axis0);
    String all = ir.namedOp("concat." + variable, "Concat", 1, Map.of("axis", "2"), 1, reordered, fresh).get(0);
    ir.namedOp("assign." + variable, "Assign", 6, Map.of("variable_id", variable), 1, all);
    return all;
  }
}
