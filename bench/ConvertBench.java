import java.nio.file.Files;
import java.nio.file.Path;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;

/**
 * In-process conversion timing, as a Java service embedding the library sees it (no JVM start):
 *
 *   java -cp target/ov2onnx.jar bench/ConvertBench.java MODEL.xml OUT.onnx RUNS
 *
 * Converts RUNS times (after one warm-up run), printing the wall time of each in seconds.
 */
public final class ConvertBench {
  public static void main(String[] args) throws Exception {
    Path model = Path.of(args[0]);
    Path out = Path.of(args[1]);
    int runs = Integer.parseInt(args[2]);
    Converter converter = new Converter();
    for (int i = -1; i < runs; i++) {
      Files.deleteIfExists(out);
      Files.deleteIfExists(Path.of(out + ".data"));
      new ProcessBuilder("sync").inheritIO().start().waitFor();
      long start = System.nanoTime();
      converter.convert(model, out, ConvertOptions.defaults());
      double seconds = (System.nanoTime() - start) / 1e9;
      if (i >= 0) {
        System.out.println(seconds);
      } else {
        System.err.println("warm-up run: " + seconds + " s");
      }
    }
    Files.deleteIfExists(out);
    Files.deleteIfExists(Path.of(out + ".data"));
  }
}
