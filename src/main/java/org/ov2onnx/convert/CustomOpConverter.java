package org.ov2onnx.convert;

import java.util.Map;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OnnxNode;
import org.ov2onnx.openvino.AttributeValue;

/**
 * With --allow-custom-ops: keeps an unsupported operation as a node of the {@value #DOMAIN}
 * domain, of the same type, with every attribute kept (vectors as vectors; element types, shapes
 * and other structured values as their OpenVINO text) and the operation's version in {@code
 * ov_version}. ONNX Runtime cannot run such a model without a matching custom op library.
 */
final class CustomOpConverter {
  static final String DOMAIN = "org.openvinotoolkit";

  private CustomOpConverter() {}

  static void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    OnnxNode n = OnnxNode.op(node.type()).domain(DOMAIN);
    for (int i = 0; i < node.inputCount(); i++) {
      n.inputs(node.input(i));
    }
    String[] outs = new String[node.outputCount()];
    for (int i = 0; i < outs.length; i++) {
      outs[i] = node.output(i);
    }
    n.outputs(outs);
    n.attr("ov_version", (long) node.version());
    for (Map.Entry<String, AttributeValue> e : node.attributes().entrySet()) {
      String name = e.getKey();
      AttributeValue v = e.getValue();
      if (v instanceof AttributeValue.Bool b) {
        n.attr(name, b.value());
      } else if (v instanceof AttributeValue.Int i) {
        n.attr(name, i.value());
      } else if (v instanceof AttributeValue.Float f) {
        n.attr(name, f.value());
      } else if (v instanceof AttributeValue.Str s) {
        n.attr(name, s.value());
      } else if (v instanceof AttributeValue.Ints ints) {
        n.attr(name, ints.toArray());
      } else if (v instanceof AttributeValue.Floats floats) {
        n.attr(name, floats.values().stream().mapToDouble(Double::doubleValue).toArray());
      } else if (v instanceof AttributeValue.Strs strs) {
        n.attr(name, strs.values().toArray(new String[0]));
      } else if (v instanceof AttributeValue.Type t) {
        n.attr(name, t.value().ovName());
      } else if (v instanceof AttributeValue.Types t) {
        n.attr(name, t.values().stream().map(Object::toString).toArray(String[]::new));
      } else if (v instanceof AttributeValue.Shape s) {
        n.attr(name, s.value().toString());
      } else if (v instanceof AttributeValue.Dim d) {
        n.attr(name, d.value().toString());
      } else if (v instanceof AttributeValue.Variable var) {
        n.attr(name, var.id() + "{" + var.type() + "}" + var.shape());
      } else {
        n.attr(name, v.toString());
      }
    }
    graph.useDomain(DOMAIN, 1);
    graph.add(n);
  }

}
