package io.regulus.spreadsheet;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream that fails once more than a set number of bytes went through it. It bounds what
 * an upload may cost: the upload itself, and each part of the workbook once inflated, beyond POI's
 * own zip-bomb ratio check.
 */
public final class LimitedInput extends FilterInputStream {

  /** More bytes than allowed: {@code what} names the stream in words a user understands. */
  public static final class Exceeded extends IOException {
    private static final long serialVersionUID = 1L;
    private final String what;
    private final long limit;

    Exceeded(String what, long limit) {
      super(what + " is larger than " + limit + " bytes");
      this.what = what;
      this.limit = limit;
    }

    public String what() {
      return what;
    }

    public long limit() {
      return limit;
    }
  }

  private final String what;
  private final long limit;
  private long count;

  public LimitedInput(InputStream in, String what, long limit) {
    super(in);
    this.what = what;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counted(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      counted(n);
    }
    return n;
  }

  /** No mark and reset: bytes read again would be counted twice. */
  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  private void counted(long n) throws Exceeded {
    count += n;
    if (count > limit) {
      throw new Exceeded(what, limit);
    }
  }
}
