package org.ov2onnx.openvino.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import org.bytedeco.javacpp.Loader;

/**
 * Loads the shim and OpenVINO into this JVM, once.
 *
 * <p>The jar carries, in one resource folder per platform ({@code
 * org/ov2onnx/openvino/internal/<platform>/}), the JNI library, the shim, OpenVINO's runtime, its
 * device plugins and frontends, and TBB. OpenVINO finds plugins and frontends next to its own
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
          Loader.cacheResources(folder);
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
