package org.ov2onnx.convert.rewrite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ov2onnx.testing.IrBuilder;

/**
 * Writes an IR with the model-level rt_info section NNCF 3.4 adds to the models it compressed
 * ({@code nncf/weight_compression}) or quantized ({@code nncf/quantization}), as in the IR that
 * src/test/python/tiny_llm.sh makes. IrBuilder writes no model rt_info, so the section is put
 * before {@code </net>} here.
 */
final class NncfMarker {
  private NncfMarker() {}

  /** Writes {@code ir} into {@code dir} with an {@code nncf/<section>} entry in its rt_info; returns the xml. */
  static Path write(IrBuilder ir, Path dir, String section) throws IOException {
    Path xml = ir.write(dir);
    String text = Files.readString(xml);
    String rtInfo = "  <rt_info>\n    <nncf>\n      <version value=\"3.4.0\" />\n      <" + section + ">\n"
        + "        <mode value=\"int8_asym\" />\n      </" + section + ">\n    </nncf>\n  </rt_info>\n</net>";
    int end = text.lastIndexOf("</net>");
    Files.writeString(xml, text.substring(0, end) + rtInfo + text.substring(end + "</net>".length()));
    return xml;
  }

  /** {@link #write} with the section NNCF's weight compression writes. */
  static Path compressed(IrBuilder ir, Path dir) throws IOException {
    return write(ir, dir, "weight_compression");
  }
}
