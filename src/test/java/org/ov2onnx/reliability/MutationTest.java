package org.ov2onnx.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation campaign ({@link MutationCampaign}) in the suite: 2,000 inputs by default, with a
 * new seed each run, printed (in {@code target/surefire-reports/*MutationTest-output.txt}) and in
 * the failure message. {@code -Dov2onnx.mutation.seed=N} replays a seed, {@code
 * -Dov2onnx.mutation.count=N} changes the number of inputs. Failing inputs are saved under {@code
 * target/mutation-failures/} and named.
 */
class MutationTest {
  @TempDir Path dir;

  @Test
  void mutatedInputsEndCleanly() throws Exception {
    long seed = Long.getLong("ov2onnx.mutation.seed", System.nanoTime() ^ System.currentTimeMillis());
    int count = Integer.getInteger("ov2onnx.mutation.count", 2000);
    System.out.println("MutationTest: seed " + seed + ", " + count + " inputs (replay with -Dov2onnx.mutation.seed=" + seed + ")");
    MutationCampaign.Result r = MutationCampaign.run(dir, seed, count);
    System.out.println("MutationTest: " + r.summary());
    assertTrue(r.failures().isEmpty(), r.failures().size() + " of " + count + " inputs failed (seed " + seed
        + "; saved in target/mutation-failures/): "
        + String.join("\n", r.failures().subList(0, Math.min(10, r.failures().size()))));
  }
}
