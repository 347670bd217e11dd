package org.ov2onnx.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged artifacts (run by failsafe after {@code package}):
 *
 * <ul>
 *   <li>the CLI jar, {@code target/ov2onnx.jar}, works from any directory, with no LD_LIBRARY_PATH,
 *       extracting its natives into an empty cache the first time and reusing them the second
 *       time; OpenVINO finds its CPU plugin and its frontends; it carries no other platform's
 *       natives;
 *   <li>the library is split as JavaCPP's presets are: the classes jar holds no natives, the
 *       platform jar holds them, and the two (with the dependencies) run from the class path;
 *   <li>the launcher {@code target/ov2onnx} starts from the class-data-sharing archive.
 * </ul>
 */
class JarIT {
  /** This platform's folder name in ONNX Runtime's jar, by JavaCPP's platform name. */
  private static final Map<String, String> ONNXRUNTIME_PLATFORM =
      Map.of(
          "linux-x86_64", "linux-x64",
          "linux-arm64", "linux-aarch64",
          "macosx-arm64", "osx-aarch64",
          "macosx-x86_64", "osx-x64",
          "windows-x86_64", "win-x64");

  private static final String PLATFORM = Loader.getPlatform();
  private static final Path TARGET = Path.of("target").toAbsolutePath();
  private static final Path CLI_JAR = TARGET.resolve("ov2onnx.jar");
  private static final String VERSION = System.getProperty("ov2onnx.it.version");

  @TempDir Path work;

  record Run(int code, String out) {}

  Run run(List<String> command, Map<String, String> env) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
    pb.environment().remove("LD_LIBRARY_PATH");
    pb.environment().remove("JAVA_OPTS");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Run(p.waitFor(), out);
  }

  static String javaExe() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  Run java(Path cache, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(javaExe(),
        "-Dorg.bytedeco.javacpp.cachedir=" + cache, "-jar", CLI_JAR.toString()));
    cmd.addAll(List.of(args));
    return run(cmd, Map.of());
  }

  @Test
  void runsFromAnyDirectoryWithAFreshNativeCache() throws Exception {
    Path cache = work.resolve("cache");
    Run first = java(cache, "devices");
    assertEquals(0, first.code(), first.out());
    assertTrue(first.out().matches("(?s).*\\n\\s+CPU\\s+\\S.*"), first.out());
    try (var files = Files.walk(cache)) {
      assertTrue(files.anyMatch(f -> f.getFileName().toString().equals("libopenvino_intel_cpu_plugin.so")), "natives extracted together");
    }
    Run second = java(cache, "devices");
    assertEquals(0, second.code(), second.out());
  }

  @Test
  void convertsAndVerifiesTheSampleThroughTheJar() throws Exception {
    Path sample = Path.of("samples/sample-cnn.xml").toAbsolutePath();
    Path onnx = work.resolve("sample.onnx");
    Run r = java(work.resolve("cache"), "convert", sample.toString(), "-o", onnx.toString(), "--verify");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASSED"), r.out());
    // the ONNX and TFLite frontends load too
    Run onnxIn = java(work.resolve("cache"), "info", Path.of("src/test/resources/formats/relu.tflite").toAbsolutePath().toString());
    assertEquals(0, onnxIn.code(), onnxIn.out());
  }

  /** Native libraries and debug symbols in a jar: .so (versioned too), .dylib, .dll, .dSYM. */
  static boolean isNative(String entry) {
    String name = entry.substring(entry.lastIndexOf('/') + 1);
    return !entry.endsWith("/")
        && (name.matches(".*\\.so(\\.\\d+)*") || name.endsWith(".dylib") || name.endsWith(".dll") || entry.contains(".dSYM/"));
  }

  static Set<String> natives(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName).filter(JarIT::isNative).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The file names natives.list (written at build time) says this platform's natives jar holds. */
  static Set<String> indexedNatives() throws IOException {
    Path list = Path.of("target/classes/org/ov2onnx/openvino/internal", PLATFORM, "natives.list");
    return Files.readAllLines(list).stream().filter(l -> !l.isBlank()).map(l -> l.substring(l.indexOf("  ") + 2))
        .filter(JarIT::isNative).collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void cliJarCarriesOnlyThisPlatformsNatives() throws Exception {
    String onnxRuntime = ONNXRUNTIME_PLATFORM.get(PLATFORM);
    Set<String> natives = natives(CLI_JAR);
    List<String> foreign = natives.stream()
        .filter(e -> !e.startsWith("org/ov2onnx/openvino/internal/" + PLATFORM + "/")
            && !e.startsWith("org/bytedeco/javacpp/" + PLATFORM + "/")
            && !e.startsWith("ai/onnxruntime/native/" + onnxRuntime + "/"))
        .toList();
    assertEquals(List.of(), foreign, "natives of other platforms, or debug symbols, in the CLI jar");
    assertTrue(natives.stream().anyMatch(e -> e.startsWith("ai/onnxruntime/native/" + onnxRuntime + "/libonnxruntime")), natives.toString());
    for (String lib : indexedNatives()) {
      assertTrue(natives.contains("org/ov2onnx/openvino/internal/" + PLATFORM + "/" + lib), lib + " missing from the CLI jar");
    }
  }

  Path classesJar() {
    return TARGET.resolve("ov2onnx-" + VERSION + ".jar");
  }

  Path platformJar() {
    return TARGET.resolve("ov2onnx-" + VERSION + "-" + PLATFORM + ".jar");
  }

  @Test
  void libraryJarsSplitClassesFromNatives() throws Exception {
    assertEquals(Set.of(), natives(classesJar()), "natives in the classes jar");
    try (ZipFile zip = new ZipFile(classesJar().toFile())) {
      assertTrue(zip.getEntry("org/ov2onnx/convert/Converter.class") != null, "classes jar without the classes");
      assertTrue(zip.getEntry("org/ov2onnx/openvino/internal/Shim.class") != null, "classes jar without JavaCPP's generated classes");
    }
    Set<String> expected = indexedNatives().stream().map(n -> "org/ov2onnx/openvino/internal/" + PLATFORM + "/" + n)
        .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(expected.isEmpty());
    assertEquals(expected, natives(platformJar()));
  }

  /** Runs the CLI's main class from the two library jars and the test class path's other entries that {@code keep} accepts. */
  Run runFromLibraryJars(java.util.function.Predicate<String> keep, String... args) throws Exception {
    List<String> classPath = new ArrayList<>(List.of(classesJar().toString(), platformJar().toString()));
    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !Path.of(e).toAbsolutePath().startsWith(TARGET)) // not this build's own classes
        .filter(keep)
        .forEach(classPath::add);
    List<String> cmd = new ArrayList<>(List.of(javaExe(), "-Dorg.bytedeco.javacpp.cachedir=" + work.resolve("cache"),
        "-cp", String.join(File.pathSeparator, classPath), "org.ov2onnx.cli.Main"));
    cmd.addAll(List.of(args));
    return run(cmd, Map.of());
  }

  @Test
  void libraryJarsRunFromTheClassPath() throws Exception {
    Run r = runFromLibraryJars(e -> true, "convert", Path.of("samples/sample-cnn.xml").toAbsolutePath().toString(),
        "-o", work.resolve("sample.onnx").toString(), "--verify");
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("PASSED"), r.out());
  }

  @Test
  void libraryConvertsWithoutOnnxRuntime() throws Exception {
    // a library user who only converts may exclude ONNX Runtime (only verification uses it)
    Path onnx = work.resolve("sample.onnx");
    Run r = runFromLibraryJars(e -> !e.contains("onnxruntime"), "convert", Path.of("samples/sample-cnn.xml").toAbsolutePath().toString(),
        "-o", onnx.toString());
    assertEquals(0, r.code(), r.out());
    assertTrue(Files.size(onnx) > 0, r.out());
  }

  @Test
  void launcherStartsFromTheClassDataArchive() throws Exception {
    Path log = work.resolve("class-load.log");
    // -Xshare:on (after the launcher's -Xshare:auto) makes the JVM fail if the archive is unusable
    Run r = run(List.of(TARGET.resolve("ov2onnx").toString(), "--version"),
        Map.of("JAVA_OPTS", "-Xshare:on -Xlog:class+load=info:file=" + log
            + " -Dorg.bytedeco.javacpp.cachedir=" + work.resolve("cache")));
    assertEquals(0, r.code(), r.out());
    assertTrue(r.out().contains("OpenVINO"), r.out());
    String loaded = Files.readString(log);
    assertTrue(loaded.contains("org.ov2onnx.cli.Main source: shared objects file"), "the CLI's classes do not come from the archive");
    // picocli's Java 5 class files too (a static archive keeps them, JDK 17's dynamic one does not)
    assertTrue(loaded.contains("picocli.CommandLine source: shared objects file"), "picocli does not come from the archive");
  }
}
