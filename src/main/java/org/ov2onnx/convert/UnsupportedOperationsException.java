package org.ov2onnx.convert;

import java.util.List;
import java.util.stream.Collectors;
import org.ov2onnx.convert.spi.ConversionException;

/** The model holds operations that cannot be converted; all of them are listed at once. */
public final class UnsupportedOperationsException extends ConversionException {
  /**
   * One unsupported (type, version) pair, with how many nodes have it, some of their names
   * (at most 5), and why.
   */
  public record Unsupported(String type, int version, int count, List<String> nodes, String reason) {
    public String key() {
      return type + "-" + version;
    }
  }

  private final List<Unsupported> operations;

  public UnsupportedOperationsException(List<Unsupported> operations, int opset) {
    super(message(operations, opset));
    this.operations = List.copyOf(operations);
  }

  public List<Unsupported> operations() {
    return operations;
  }

  private static String message(List<Unsupported> ops, int opset) {
    int nodes = ops.stream().mapToInt(Unsupported::count).sum();
    return "cannot convert "
        + nodes
        + " node(s) to ONNX opset "
        + opset
        + ": "
        + ops.stream()
            .map(u -> u.key() + " x" + u.count() + " (" + u.reason() + "; e.g. '" + u.nodes().get(0) + "')")
            .collect(Collectors.joining(", "))
        + (ops.stream().anyMatch(u -> u.reason().equals("no converter") || u.reason().startsWith("refused: "))
            ? " (use --allow-custom-ops to keep operations without a converter as custom-domain nodes)"
            : "");
  }
}
