package org.ov2onnx.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small, strict reader of UTF-8 XML that reports only elements and their attributes, for the IR
 * pre-check ({@link IrPrecheck}). It is several times cheaper than the JDK's StAX reader on a large
 * IR (no namespace processing, no DTD, no text events), which matters because every conversion
 * reads the XML once more before OpenVINO does.
 *
 * <p>It refuses, with {@link NotWellFormed} and the line, what is not well-formed XML in the ways
 * that could let two readers disagree about the structure: start and end tags that do not match,
 * an element left open at the end, an attribute given twice, an attribute value without quotes or
 * with a {@code <}, attributes not separated by white space, a reference to an entity other than
 * XML's five and character references, content outside the single root element, an unterminated
 * comment, CDATA section or processing instruction. A document type declaration is skipped (its
 * entities are not expanded: referring to one is refused). Names are taken as written, prefix
 * included (OpenVINO's reader does not process namespaces either).
 */
final class XmlScanner implements IrPrecheck.XmlEvents {
  static final int DONE = 0;
  static final int START = 1;
  static final int END = 2;

  /** The input is not well-formed XML. */
  static final class NotWellFormed extends Exception {
    NotWellFormed(String message) {
      super(message, null, false, false);
    }
  }

  private final InputStream in;
  private final byte[] buffer = new byte[1 << 16];
  private int position;
  private int limit;
  private int line = 1;
  private boolean started;
  private final List<String> open = new ArrayList<>();
  private boolean rootSeen;
  private boolean selfClosed;
  private String name;
  private final List<String> names = new ArrayList<>();
  /**
   * The current start tag's attribute values, undecoded: value i is {@code valueBytes[valueStart[i]
   * .. valueStart[i + 1])}. Most values (dims, precisions, the data of most layers) are never asked
   * for, so they are decoded to strings only on request.
   */
  private byte[] valueBytes = new byte[1024];
  private int[] valueStart = new int[17];
  private final String[] decoded = new String[16];
  private byte[] token = new byte[256];
  private int tokenLength;
  /** Names seen so far (an IR has a few dozen distinct ones), so that a name is one String, not one per tag. */
  private final String[] internedNames = new String[512];
  private final byte[][] internedBytes = new byte[512][];

  XmlScanner(InputStream in) {
    this.in = in;
  }

  /** The name of the element the last {@link #START} or {@link #END} was about. */
  @Override
  public String name() {
    return name;
  }

  @Override
  public int attributeCount() {
    return names.size();
  }

  @Override
  public String attributeName(int i) {
    return names.get(i);
  }

  @Override
  public String attributeValue(int i) {
    if (i < 0 || i >= names.size()) {
      throw new IndexOutOfBoundsException(i);
    }
    String v = i < decoded.length ? decoded[i] : null;
    if (v == null) {
      v = new String(valueBytes, valueStart[i], valueStart[i + 1] - valueStart[i], StandardCharsets.UTF_8);
      if (i < decoded.length) {
        decoded[i] = v;
      }
    }
    return v;
  }

  /** The value of attribute {@code attribute} of the current start tag, or null. */
  @Override
  public String attribute(String attribute) {
    int i = names.indexOf(attribute);
    return i < 0 ? null : attributeValue(i);
  }

  private int read() throws IOException {
    if (position == limit) {
      limit = in.readNBytes(buffer, 0, buffer.length);
      position = 0;
      if (limit <= 0) {
        limit = 0;
        return -1;
      }
      if (!started && limit >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB && (buffer[2] & 0xff) == 0xBF) {
        position = 3; // UTF-8's byte order mark
      }
      started = true;
      if (position == limit) {
        return read();
      }
    }
    int c = buffer[position++] & 0xff;
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private NotWellFormed error(String what) {
    return new NotWellFormed(what + " at line " + line);
  }

  /** The next start or end of an element, or {@link #DONE} at a well-formed end of the document. */
  @Override
  public int next() throws IOException, NotWellFormed {
    if (selfClosed) {
      selfClosed = false;
      name = open.remove(open.size() - 1);
      return END;
    }
    while (true) {
      if (!open.isEmpty()) {
        skipText();
      }
      int c = read();
      if (c < 0) {
        if (!open.isEmpty()) {
          throw error("element <" + open.get(open.size() - 1) + "> is not closed");
        }
        if (!rootSeen) {
          throw error("no root element");
        }
        return DONE;
      }
      if (c == '&') {
        if (open.isEmpty()) {
          throw error("content outside the root element");
        }
        reference();
        continue;
      }
      if (c != '<') {
        if (open.isEmpty() && !isSpace(c)) {
          throw error("content outside the root element");
        }
        continue;
      }
      c = read();
      if (c == '?') {
        skipPast("?>", "processing instruction");
      } else if (c == '!') {
        markup();
      } else if (c == '/') {
        return endTag();
      } else {
        return startTag(c);
      }
    }
  }

  /**
   * Skips character data inside the root element up to the next '<' or '&' within the buffered
   * bytes (the per-byte path of {@link #read()} stays for everything else): most of an IR's bytes
   * lie between tags.
   */
  private void skipText() {
    byte[] b = buffer;
    int p = position;
    int end = limit;
    int lines = 0;
    while (p < end) {
      byte c = b[p];
      if (c == '<' || c == '&') {
        break;
      }
      if (c == '\n') {
        lines++;
      }
      p++;
    }
    line += lines;
    position = p;
  }

  /** Bytes that may continue a name (any byte of a multi-byte UTF-8 sequence included). */
  private static final boolean[] NAME_CHAR = new boolean[256];

  static {
    for (int c = 0; c < 256; c++) {
      NAME_CHAR[c] = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == ':' || c == '-' || c == '.';
    }
  }

  private static boolean isSpace(int c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  private static boolean isNameChar(int c) {
    return c >= 0 && NAME_CHAR[c];
  }

  private static boolean isNameStart(int c) {
    return isNameChar(c) && !(c >= '0' && c <= '9') && c != '-' && c != '.';
  }

  /** After "<!": a comment, a CDATA section or the document type declaration. */
  private void markup() throws IOException, NotWellFormed {
    int c = read();
    if (c == '-') {
      if (read() != '-') {
        throw error("malformed comment");
      }
      skipPast("-->", "comment");
    } else if (c == '[') {
      for (char k : "CDATA[".toCharArray()) {
        if (read() != k) {
          throw error("malformed CDATA section");
        }
      }
      if (open.isEmpty()) {
        throw error("content outside the root element");
      }
      skipPast("]]>", "CDATA section");
    } else if (c == 'D' && !rootSeen) {
      for (char k : "OCTYPE".toCharArray()) {
        if (read() != k) {
          throw error("malformed document type declaration");
        }
      }
      int depth = 0;
      int quote = 0;
      while (true) {
        c = read();
        if (c < 0) {
          throw error("unterminated document type declaration");
        } else if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '[') {
          depth++;
        } else if (c == ']') {
          depth--;
        } else if (c == '>' && depth <= 0) {
          return;
        }
      }
    } else {
      throw error("malformed markup");
    }
  }

  private void skipPast(String end, String what) throws IOException, NotWellFormed {
    int n = end.length();
    int[] last = new int[n]; // the last n characters read, oldest first
    while (true) {
      int c = read();
      if (c < 0) {
        throw error("unterminated " + what);
      }
      System.arraycopy(last, 1, last, 0, n - 1);
      last[n - 1] = c;
      boolean ends = true;
      for (int k = 0; k < n && ends; k++) {
        ends = last[k] == end.charAt(k);
      }
      if (ends) {
        return;
      }
    }
  }

  private String readName(int first) throws IOException, NotWellFormed {
    if (!isNameStart(first)) {
      throw error("malformed name");
    }
    // the first byte is buffer[position - 1]: while the whole name and the byte after it are buffered,
    // it is read there, without a copy
    int start = position - 1;
    byte[] b = buffer;
    int p = position;
    int end = limit;
    while (p < end && NAME_CHAR[b[p] & 0xff]) {
      p++;
    }
    if (p < end) {
      int c = b[p] & 0xff;
      position = p + 1;
      if (c == '\n') {
        line++;
      }
      pushBack = c;
      return intern(b, start, p - start);
    }
    tokenLength = 0;
    int c = first;
    while (isNameChar(c)) {
      append(c);
      c = read();
    }
    pushBack = c;
    return intern(token, 0, tokenLength);
  }

  /** The name in {@code bytes[from, from + length)}, as the String given to the same bytes before. */
  private String intern(byte[] bytes, int from, int length) {
    int h = 1;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + bytes[i];
    }
    int mask = internedNames.length - 1;
    for (int probe = 0; probe < 8; probe++) {
      int slot = (h + probe) & mask;
      byte[] known = internedBytes[slot];
      if (known == null) {
        String s = new String(bytes, from, length, StandardCharsets.UTF_8);
        if (length <= 64) { // only short names are kept; a table full of odd ones just stops growing
          s = s.intern(); // the same object as the literals the pre-check compares with
          internedBytes[slot] = Arrays.copyOfRange(bytes, from, from + length);
          internedNames[slot] = s;
        }
        return s;
      }
      if (Arrays.equals(known, 0, known.length, bytes, from, from + length)) {
        return internedNames[slot];
      }
    }
    return new String(bytes, from, length, StandardCharsets.UTF_8);
  }

  /** The character after a name, which the name's reader consumed. */
  private int pushBack;

  private int startTag(int first) throws IOException, NotWellFormed {
    if (open.isEmpty() && rootSeen) {
      throw error("content after the root element");
    }
    name = readName(first);
    Arrays.fill(decoded, 0, Math.min(names.size(), decoded.length), null);
    names.clear();
    valueStart[0] = 0;
    int c = pushBack;
    while (true) {
      boolean spaced = isSpace(c);
      while (isSpace(c)) {
        c = read();
      }
      if (c < 0) {
        throw error("unterminated start tag <" + name + ">");
      }
      if (c == '>') {
        break;
      }
      if (c == '/') {
        if (read() != '>') {
          throw error("malformed start tag <" + name + ">");
        }
        selfClosed = true;
        break;
      }
      if (!spaced) {
        throw error("attributes of <" + name + "> are not separated by white space");
      }
      String attribute = readName(c);
      c = pushBack;
      while (isSpace(c)) {
        c = read();
      }
      if (c != '=') {
        throw error("attribute " + attribute + " of <" + name + "> has no value");
      }
      c = read();
      while (isSpace(c)) {
        c = read();
      }
      if (c != '"' && c != '\'') {
        throw error("the value of attribute " + attribute + " of <" + name + "> is not quoted");
      }
      if (names.contains(attribute)) {
        throw error("attribute " + attribute + " of <" + name + "> is given twice");
      }
      value(c);
      names.add(attribute);
      c = read();
    }
    open.add(name);
    rootSeen = true;
    return START;
  }

  /**
   * An attribute value up to {@code quote}, references replaced and white space normalized, appended
   * to {@code valueBytes} as the next attribute's.
   */
  private void value(int quote) throws IOException, NotWellFormed {
    int n = names.size();
    if (n + 2 > valueStart.length) {
      valueStart = Arrays.copyOf(valueStart, valueStart.length * 2);
    }
    int end = valueStart[n];
    while (true) {
      // the plain bytes buffered: copied at once
      byte[] b = buffer;
      int p = position;
      int stop = limit;
      while (p < stop) {
        byte k = b[p];
        if (k == quote || k == '<' || k == '&' || k == '\t' || k == '\n' || k == '\r') {
          break;
        }
        p++;
      }
      if (p > position) {
        int length = p - position;
        if (end + length > valueBytes.length) {
          if (end + length > MAX_TOKEN) {
            throw error("attribute values longer than " + (MAX_TOKEN >> 20) + " MiB in one tag");
          }
          valueBytes = Arrays.copyOf(valueBytes, Math.min(Math.max(valueBytes.length * 2, end + length), MAX_TOKEN));
        }
        System.arraycopy(b, position, valueBytes, end, length);
        end += length;
        position = p;
      }
      int c = read();
      if (c < 0) {
        throw error("unterminated attribute value");
      } else if (c == quote) {
        valueStart[n + 1] = end;
        return;
      } else if (c == '<') {
        throw error("'<' in an attribute value");
      } else if (c == '&') {
        int code = reference();
        for (byte u : new String(Character.toChars(code)).getBytes(StandardCharsets.UTF_8)) {
          end = appendValue(end, u);
        }
      } else {
        end = appendValue(end, c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
      }
    }
  }

  private int appendValue(int end, int c) throws NotWellFormed {
    if (end == valueBytes.length) {
      if (valueBytes.length >= MAX_TOKEN) {
        throw error("attribute values longer than " + (MAX_TOKEN >> 20) + " MiB in one tag");
      }
      valueBytes = Arrays.copyOf(valueBytes, Math.min(valueBytes.length * 2, MAX_TOKEN));
    }
    valueBytes[end] = (byte) c;
    return end + 1;
  }

  /** After '&': one of XML's five entities or a character reference; returns its code point. */
  private int reference() throws IOException, NotWellFormed {
    StringBuilder ref = new StringBuilder();
    int c = read();
    while (c != ';') {
      if (c < 0 || ref.length() > 10) {
        throw error("malformed reference");
      }
      ref.append((char) c);
      c = read();
    }
    String r = ref.toString();
    switch (r) {
      case "lt":
        return '<';
      case "gt":
        return '>';
      case "amp":
        return '&';
      case "quot":
        return '"';
      case "apos":
        return '\'';
      default:
        break;
    }
    try {
      int code = r.startsWith("#x") ? Integer.parseInt(r.substring(2), 16)
          : r.startsWith("#") ? Integer.parseInt(r.substring(1)) : -1;
      if (code > 0 && Character.isValidCodePoint(code)) {
        return code;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw error("reference to an unknown entity &" + r + ";");
  }

  private int endTag() throws IOException, NotWellFormed {
    String ended = readName(read());
    int c = pushBack;
    while (isSpace(c)) {
      c = read();
    }
    if (c != '>') {
      throw error("malformed end tag </" + ended + ">");
    }
    if (open.isEmpty() || !open.get(open.size() - 1).equals(ended)) {
      throw error("end tag </" + ended + "> does not match "
          + (open.isEmpty() ? "any open element" : "<" + open.get(open.size() - 1) + ">"));
    }
    name = open.remove(open.size() - 1);
    return END;
  }

  /** The longest name or attribute value read (an IR's are short; its data lives in the .bin). */
  static final int MAX_TOKEN = 64 << 20;

  private void append(int c) throws NotWellFormed {
    if (tokenLength == token.length) {
      if (token.length >= MAX_TOKEN) {
        throw error("a name or attribute value longer than " + (MAX_TOKEN >> 20) + " MiB");
      }
      token = Arrays.copyOf(token, Math.min(token.length * 2, MAX_TOKEN));
    }
    token[tokenLength++] = (byte) c;
  }
}
