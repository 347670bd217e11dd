package org.ov2onnx.openvino.internal;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.bytedeco.javacpp.Pointer;

/**
 * Exclusive ownership of one native shim handle.
 *
 * <p>The handle is released exactly once: by {@link #close()}, or by the cleaner when its owner
 * becomes unreachable without having been closed. Closing twice is harmless; using a closed handle
 * throws {@link IllegalStateException}.
 *
 * @param <P> the generated pointer type of the handle
 */
public final class NativeHandle<P extends Pointer> implements AutoCloseable {
  private static final Cleaner CLEANER = Cleaner.create();

  private final String what;
  private final P pointer;
  private final Release<P> release;
  private final Cleaner.Cleanable cleanable;

  private NativeHandle(Object owner, String what, P pointer, Consumer<P> free) {
    this.what = what;
    this.pointer = pointer;
    this.release = new Release<>(pointer, free);
    this.cleanable = CLEANER.register(owner, release);
  }

  /**
   * Takes ownership of {@code pointer}, freed with {@code free} when closed or when {@code owner}
   * is unreachable. The release action must not refer to {@code owner}.
   */
  public static <P extends Pointer> NativeHandle<P> own(
      Object owner, String what, P pointer, Consumer<P> free) {
    if (pointer == null || pointer.isNull()) {
      throw new IllegalArgumentException("null native " + what);
    }
    return new NativeHandle<>(owner, what, pointer, free);
  }

  /** Registers a release action to run when {@code owner} becomes unreachable. */
  public static <P extends Pointer> void releaseWhenUnreachable(
      Object owner, P pointer, Consumer<P> free) {
    CLEANER.register(owner, new Release<>(pointer, free));
  }

  /** The live pointer. */
  public P get() {
    if (release.done.get()) {
      throw new IllegalStateException(what + " is closed");
    }
    return pointer;
  }

  public boolean isClosed() {
    return release.done.get();
  }

  @Override
  public void close() {
    cleanable.clean();
  }

  private static final class Release<P extends Pointer> implements Runnable {
    private final P pointer;
    private final Consumer<P> free;
    private final AtomicBoolean done = new AtomicBoolean();

    Release(P pointer, Consumer<P> free) {
      this.pointer = pointer;
      this.free = free;
    }

    @Override
    public void run() {
      if (done.compareAndSet(false, true)) {
        free.accept(pointer);
      }
    }
  }
}
