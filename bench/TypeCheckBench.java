import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import org.ov2onnx.onnx.OnnxTypeCheck;
import org.ov2onnx.onnx.proto.OnnxProto.ModelProto;

/**
 * The cost of the type check every written model passes (OnnxTypeCheck), on a converted model:
 *
 *   java -cp target/ov2onnx.jar bench/TypeCheckBench.java MODEL.onnx RUNS
 *
 * Parses the model once, checks it once cold (this loads the schema table), then RUNS times warm,
 * printing wall and CPU times in milliseconds (CPU time stays meaningful on a busy machine).
 * Compare with ConvertBench's conversion time of the same model.
 */
public final class TypeCheckBench {
  public static void main(String[] args) throws Exception {
    ModelProto model = ModelProto.parseFrom(Files.readAllBytes(Path.of(args[0])));
    int runs = Integer.parseInt(args[1]);
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long startCpu = cpu.getCurrentThreadCpuTime();
    OnnxTypeCheck.check(model);
    System.out.printf("first check, cold (loads the schema table): %.1f ms wall, %.1f ms CPU%n",
        (System.nanoTime() - start) / 1e6, (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6);
    double[] ms = new double[runs];
    double[] cpuMs = new double[runs];
    for (int i = 0; i < runs; i++) {
      start = System.nanoTime();
      startCpu = cpu.getCurrentThreadCpuTime();
      OnnxTypeCheck.check(model);
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpuMs[i] = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    Arrays.sort(ms);
    Arrays.sort(cpuMs);
    System.out.printf("%d nodes: median %.2f ms wall, %.2f ms CPU over %d warm checks%n",
        model.getGraph().getNodeCount(), ms[runs / 2], cpuMs[runs / 2], runs);
  }
}
