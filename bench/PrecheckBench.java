import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The cost of the IR pre-check (org.ov2onnx.openvino.IrPrecheck) alone, on one IR .xml:
 *
 *   java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms16m -cp target/ov2onnx.jar bench/PrecheckBench.java MODEL.xml RUNS
 *
 * (the launcher's JVM flags). Checks the file once in the fresh JVM (as a CLI run does), then RUNS
 * times, printing wall and CPU times in milliseconds of the checking thread (CPU time stays
 * meaningful on a busy machine; garbage collection runs on another thread and is not in it). Works
 * with older jars too, for a comparison.
 */
public final class PrecheckBench {
  public static void main(String[] args) throws Exception {
    Path xml = Path.of(args[0]);
    int runs = Integer.parseInt(args[1]);
    Method check = Class.forName("org.ov2onnx.openvino.IrPrecheck").getDeclaredMethod("check", Path.class);
    check.setAccessible(true); // package-private: the check has no public entry but Core.readModel
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] ms = new double[runs + 1];
    double[] cpuMs = new double[runs + 1];
    String verdict = "passes";
    for (int i = 0; i <= runs; i++) {
      long start = System.nanoTime();
      long startCpu = cpu.getCurrentThreadCpuTime();
      try {
        check.invoke(null, xml);
      } catch (java.lang.reflect.InvocationTargetException e) {
        verdict = e.getCause().getMessage(); // refused: as costly to find as a pass
      }
      ms[i] = (System.nanoTime() - start) / 1e6;
      cpuMs[i] = (cpu.getCurrentThreadCpuTime() - startCpu) / 1e6;
    }
    System.out.println("verdict: " + verdict);
    System.out.printf("first check in this JVM: %.1f ms wall, %.1f ms CPU%n", ms[0], cpuMs[0]);
    if (runs > 0) {
      double[] warm = Arrays.copyOfRange(ms, 1, runs + 1);
      double[] warmCpu = Arrays.copyOfRange(cpuMs, 1, runs + 1);
      Arrays.sort(warm);
      Arrays.sort(warmCpu);
      System.out.printf("then %d runs: median %.1f ms wall, %.1f ms CPU%n", runs, warm[runs / 2], warmCpu[runs / 2]);
    }
  }
}
