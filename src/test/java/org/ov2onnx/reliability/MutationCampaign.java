package org.ov2onnx.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.ov2onnx.convert.ConvertOptions;
import org.ov2onnx.convert.Converter;
import org.ov2onnx.testing.OnnxChecker;

/**
 * A seeded mutation campaign against the CLI: mutants of the project's IR fixtures go through
 * {@code convert}, mutants of a converted ONNX file through {@code verify}. They run in forked
 * JVMs, in batches ({@link BatchRunner}); when a batch JVM dies, the input it was running is run
 * again alone in a JVM of its own to confirm it, and the rest of the batch goes on in a new JVM.
 *
 * <p>Every input must end cleanly: exit 0 with a model that {@code onnx.checker} (full check)
 * accepts, exit 1 (a verification mismatch), or exit 2-4 with one {@code error:} line; never a
 * crash, a hang, an exit 5, or a file left next to the output. A failing input is saved under
 * {@code target/mutation-failures/} and named in the failure.
 *
 * <p>{@link MutationTest} runs 2,000 inputs in the suite; {@link #main} runs a campaign of any size.
 */
public final class MutationCampaign {
  static final int BATCH = 100;

  private final Path dir;

  private MutationCampaign(Path dir) {
    this.dir = dir;
  }

  /** The figures of a campaign. */
  public record Result(long seed, int count, int[] exits, List<String> failures, long millis) {
    String summary() {
      return String.format("seed %d: %d inputs in %.0f s: exit 0 (valid model): %d, 1: %d, 2: %d, 3: %d, 4: %d;"
          + " failures (crash, hang, exit 5, invalid model with exit 0, unclean error, file left): %d",
          seed, count, millis / 1000.0, exits[0], exits[1], exits[2], exits[3], exits[4], failures.size());
    }
  }

  /** {@code MutationCampaign COUNT [SEED]}: a campaign outside the test suite; prints its figures. */
  public static void main(String[] args) throws Exception {
    int count = Integer.parseInt(args[0]);
    long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime() ^ System.currentTimeMillis();
    Path dir = Files.createTempDirectory("ov2onnx-mutation-");
    Result r = run(dir, seed, count);
    System.out.println("MutationCampaign: " + r.summary());
    r.failures().forEach(f -> System.out.println("FAILURE: " + f));
    System.exit(r.failures().isEmpty() ? 0 : 1);
  }

  record Input(int index, List<String> job, Path folder, Path output, String what) {}

  /** Runs {@code count} mutants made from {@code seed} in {@code dir}. */
  public static Result run(Path dir, long seed, int count) throws Exception {
    long start = System.currentTimeMillis();
    return new MutationCampaign(dir).campaign(seed, count, start);
  }

  private Result campaign(long seed, int count, long start) throws Exception {
    List<Path> fixtures = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("src/test/resources/fixtures"))) {
      files.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(p -> fixtures.add(p.toAbsolutePath()));
    }
    fixtures.add(Path.of("samples/sample-cnn.xml").toAbsolutePath());
    Path sample = Path.of("samples/sample-cnn.xml").toAbsolutePath();
    Path baseOnnx = dir.resolve("sample-cnn.onnx");
    new Converter().convert(sample, baseOnnx, ConvertOptions.defaults());
    byte[] onnxBytes = Files.readAllBytes(baseOnnx);

    Mutator mutator = new Mutator(seed);
    List<Input> inputs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path folder = dir.resolve("m" + i);
      List<String> what = new ArrayList<>();
      if (i % 40 == 39) { // an ONNX file for verify
        Files.createDirectories(folder);
        Path onnx = folder.resolve("model.onnx");
        Files.write(onnx, mutator.mutateBytes(onnxBytes, what));
        inputs.add(new Input(i, List.of("verify", sample.toString(), onnx.toString()), folder, null,
            "verify sample-cnn.xml with a mutant of its ONNX: " + what));
      } else {
        Path fixture = fixtures.get(i % fixtures.size());
        Mutator.Mutant m = mutator.mutate(fixture, folder);
        Path out = folder.resolve("out.onnx");
        inputs.add(new Input(i, List.of("convert", m.model().toString(), "-o", out.toString()), folder, out,
            "convert a mutant of " + fixture.getFileName() + ": " + m.what()));
      }
    }

    List<String> failures = new ArrayList<>();
    int[] tally = new int[6]; // exit 0..4, then verified-invalid
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<String>>> batches = new ArrayList<>();
      for (int from = 0; from < inputs.size(); from += BATCH) {
        List<Input> batch = inputs.subList(from, Math.min(inputs.size(), from + BATCH));
        batches.add(pool.submit(() -> runBatch(batch, tally)));
      }
      int done = 0;
      for (Future<List<String>> f : batches) {
        failures.addAll(f.get());
        done = Math.min(count, done + BATCH);
        if (Boolean.getBoolean("ov2onnx.mutation.progress")) {
          synchronized (tally) {
            System.out.printf("MutationCampaign: %d of %d done, exit 0-4: %d %d %d %d %d, failures: %d%n", done, count,
                tally[0], tally[1], tally[2], tally[3], tally[4], failures.size());
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
    for (String f : failures) {
      System.out.println("MutationCampaign FAILURE: " + f);
    }
    return new Result(seed, count, tally, failures, System.currentTimeMillis() - start);
  }

  /** Runs a batch in forked JVMs, restarting after a death; returns the failures. */
  private List<String> runBatch(List<Input> batch, int[] tally) throws Exception {
    List<String> failures = new ArrayList<>();
    List<Input> pending = new ArrayList<>(batch);
    while (!pending.isEmpty()) {
      List<List<String>> jobs = pending.stream().map(Input::job).toList();
      ForkedCli.Batch b = ForkedCli.run(dir.resolve("work"), jobs, 60L + 3L * jobs.size());
      int next = pending.size();
      for (int k = 0; k < pending.size(); k++) {
        ForkedCli.Outcome o = b.outcomes().get(k);
        Input in = pending.get(k);
        if (!o.ran()) {
          if (k == 0) {
            throw new IllegalStateException("the batch JVM ran nothing (exit " + b.jvmExit() + "): " + b.log());
          }
          next = k;
          break;
        }
        if (o.crashed() || o.hung()) {
          // confirm alone, in a JVM of its own
          ForkedCli.Outcome alone = ForkedCli.run(dir.resolve("work"), List.of(in.job()), 120).outcomes().get(0);
          String kind = o.crashed() ? "crashed the JVM (exit " + b.jvmExit() + ")" : "hung";
          failures.add(fail(in, kind + "; alone: " + describe(alone)));
          next = k + 1;
          break;
        }
        String problem = judge(in, o);
        if (problem != null) {
          failures.add(fail(in, problem));
        } else {
          synchronized (tally) {
            tally[o.code()]++;
          }
        }
      }
      pending = new ArrayList<>(pending.subList(Math.min(next, pending.size()), pending.size()));
    }
    return failures;
  }

  private static String describe(ForkedCli.Outcome o) {
    return o.crashed() ? "crashed" : o.hung() ? "hung" : "exit " + o.code() + " " + o.firstErrLine();
  }

  /** Null when the outcome is clean. */
  private static String judge(Input in, ForkedCli.Outcome o) throws IOException {
    if (o.code() == 0) {
      if (in.output() != null) {
        if (!Files.isRegularFile(in.output())) {
          return "exit 0 but no output";
        }
        String bad = OnnxChecker.check(in.output());
        if (bad != null) {
          return "exit 0 with an invalid model: " + bad;
        }
      }
    } else if (o.code() == 1) {
      if (in.output() != null) {
        return "exit 1 from convert";
      }
    } else if (!o.cleanError()) {
      return "exit " + o.code() + " with " + o.errLines() + " stderr line(s): " + o.firstErrLine();
    }
    try (Stream<Path> files = Files.list(in.folder())) {
      List<String> left = files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith(".") || (o.code() != 0 && n.startsWith("out.onnx"))).toList();
      if (!left.isEmpty()) {
        return "exit " + o.code() + " left " + left;
      }
    }
    return null;
  }

  private String fail(Input in, String problem) throws IOException {
    Path saved = Path.of("target/mutation-failures", dir.getFileName() + "-" + in.index()).toAbsolutePath();
    Files.createDirectories(saved);
    try (Stream<Path> files = Files.list(in.folder())) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        Files.copy(p, saved.resolve(p.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.writeString(saved.resolve("WHAT.txt"), String.join(" ", in.job()) + "\n" + in.what() + "\n" + problem + "\n");
    return "input " + in.index() + " (" + saved + "): " + problem + " [" + in.what() + "]";
  }
}
