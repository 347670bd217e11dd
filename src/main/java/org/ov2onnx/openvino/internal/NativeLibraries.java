package org.ov2onnx.openvino.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the shim and OpenVINO into this JVM, once.
 *
 * <p>The natives jar of a platform (classifier {@code <platform>}, as JavaCPP's presets do; the CLI
 * jar includes it) carries, in one resource folder ({@code org/ov2onnx/openvino/internal/<platform>/}),
 * the JNI library, the shim, OpenVINO's runtime, its device plugins and frontends, and TBB; it is
 * found through the class path, so it may be another jar than the one holding these classes.
 * OpenVINO finds plugins and frontends next to its own
 * library, and each library finds its dependencies through an {@code $ORIGIN} run path, so the
 * whole folder must sit together on disk:
 *
 * <ol>
 *   <li>Run from a folder of classes (a build tree), the libraries are loaded where they are.
 *   <li>Run from a jar, the folder is extracted, whole and once per content, by JavaCPP's cache
 *       ({@code ~/.javacpp/cache}, or the {@code org.bytedeco.javacpp.cachedir} system property)
 *       before anything is loaded.
 * </ol>
 */
public final class NativeLibraries {
  private static volatile boolean loaded;
  private static volatile Throwable failure;

  private NativeLibraries() {}

  /** The resource folder of this platform's natives, e.g. {@code linux-x86_64}. */
  public static String platform() {
    return Loader.getPlatform();
  }

  /**
   * Makes the natives available; later calls return at once.
   *
   * @throws UnsatisfiedLinkError if this platform has no natives in the jar or they fail to load
   */
  public static void ensureLoaded() {
    if (loaded) {
      return;
    }
    synchronized (NativeLibraries.class) {
      if (loaded) {
        return;
      }
      if (failure != null) {
        throw linkError(failure);
      }
      try {
        String folder = "/org/ov2onnx/openvino/internal/" + platform() + "/";
        URL index = NativeLibraries.class.getResource(folder + "natives.list");
        if (index == null) {
          throw new UnsatisfiedLinkError(
              "ov2onnx has no native libraries for platform "
                  + platform()
                  + " (missing resource "
                  + folder
                  + "natives.list)");
        }
        if (!"file".equals(index.getProtocol())) {
          extractOnce(folder, index);
        }
        Loader.load(Shim.class);
        loaded = true;
      } catch (IOException e) {
        failure = new UncheckedIOException("could not extract ov2onnx's native libraries", e);
        throw linkError(failure);
      } catch (RuntimeException | LinkageError e) {
        failure = e;
        throw linkError(e);
      }
    }
  }

  /**
   * Extracts the whole folder into JavaCPP's cache, unless a previous run already extracted
   * exactly these files (a marker named after natives.list's digest says so): checking 20 large
   * files on every start would cost a noticeable part of a second.
   */
  private static void extractOnce(String folder, URL index) throws IOException {
    byte[] list;
    try (var in = index.openStream()) {
      list = in.readAllBytes();
    }
    String digest;
    try {
      byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(list);
      digest = java.util.HexFormat.of().formatHex(hash, 0, 8);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IOException(e);
    }
    java.io.File cachedIndex = Loader.cacheResource(folder + "natives.list");
    java.nio.file.Path marker = cachedIndex.toPath().resolveSibling(".complete-" + digest);
    if (java.nio.file.Files.exists(marker)) {
      return;
    }
    Loader.cacheResources(folder);
    java.nio.file.Files.writeString(marker, "extracted\n");
  }

  private static UnsatisfiedLinkError linkError(Throwable cause) {
    if (cause instanceof UnsatisfiedLinkError link) {
      return link;
    }
    UnsatisfiedLinkError error =
        new UnsatisfiedLinkError("could not load ov2onnx's native libraries: " + cause);
    error.initCause(cause);
    return error;
  }
}
