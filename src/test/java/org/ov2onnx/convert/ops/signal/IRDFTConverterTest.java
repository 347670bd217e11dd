package org.ov2onnx.convert.ops.signal;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IRDFTConverterTest {
  @TempDir Path dir;

  /** Random spectra (not Hermitian in their DC and Nyquist bins: the real part is what counts). */
  @ParameterizedTest
  @CsvSource({"'1 2', '', 17", "'2', '', 20", "'2 1', '', 17", "'1 2', '3 5', 18", "'2', '4', 21", "'1 2', '4 4', 17"})
  void irdft(String axes, String sizes, int opset) throws Exception {
    DFTConverterTest.check(DFTConverterTest.transform("IRDFT", 9, "2,4,4,2", axes, sizes), dir, opset);
  }

  /**
   * More output than the bins give (zero bins added): OpenVINO's CPU plugin matches numpy's irfft
   * here only for a 1-D signal, so that is what is compared.
   */
  @ParameterizedTest
  @CsvSource({"9, 17", "8, 20"})
  void paddedBins(int size, int opset) throws Exception {
    DFTConverterTest.check(DFTConverterTest.transform("IRDFT", 9, "4,2", "0", Integer.toString(size)), dir, opset);
  }
}
