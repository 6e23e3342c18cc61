package io.regulus.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The score's trend as a line chart, drawn with JFreeChart into an image at twice the size it is
 * shown, so that it stays sharp in print. Its text uses the same Liberation Sans as the PDF, loaded
 * from PDFBox's copy, so the chart needs no font of the system's.
 */
final class TrendChart {

  private static final TimeZone UTC = TimeZone.getTimeZone(ZoneOffset.UTC);
  private static final Font FONT = font();
  private static final Color LINE = new Color(0x1f, 0x5f, 0xa8);
  private static final int SCALE = 2;

  private TrendChart() {}

  /** The chart of {@code trend}, {@code width} by {@code height} points. */
  static BufferedImage image(List<TrendPoint> trend, int width, int height) {
    TimeSeries series = new TimeSeries("Score");
    for (TrendPoint point : trend) {
      series.addOrUpdate(
          new Day(
              point.date().getDayOfMonth(), point.date().getMonthValue(), point.date().getYear()),
          point.percent());
    }
    DateAxis time = new DateAxis();
    time.setTimeZone(UTC);
    SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd");
    format.setTimeZone(UTC);
    time.setDateFormatOverride(format);
    NumberAxis percent = new NumberAxis("Score (%)");
    percent.setRange(0, 100);
    for (var axis : List.of(time, percent)) {
      axis.setTickLabelFont(FONT.deriveFont(9f));
      axis.setLabelFont(FONT.deriveFont(9f));
    }
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, trend.size() <= 1);
    line.setSeriesPaint(0, LINE);
    line.setSeriesStroke(0, new BasicStroke(1.8f));
    XYPlot plot = new XYPlot(new TimeSeriesCollection(series, UTC), time, percent, line);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setRangeGridlinePaint(new Color(0xdd, 0xdd, 0xdd));
    plot.setOutlineVisible(false);
    if (trend.isEmpty()) {
      plot.setNoDataMessage("No history yet");
      time.setTickLabelsVisible(false);
      plot.setNoDataMessageFont(FONT.deriveFont(10f));
    }
    JFreeChart chart = new JFreeChart(null, FONT, plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);

    BufferedImage image =
        new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.scale(SCALE, SCALE);
      chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
    } finally {
      graphics.dispose();
    }
    return image;
  }

  private static Font font() {
    try {
      return Font.createFont(Font.TRUETYPE_FONT, PdfLayout.fontStream());
    } catch (FontFormatException | IOException unreadable) {
      throw new UncheckedIOException(new IOException(unreadable));
    }
  }
}
