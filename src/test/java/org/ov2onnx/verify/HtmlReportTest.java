package org.ov2onnx.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;

/**
 * verify --html: the page is self-contained, and headless Chromium draws it without a console
 * message: the histograms' bars and the layer-wise chart's divergence marker are on the
 * screenshot (target/verify-report.png; docs/verify-report.png is a copy).
 */
class HtmlReportTest {
  static final Path SCREENSHOT = Path.of("target/verify-report.png");

  @TempDir Path dir;

  /** The sample CNN with one depthwise weight scaled by 1.5: fails from the depthwise conv on. */
  String plantedReport() throws Exception {
    Path onnx = dir.resolve("sample-cnn.onnx");
    new Converter().convert(VerifyAttributionTest.SAMPLE, onnx, ConvertOptions.defaults());
    Path planted = VerifyAttributionTest.plant(onnx, "dwconv/weights", 1.5f);
    VerifyReport r = Verifier.verify(VerifyAttributionTest.SAMPLE, planted, VerifyOptions.defaults().withLayerwise(true));
    assertFalse(r.passed());
    return r.toHtml();
  }

  @Test
  void thePageIsSelfContained() throws Exception {
    String html = plantedReport();
    assertTrue(html.startsWith("<!DOCTYPE html>"), html);
    for (String external : new String[] {"<script", "http:", "https:", "src=", "href=", "url(", "@import", "<link"}) {
      assertFalse(html.contains(external), external + " in the page");
    }
    assertTrue(html.contains("default-src 'none'"), "the page forbids fetches");
    assertEquals(2, html.split("<svg ").length - 1, "one histogram (one output) and the layer-wise chart\n" + html);
    assertTrue(html.contains("first divergence: dwconv (GroupConvolution-1)"), html);
    assertTrue(html.contains("Attribution: <b>conversion error</b>"), html);
  }

  @Test
  void chromiumDrawsItWithoutConsoleMessages() throws Exception {
    String chromium = chromium();
    Path page = dir.resolve("report.html");
    Files.writeString(page, plantedReport());
    Files.createDirectories(SCREENSHOT.getParent());
    String log = render(chromium, page, SCREENSHOT);
    assertFalse(log.contains("CONSOLE") || log.contains("Refused"), "console messages while drawing:\n" + log);
    BufferedImage png = ImageIO.read(SCREENSHOT.toFile());
    assertTrue(png.getWidth() >= 1000 && png.getHeight() >= 1000, png.getWidth() + "x" + png.getHeight());
    // the bars in blue and red, the failing points and divergence marker in dark red
    assertTrue(pixels(png, 0x4c78a8) > 500, "no histogram bars / chart line on the screenshot");
    assertTrue(pixels(png, 0xe45756) > 200, "no out-of-tolerance bars on the screenshot");
    assertTrue(pixels(png, 0xc62828) > 200, "no divergence marker on the screenshot");

    // the check above is not blind: a page that fetches something is reported
    Path fetching = dir.resolve("fetching.html");
    Files.writeString(fetching, plantedReport().replace("</body>", "<img src=\"https://example.invalid/x.png\"></body>"));
    String refused = render(chromium, fetching, dir.resolve("fetching.png"));
    assertTrue(refused.contains("Refused") || refused.contains("CONSOLE"), "Chromium did not report the blocked fetch:\n" + refused);
  }

  /** Renders {@code page} to {@code png} in headless Chromium; returns what it logged. */
  static String render(String chromium, Path page, Path png) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        "--no-first-run", "--disable-extensions", "--enable-logging=stderr", "--v=0", "--window-size=1100,1500",
        "--screenshot=" + png.toAbsolutePath(), page.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
    assertEquals(0, p.exitValue(), log);
    assertTrue(Files.size(png) > 10_000, "no screenshot:\n" + log);
    return log;
  }

  private static long pixels(BufferedImage img, int rgb) {
    long n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int c = img.getRGB(x, y) & 0xffffff;
        if (Math.abs((c >> 16) - (rgb >> 16)) < 12 && Math.abs(((c >> 8) & 0xff) - ((rgb >> 8) & 0xff)) < 12 && Math.abs((c & 0xff) - (rgb & 0xff)) < 12) {
          n++;
        }
      }
    }
    return n;
  }

  /** Chromium on PATH, installed with apt-get if missing (as .ci/run does); skips only if neither works. */
  static String chromium() throws Exception {
    for (String name : new String[] {"chromium", "chromium-browser"}) {
      if (onPath(name)) {
        return name;
      }
    }
    if (onPath("apt-get")) {
      Process p = new ProcessBuilder("bash", "-c", "(apt-get update && apt-get install -y chromium) >/dev/null 2>&1").start();
      p.waitFor(15, TimeUnit.MINUTES);
      if (onPath("chromium")) {
        return "chromium";
      }
    }
    Assumptions.abort("chromium is not installed and apt-get could not install it: cannot render the HTML report");
    return null;
  }

  private static boolean onPath(String name) throws Exception {
    Process p = new ProcessBuilder("bash", "-c", "command -v " + name).start();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
  }
}
