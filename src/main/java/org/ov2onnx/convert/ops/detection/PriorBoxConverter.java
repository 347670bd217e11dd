package org.ov2onnx.convert.ops.detection;

import java.util.ArrayList;
import java.util.List;
import org.ov2onnx.convert.spi.ConversionException;
import org.ov2onnx.convert.spi.ConvertsOp;
import org.ov2onnx.convert.spi.GraphBuilder;
import org.ov2onnx.convert.spi.NodeView;
import org.ov2onnx.convert.spi.OpConverter;

/**
 * PriorBox v1 and v8 (SSD prior boxes), computed at conversion time into an initializer (see
 * {@link PriorBoxes}); the feature map and image sizes must be known before inference. Per cell:
 * the fixed_size priors (with density and fixed_ratio grids), then per min_size the square prior,
 * the sqrt(min * max) prior and the aspect-ratio priors (v8's min_max_aspect_ratios_order=false
 * puts the aspect-ratio priors before the max one; v1 always uses the min, max, ratios order).
 * scale_all_sizes=false is MXNet's form (sizes and step relative to the image height). Where
 * OpenVINO's own output shape holds fewer priors than this writes (min sizes, or several
 * fixed_ratio values, next to fixed_size), the node is refused.
 */
@ConvertsOp(type = "PriorBox", versions = {1, 8}, minOpset = 13,
    notes = "computed into an initializer; the feature map and image sizes must be known before inference; "
        + "refused where OpenVINO's output shape counts fewer priors than its algorithm writes (min sizes or several "
        + "fixed ratios next to fixed sizes)")
public final class PriorBoxConverter implements OpConverter {
  @Override
  public void convert(NodeView node, GraphBuilder graph) throws ConversionException {
    long[] sizes = PriorBoxes.sizes(node);
    long layerH = sizes[0];
    long layerW = sizes[1];
    long imgH = sizes[2];
    long imgW = sizes[3];
    boolean flip = node.boolAttr("flip");
    boolean scaleAll = node.boolAttr("scale_all_sizes");
    boolean minMaxOrder = !node.attributes().containsKey("min_max_aspect_ratios_order")
        || node.boolAttr("min_max_aspect_ratios_order");
    float[] minSizes = PriorBoxes.floats(node, "min_size");
    float[] maxSizes = PriorBoxes.floats(node, "max_size");
    float[] fixedSizes = PriorBoxes.floats(node, "fixed_size");
    float[] fixedRatios = PriorBoxes.floats(node, "fixed_ratio");
    float[] densities = PriorBoxes.floats(node, "density");
    if (fixedSizes.length > 0 && densities.length < fixedSizes.length) {
      throw node.error("needs a density for each of its " + fixedSizes.length + " fixed sizes");
    }
    List<Float> ratios = new ArrayList<>(List.of(1f));
    for (float r : PriorBoxes.floats(node, "aspect_ratio")) {
      if (ratios.stream().noneMatch(e -> Math.abs(r - e) < 1e-6)) {
        ratios.add(r);
        if (flip) {
          ratios.add(1f / r);
        }
      }
    }
    float step = (float) node.floatAttr("step");
    if (!scaleAll) {
      step = step == -1 ? 1f * imgH / layerH : step * imgH;
      for (int i = 0; i < minSizes.length; i++) {
        minSizes[i] *= imgH;
      }
    }
    float offset = (float) node.floatAttr("offset");
    float stepX = step == 0 ? (float) imgW / layerW : step;
    float stepY = step == 0 ? (float) imgH / layerH : step;
    Cell cell = new Cell(PriorBoxes.of(PriorBoxes.channel(node)), 1f / imgW, 1f / imgH, node);
    for (long h = 0; h < layerH; h++) {
      for (long w = 0; w < layerW; w++) {
        cell.cx = step == 0 ? (w + 0.5f) * stepX : (offset + w) * step;
        cell.cy = step == 0 ? (h + 0.5f) * stepY : (offset + h) * step;
        for (int s = 0; s < fixedSizes.length; s++) {
          int density = (int) densities[s];
          float size = fixedSizes[s];
          if (fixedRatios.length > 0) {
            for (float r : fixedRatios) {
              float root = (float) Math.sqrt(r);
              cell.grid(size, density, size * 0.5f * root, size * 0.5f / root);
            }
            continue;
          }
          if (densities.length > 0) {
            cell.grid(size, density, (long) size * 0.5f, (long) size * 0.5f);
          }
          for (float r : ratios) {
            if (Math.abs(r - 1.) >= 1e-6) {
              float root = (float) Math.sqrt(r);
              cell.grid(size, density, size * 0.5f * root, size * 0.5f / root);
            }
          }
        }
        for (int m = 0; m < minSizes.length; m++) {
          cell.box(cell.cx, cell.cy, minSizes[m] * 0.5f, minSizes[m] * 0.5f, false);
          if (minMaxOrder) {
            maxPrior(cell, minSizes, maxSizes, m);
          }
          if (scaleAll || m == minSizes.length - 1) {
            float min = minSizes[scaleAll ? m : 0];
            for (float r : ratios) {
              if (Math.abs(r - 1f) >= 1e-6) {
                float root = (float) Math.sqrt(r);
                cell.box(cell.cx, cell.cy, min * 0.5f * root, min * 0.5f / root, false);
              }
            }
          }
          if (!minMaxOrder) {
            maxPrior(cell, minSizes, maxSizes, m);
          }
        }
      }
    }
    cell.table.emit(node, graph, node.boolAttr("clip"), node.floatsAttr("variance"));
  }

  private static void maxPrior(Cell cell, float[] minSizes, float[] maxSizes, int m) throws ConversionException {
    if (maxSizes.length > m) {
      float half = (float) Math.sqrt(minSizes[m] * maxSizes[m]) * 0.5f;
      cell.box(cell.cx, cell.cy, half, half, false);
    }
  }

  /** The centre of the current cell and how its boxes are written. */
  private static final class Cell {
    final PriorBoxes table;
    final float invW;
    final float invH;
    final NodeView node;
    float cx;
    float cy;

    Cell(PriorBoxes table, float invW, float invH, NodeView node) {
      this.table = table;
      this.invW = invW;
      this.invH = invH;
      this.node = node;
    }

    void box(float x, float y, float halfW, float halfH, boolean clip) throws ConversionException {
      table.add((x - halfW) * invW, (y - halfH) * invH, (x + halfW) * invW, (y + halfH) * invH, clip, node);
    }

    /** density x density boxes spread over a fixed-size square centred on the cell (clipped). */
    void grid(float size, int density, float halfW, float halfH) throws ConversionException {
      long whole = (long) size;
      long shift = (long) (size / density);
      for (int r = 0; r < density; r++) {
        for (int c = 0; c < density; c++) {
          float x = cx - whole / 2 + shift / 2f + c * shift;
          float y = cy - whole / 2 + shift / 2f + r * shift;
          box(x, y, halfW, halfH, true);
        }
      }
    }
  }
}
