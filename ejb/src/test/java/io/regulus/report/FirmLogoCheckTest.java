package io.regulus.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class FirmLogoCheckTest {

  @Test
  void aPngOrJpegIsTypedFromItsBytes() throws IOException {
    assertThat(FirmLogoService.checkedType(image("png", 200, 60))).isEqualTo("image/png");
    assertThat(FirmLogoService.checkedType(image("jpeg", 200, 60))).isEqualTo("image/jpeg");
  }

  @Test
  void anotherFormatABrokenImageATooLargeOneAndATooWideOneAreRefusedSayingWhy() throws IOException {
    assertRefused(image("gif", 20, 20), ProblemKind.UNSUPPORTED_MEDIA_TYPE, "PNG or JPEG");
    byte[] broken = image("png", 20, 20);
    Arrays.fill(broken, 16, broken.length, (byte) 0);
    assertRefused(broken, ProblemKind.INVALID_INPUT, "does not decode");
    byte[] large = Arrays.copyOf(image("png", 20, 20), FirmLogoService.MAX_BYTES + 1);
    assertRefused(large, ProblemKind.PAYLOAD_TOO_LARGE, "at most 256 KB");
    assertRefused(image("png", 2001, 5), ProblemKind.INVALID_INPUT, "2001 x 5");
  }

  private static void assertRefused(byte[] content, ProblemKind kind, String saying) {
    assertThatThrownBy(() -> FirmLogoService.checkedType(content))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .hasMessageContaining(saying);
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }
}
