package org.ov2onnx.convert.ops.detection;

import java.util.List;
import org.ov2onnx.convert.spi.OpConverter;

/** The detection and segmentation family: non-maximum suppression, ROI pooling, YOLO regions, prior boxes. */
public final class DetectionConverters {
  private DetectionConverters() {}

  public static List<OpConverter> all() {
    return List.of(
        new DeformableConvolutionConverter(),
        new DeformablePSROIPoolingConverter(),
        new ExperimentalDetectronGenerateProposalsSingleImageConverter(),
        new ExperimentalDetectronPriorGridGeneratorConverter(),
        new ExperimentalDetectronROIFeatureExtractorConverter(),
        new ExperimentalDetectronTopKROIsConverter(),
        new GenerateProposalsConverter(),
        new NonMaxSuppressionConverter(),
        new PSROIPoolingConverter(),
        new PriorBoxClusteredConverter(),
        new PriorBoxConverter(),
        new ROIAlignConverter(),
        new ROIAlignRotatedConverter(),
        new ROIPoolingConverter(),
        new RegionYoloConverter(),
        new ReorgYoloConverter());
  }
}
