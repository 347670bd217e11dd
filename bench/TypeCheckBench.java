import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ov2onnx.onnx.OnnxTypeCheck;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;

/**
 * The cost of the type check every written model passes (OnnxTypeCheck), on a converted model:
 *
 *   java -cp target/ov2onnx.jar bench/TypeCheckBench.java MODEL.onnx RUNS
 *
 * Parses the model once, checks it once to warm up (this loads the schema table; its time is
 * printed), then RUNS times, printing the node count and the median wall time in milliseconds.
 * Compare with ConvertBench's conversion time of the same model.
 */
public final class TypeCheckBench {
  public static void main(String[] args) throws Exception {
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(Path.of(args[0])));
    int runs = Integer.parseInt(args[1]);
    long start = System.nanoTime();
    OnnxTypeCheck.check(model);
    System.err.printf("first check (loads the schema table): %.1f ms%n", (System.nanoTime() - start) / 1e6);
    double[] ms = new double[runs];
    for (int i = 0; i < runs; i++) {
      start = System.nanoTime();
      OnnxTypeCheck.check(model);
      ms[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%d nodes: median %.2f ms over %d checks%n", model.getGraph().getNodeCount(), ms[runs / 2], runs);
  }
}
