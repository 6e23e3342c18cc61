package io.regulus.tenancy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * PostgreSQL large objects written and read in slices through its own functions ({@code lo_create},
 * {@code lo_put}, {@code lo_get}) over a plain connection in a transaction: any size up to 4 TB,
 * one slice in memory at a time, and every node of the cluster reaches them through the database.
 */
public final class LargeObjects {

  public static final int SLICE = 1 << 20;

  private LargeObjects() {}

  public static long create(Connection connection) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT lo_create(0)");
        ResultSet result = statement.executeQuery()) {
      result.next();
      return result.getLong(1);
    }
  }

  /** A stream that appends to the large object, one slice per call to the database. */
  public static OutputStream writer(Connection connection, long oid) {
    return new OutputStream() {
      private final byte[] buffer = new byte[SLICE];
      private int filled;
      private long offset;

      @Override
      public void write(int b) throws IOException {
        if (filled == buffer.length) {
          flushSlice();
        }
        buffer[filled++] = (byte) b;
      }

      @Override
      public void write(byte[] bytes, int from, int length) throws IOException {
        while (length > 0) {
          if (filled == buffer.length) {
            flushSlice();
          }
          int n = Math.min(length, buffer.length - filled);
          System.arraycopy(bytes, from, buffer, filled, n);
          filled += n;
          from += n;
          length -= n;
        }
      }

      @Override
      public void close() throws IOException {
        flushSlice();
      }

      private void flushSlice() throws IOException {
        if (filled == 0) {
          return;
        }
        try (PreparedStatement put =
            connection.prepareStatement("SELECT lo_put(CAST(? AS oid), ?, ?)")) {
          put.setLong(1, oid);
          put.setLong(2, offset);
          put.setBytes(3, filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled));
          put.execute();
        } catch (SQLException e) {
          throw new IOException("could not write large object " + oid, e);
        }
        offset += filled;
        filled = 0;
      }
    };
  }

  /** Writes the large object's {@code size} bytes to {@code out}, a slice at a time. */
  public static void copy(Connection connection, long oid, long size, OutputStream out)
      throws SQLException, IOException {
    try (PreparedStatement get =
        connection.prepareStatement("SELECT lo_get(CAST(? AS oid), ?, ?)")) {
      for (long offset = 0; offset < size; offset += SLICE) {
        get.setLong(1, oid);
        get.setLong(2, offset);
        get.setInt(3, (int) Math.min(SLICE, size - offset));
        try (ResultSet slice = get.executeQuery()) {
          slice.next();
          out.write(slice.getBytes(1));
        }
      }
    }
  }

  /**
   * A stream over the large object's {@code size} bytes that fetches one slice at a time, in the
   * transaction of {@code connection}.
   */
  public static InputStream reader(Connection connection, long oid, long size) {
    return new InputStream() {
      private byte[] slice = new byte[0];
      private int at;
      private long offset;

      @Override
      public int read() throws IOException {
        return fill() ? slice[at++] & 0xff : -1;
      }

      @Override
      public int read(byte[] bytes, int from, int length) throws IOException {
        if (length == 0) {
          return 0;
        }
        if (!fill()) {
          return -1;
        }
        int n = Math.min(length, slice.length - at);
        System.arraycopy(slice, at, bytes, from, n);
        at += n;
        return n;
      }

      private boolean fill() throws IOException {
        if (at < slice.length) {
          return true;
        }
        if (offset >= size) {
          return false;
        }
        try (PreparedStatement get =
            connection.prepareStatement("SELECT lo_get(CAST(? AS oid), ?, ?)")) {
          get.setLong(1, oid);
          get.setLong(2, offset);
          get.setInt(3, (int) Math.min(SLICE, size - offset));
          try (ResultSet result = get.executeQuery()) {
            result.next();
            slice = result.getBytes(1);
          }
        } catch (SQLException e) {
          throw new IOException("could not read large object " + oid, e);
        }
        at = 0;
        offset += slice.length;
        return slice.length > 0;
      }
    };
  }

  /** Removes the large object. */
  public static void unlink(Connection connection, long oid) throws SQLException {
    try (PreparedStatement unlink =
        connection.prepareStatement("SELECT lo_unlink(CAST(? AS oid))")) {
      unlink.setLong(1, oid);
      unlink.execute();
    }
  }
}
