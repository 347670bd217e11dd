package org.ov2onnx.convert;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.openvino.Dimension;
import org.ov2onnx.openvino.ElementType;
import org.ov2onnx.openvino.PartialShape;

/**
 * An override of one model input's shape and/or element type, in the syntax of OpenVINO's ovc:
 * {@code name[1,3,224,224]{f32}}. A dimension is a number, {@code ?} or {@code -1} (dynamic), or a
 * range {@code 1..10}, {@code ..10} or {@code 2..}. Either part may be left out; a spec without a
 * name applies to a model's only input.
 *
 * @param name the input's tensor name, or "" for the only input
 * @param shape the new shape, or null to keep it
 * @param type the new element type, or null to keep it
 */
public record InputSpec(String name, PartialShape shape, ElementType type) {

  /** Parses one or more comma-separated specs, e.g. {@code a[1,3]{f32},b{i64}}. */
  public static List<InputSpec> parseAll(String text) {
    List<InputSpec> specs = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        specs.add(parse(text.substring(start, i)));
        start = i + 1;
      }
    }
    specs.add(parse(text.substring(start)));
    return specs;
  }

  /** Parses one spec. */
  public static InputSpec parse(String text) {
    String s = text.strip();
    if (s.isEmpty()) {
      throw new IllegalArgumentException("empty input spec");
    }
    int bracket = indexOf(s, '[');
    int brace = indexOf(s, '{');
    int nameEnd = Math.min(bracket, brace);
    String name = s.substring(0, nameEnd).strip();
    PartialShape shape = null;
    ElementType type = null;
    int i = nameEnd;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '[' && shape == null) {
        int end = s.indexOf(']', i);
        if (end < 0) {
          throw new IllegalArgumentException("input spec '" + text + "': missing ']'");
        }
        shape = parseShape(s.substring(i + 1, end), text);
        i = end + 1;
      } else if (c == '{' && type == null) {
        int end = s.indexOf('}', i);
        if (end < 0) {
          throw new IllegalArgumentException("input spec '" + text + "': missing '}'");
        }
        String t = s.substring(i + 1, end).strip();
        try {
          type = ElementType.fromOvName(t);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("input spec '" + text + "': unknown element type '" + t + "'");
        }
        i = end + 1;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        throw new IllegalArgumentException("input spec '" + text + "': unexpected '" + c + "'");
      }
    }
    if (shape == null && type == null) {
      throw new IllegalArgumentException("input spec '" + text + "' gives neither a shape [..] nor a type {..}");
    }
    return new InputSpec(name, shape, type);
  }

  private static int indexOf(String s, char c) {
    int i = s.indexOf(c);
    return i < 0 ? s.length() : i;
  }

  private static PartialShape parseShape(String body, String text) {
    String b = body.strip();
    if (b.equals("...")) {
      return PartialShape.dynamicRank();
    }
    List<Dimension> dims = new ArrayList<>();
    if (b.isEmpty()) {
      return new PartialShape(dims);
    }
    for (String part : b.split(",")) {
      String d = part.strip();
      try {
        if (d.equals("?") || d.equals("-1")) {
          dims.add(Dimension.dynamic());
        } else if (d.contains("..")) {
          int dots = d.indexOf("..");
          String lo = d.substring(0, dots).strip();
          String hi = d.substring(dots + 2).strip();
          dims.add(new Dimension(lo.isEmpty() ? 0 : Long.parseLong(lo), hi.isEmpty() ? Dimension.UNBOUNDED : Long.parseLong(hi)));
        } else {
          dims.add(Dimension.of(Long.parseLong(d)));
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("input spec '" + text + "': bad dimension '" + d + "'");
      }
    }
    return new PartialShape(dims);
  }

  @Override
  public String toString() {
    return name + (shape == null ? "" : shape.toString()) + (type == null ? "" : "{" + type + "}");
  }
}
