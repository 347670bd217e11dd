package org.ov2onnx.openvino;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
  /** The bytes read before those in the buffer. */
  private long consumed;
  /** Where the last start tag's '<' is in the input. */
  private long tagStart;
  private int line = 1;
  private boolean started;
  /** The open elements, outermost first, with where each name's bytes are in {@link #names}. */
  private String[] open = new String[32];
  private int[] openBytes = new int[32];
  private int depth;
  private boolean rootSeen;
  private boolean selfClosed;
  private String name;
  private String[] attributeNames = new String[16];
  private int attributeCount;
  /**
   * The current start tag's attribute values, undecoded: value i is {@code valueBytes[valueStart[i]
   * .. valueStart[i + 1])}. Most values (dims, precisions, the data of most layers) are never asked
   * for, so they are decoded to strings only on request.
   */
  private byte[] valueBytes = new byte[1024];
  private int[] valueStart = new int[17];
  private String[] decoded = new String[16];
  private byte[] token = new byte[256];
  private int tokenLength;
  /** Element and attribute names (an IR has a few dozen distinct ones): one interned String each. */
  private final Strings names = new Strings(true, 256);
  /**
   * Short attribute values (ids, ports, types): one String for the same bytes, so that the
   * pre-check keeps one String per layer id rather than one per mention of it.
   */
  private final Strings values;
  /** The longest name kept in {@link #names}, and the longest value kept in {@link #values}. */
  private static final int SHORT_NAME = 64;
  private static final int SHORT_VALUE = 16;
  /** Where the bytes of the name {@link #readName} returned last are in {@link #names}, or -1. */
  private int nameBytes;

  XmlScanner(InputStream in) {
    this(in, 0);
  }

  /**
   * A scanner of {@code in}, whose length is about {@code size} bytes: its table of values starts
   * large enough for the layer ids of that much IR (about one per 300 bytes), rather than growing
   * to it step by step.
   */
  XmlScanner(InputStream in, long size) {
    this.in = in;
    this.values = new Strings(false, Integer.highestOneBit((int) Math.max(128, Math.min(1 << 17, size / 256))) * 2);
  }

  /**
   * The name of the element the last {@link #START} or {@link #END} was about; interned, like
   * every name the scanner returns, so that names compare with {@code ==}.
   */
  @Override
  public String name() {
    return name;
  }

  @Override
  public int attributeCount() {
    return attributeCount;
  }

  @Override
  public long offset() {
    return tagStart;
  }

  @Override
  public String attributeName(int i) {
    if (i < 0 || i >= attributeCount) {
      throw new IndexOutOfBoundsException(i);
    }
    return attributeNames[i];
  }

  @Override
  public String attributeValue(int i) {
    if (i < 0 || i >= attributeCount) {
      throw new IndexOutOfBoundsException(i);
    }
    String v = decoded[i];
    if (v == null) {
      int from = valueStart[i];
      int length = valueStart[i + 1] - from;
      v = length <= SHORT_VALUE ? values.get(valueBytes, from, length, hash(valueBytes, from, length))
          : new String(valueBytes, from, length, StandardCharsets.UTF_8);
      decoded[i] = v;
    }
    return v;
  }

  /** The value of attribute {@code attribute} of the current start tag, or null. */
  @Override
  public String attribute(String attribute) {
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i] == attribute) { // the usual case: a literal, interned as the names are
        return attributeValue(i);
      }
    }
    for (int i = 0; i < attributeCount; i++) {
      if (attributeNames[i].equals(attribute)) {
        return attributeValue(i);
      }
    }
    return null;
  }

  private int read() throws IOException {
    if (position < limit) { // small enough to be inlined where it is called
      int c = buffer[position++] & 0xff;
      if (c == '\n') {
        line++;
      }
      return c;
    }
    return refill();
  }

  /** Reads the next bytes into the buffer and returns the first, or -1 at the end. */
  private int refill() throws IOException {
    consumed += limit;
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
    return read();
  }

  private NotWellFormed error(String what) {
    return new NotWellFormed(what + " at line " + line);
  }

  /** The next start or end of an element, or {@link #DONE} at a well-formed end of the document. */
  @Override
  public int next() throws IOException, NotWellFormed {
    if (selfClosed) {
      selfClosed = false;
      name = open[--depth];
      return END;
    }
    while (true) {
      if (depth > 0) {
        skipText();
      }
      int c = read();
      if (c < 0) {
        if (depth > 0) {
          throw error("element <" + open[depth - 1] + "> is not closed");
        }
        if (!rootSeen) {
          throw error("no root element");
        }
        return DONE;
      }
      if (c == '&') {
        if (depth == 0) {
          throw error("content outside the root element");
        }
        reference();
        continue;
      }
      if (c != '<') {
        if (depth == 0 && !isSpace(c)) {
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
        tagStart = consumed + position - 2; // position is past '<' and the name's first byte
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
      if (depth == 0) {
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

  /** Whether {@code a[at, at + length)} and {@code b[from, from + length)} hold the same bytes. */
  private static boolean same(byte[] a, int at, byte[] b, int from, int length) {
    for (int k = 0; k < length; k++) {
      if (a[at + k] != b[from + k]) {
        return false;
      }
    }
    return true;
  }

  /** The polynomial hash of {@link Strings}, over {@code bytes[from, from + length)}. */
  private static int hash(byte[] bytes, int from, int length) {
    int h = 1;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  /**
   * A name; {@link #pushBack} is the character after it. The name's first byte is {@code
   * buffer[position - 1]}: while the whole name and the byte after it are buffered, it is read there,
   * without a copy.
   */
  private String readName(int first) throws IOException, NotWellFormed {
    if (!isNameStart(first)) {
      throw error("malformed name");
    }
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
      return name(b, start, p - start);
    }
    tokenLength = 0;
    int c = first;
    while (isNameChar(c)) {
      append(c);
      c = read();
    }
    pushBack = c;
    return name(token, 0, tokenLength);
  }

  /**
   * The names met last, by length and first and last byte ({@link #recent}): most names are found
   * there with one comparison, without hashing.
   */
  private final String[] recentNames = new String[1024];
  private final int[] recentBytes = new int[1024];

  private static int recent(byte[] bytes, int from, int length) {
    return (length * 31 + bytes[from] * 7 + bytes[from + length - 1]) & 1023;
  }

  /** The interned name in {@code bytes[from, from + length)} (not empty); sets {@link #nameBytes}. */
  private String name(byte[] bytes, int from, int length) {
    if (length > SHORT_NAME) {
      nameBytes = -1;
      return new String(bytes, from, length, StandardCharsets.UTF_8).intern();
    }
    int key = recent(bytes, from, length);
    String s = recentNames[key];
    if (s != null) {
      int at = recentBytes[key];
      if (names.length(at) == length && same(names.arena, at, bytes, from, length)) {
        nameBytes = at;
        return s;
      }
    }
    s = names.get(bytes, from, length, hash(bytes, from, length));
    nameBytes = names.last;
    recentNames[key] = s;
    recentBytes[key] = nameBytes;
    return s;
  }

  /** The character after a name, which the name's reader consumed. */
  private int pushBack;

  private int startTag(int first) throws IOException, NotWellFormed {
    if (depth == 0 && rootSeen) {
      throw error("content after the root element");
    }
    name = readName(first);
    int bytesOfName = nameBytes;
    Arrays.fill(decoded, 0, attributeCount, null);
    attributeCount = 0;
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
      for (int i = 0; i < attributeCount; i++) {
        if (attributeNames[i] == attribute) { // names are interned
          throw error("attribute " + attribute + " of <" + name + "> is given twice");
        }
      }
      value(c);
      if (attributeCount == attributeNames.length) {
        attributeNames = Arrays.copyOf(attributeNames, attributeCount * 2);
        decoded = Arrays.copyOf(decoded, attributeCount * 2);
      }
      attributeNames[attributeCount++] = attribute;
      c = read();
    }
    if (depth == open.length) {
      open = Arrays.copyOf(open, depth * 2);
      openBytes = Arrays.copyOf(openBytes, depth * 2);
    }
    open[depth] = name;
    openBytes[depth++] = bytesOfName;
    rootSeen = true;
    return START;
  }

  /**
   * An attribute value up to {@code quote}, references replaced and white space normalized, appended
   * to {@code valueBytes} as the next attribute's.
   */
  private void value(int quote) throws IOException, NotWellFormed {
    int n = attributeCount;
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
    if (depth > 0 && openBytes[depth - 1] >= 0) {
      // the usual case: the end tag names the open element, whose bytes are compared where they lie
      int at = openBytes[depth - 1];
      int n = names.length(at);
      byte[] expected = names.arena;
      byte[] b = buffer;
      int p = position;
      if (p + n < limit && same(expected, at, b, p, n) && !NAME_CHAR[b[p + n] & 0xff]) {
        position = p + n;
        int c = read();
        while (isSpace(c)) {
          c = read();
        }
        if (c != '>') {
          throw error("malformed end tag </" + open[depth - 1] + ">");
        }
        name = open[--depth];
        return END;
      }
    }
    String ended = readName(read());
    int c = pushBack;
    while (isSpace(c)) {
      c = read();
    }
    if (c != '>') {
      throw error("malformed end tag </" + ended + ">");
    }
    if (depth == 0 || open[depth - 1] != ended) { // names are interned
      throw error("end tag </" + ended + "> does not match "
          + (depth == 0 ? "any open element" : "<" + open[depth - 1] + ">"));
    }
    name = open[--depth];
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

  /**
   * Strings by their UTF-8 bytes: the same bytes give the same String. An open-addressing table that
   * grows; the bytes of its strings lie one after another in {@link #arena}.
   */
  static final class Strings {
    private final boolean intern;
    private String[] strings;
    private int[] hashes;
    /** Where each slot's bytes start in the arena; the byte before them is their length. */
    private int[] starts;
    byte[] arena = new byte[4096];
    private int used;
    private int size;
    /** Where in {@link #arena} the bytes of the string {@link #get} returned last start. */
    int last;

    /** A table for strings of {@code capacity} / 2 at first: a power of two. */
    Strings(boolean intern, int capacity) {
      this.intern = intern;
      strings = new String[capacity];
      hashes = new int[capacity];
      starts = new int[capacity];
    }

    /** The length of the string whose bytes start at {@code at} in the arena. */
    int length(int at) {
      return arena[at - 1] & 0xff;
    }

    /**
     * The first slot to probe for {@code hash}: after a multiplication by the golden ratio, its high
     * half folded onto its low half, so that the close hashes of numbers (layer ids) spread over
     * the table at any size (the high half alone reached only 65,536 slots: beyond that, probes
     * ran long and a 100,000-layer IR took the check 50 s).
     */
    static int slot(int hash, int mask) {
      int h = hash * 0x9E3779B9;
      return (h ^ (h >>> 16)) & mask;
    }

    String get(byte[] bytes, int from, int length, int hash) {
      int h = hash;
      int mask = strings.length - 1;
      for (int slot = slot(h, mask); ; slot = (slot + 1) & mask) {
        String s = strings[slot];
        if (s == null) {
          return add(slot, bytes, from, length, h);
        }
        int at = starts[slot];
        if (hashes[slot] == h && length(at) == length && same(arena, at, bytes, from, length)) {
          last = at;
          return s;
        }
      }
    }

    private String add(int slot, byte[] bytes, int from, int length, int h) {
      String s = new String(bytes, from, length, StandardCharsets.UTF_8);
      if (intern) {
        s = s.intern(); // the same object as the literals the pre-check compares with
      }
      if (used + length + 1 > arena.length) {
        arena = Arrays.copyOf(arena, Math.max(arena.length * 2, used + length + 1));
      }
      arena[used] = (byte) length; // lengths are at most 255: see SHORT_NAME and SHORT_VALUE
      System.arraycopy(bytes, from, arena, used + 1, length);
      last = used + 1;
      strings[slot] = s;
      hashes[slot] = h;
      starts[slot] = last;
      used += length + 1;
      if (++size * 2 > strings.length) {
        grow();
      }
      return s;
    }

    private void grow() {
      String[] oldStrings = strings;
      int[] oldHashes = hashes;
      int[] oldStarts = starts;
      int n = oldStrings.length * 2;
      strings = new String[n];
      hashes = new int[n];
      starts = new int[n];
      for (int i = 0; i < oldStrings.length; i++) {
        if (oldStrings[i] != null) {
          int slot = slot(oldHashes[i], n - 1);
          while (strings[slot] != null) {
            slot = (slot + 1) & (n - 1);
          }
          strings[slot] = oldStrings[i];
          hashes[slot] = oldHashes[i];
          starts[slot] = oldStarts[i];
        }
      }
    }
  }
}
