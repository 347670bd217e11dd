package org.ov2onnx.openvino;

/** OpenVINO reported a failure; the message is OpenVINO's own, condensed to its useful lines. */
public class OpenVinoException extends Exception {
  /** What kind of failure it was, from the shim's status codes. */
  public enum Kind {
    GENERAL(-1),
    NOT_FOUND(-2),
    INVALID_ARGUMENT(-3),
    READ(-4),
    DEVICE(-5),
    INFER(-6),
    UNSUPPORTED(-7);

    private final int status;

    Kind(int status) {
      this.status = status;
    }

    /** The shim's status code. */
    public int status() {
      return status;
    }

    static Kind of(int status) {
      for (Kind k : values()) {
        if (k.status == status) {
          return k;
        }
      }
      return GENERAL;
    }
  }

  private final Kind kind;
  private final String nativeMessage;

  public OpenVinoException(Kind kind, String message) {
    this(kind, message, "");
  }

  public OpenVinoException(Kind kind, String message, String nativeMessage) {
    super(message);
    this.kind = kind;
    this.nativeMessage = nativeMessage == null ? "" : nativeMessage;
  }

  public Kind kind() {
    return kind;
  }

  /** OpenVINO's full, unedited message ("" if the failure was found on the Java side). */
  public String nativeMessage() {
    return nativeMessage;
  }
}
