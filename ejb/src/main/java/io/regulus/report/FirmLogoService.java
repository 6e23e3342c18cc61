package io.regulus.report;

import io.regulus.access.Caller;
import io.regulus.access.Guarded;
import io.regulus.access.Permission;
import io.regulus.access.Requires;
import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import io.regulus.tenancy.FirmSlug;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Logger;
import javax.imageio.ImageIO;

/**
 * A firm's logo, shown on the reports it sends: its admins upload one (PNG or JPEG, at most {@link
 * #MAX_BYTES} and {@link #MAX_PIXELS} pixels a side, checked by decoding it), its members read it.
 */
@Stateless
@Guarded
public class FirmLogoService {

  /** The largest logo, in bytes (256 KB): a report's header needs no more. */
  public static final int MAX_BYTES = 256 * 1024;

  /** The widest or tallest logo, in pixels. */
  public static final int MAX_PIXELS = 2000;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};

  private static final Logger LOG = Logger.getLogger(FirmLogoService.class.getName());

  @PersistenceContext(unitName = "tenant")
  private EntityManager em;

  /** Keeps {@code content} as the firm's logo in place of the one it had. */
  @Requires(Permission.MANAGE_FIRM_BRANDING)
  public FirmLogo upload(Caller caller, FirmSlug firm, byte[] content) {
    FirmLogo logo = new FirmLogo(checkedType(content), content);
    em.createNativeQuery("UPDATE platform.firm SET logo = ?1, logo_media_type = ?2 WHERE slug = ?3")
        .setParameter(1, content)
        .setParameter(2, logo.mediaType())
        .setParameter(3, firm.value())
        .executeUpdate();
    LOG.info(() -> "logo of firm " + firm + " uploaded by " + caller.id());
    return logo;
  }

  /** The firm's logo; not found when it has none. */
  @Requires(Permission.READ_FIRM_REPORTS)
  public FirmLogo logo(Caller caller, FirmSlug firm) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT logo_media_type, logo FROM platform.firm WHERE slug = ?1"
                    + " AND logo IS NOT NULL")
            .setParameter(1, firm.value())
            .getResultList();
    if (rows.isEmpty()) {
      throw new DomainException(
          ProblemKind.NOT_FOUND, "The firm has no logo yet: its admins upload one.");
    }
    Object[] row = (Object[]) rows.get(0);
    return new FirmLogo((String) row[0], (byte[]) row[1]);
  }

  /** The media type of a logo that passes every check; refused with what was wrong otherwise. */
  static String checkedType(byte[] content) {
    if (content.length > MAX_BYTES) {
      throw new DomainException(
          ProblemKind.PAYLOAD_TOO_LARGE,
          "A logo is at most "
              + MAX_BYTES / 1024
              + " KB; this one is "
              + (content.length + 1023) / 1024
              + " KB: send a smaller image.");
    }
    String type =
        startsWith(content, PNG) ? "image/png" : startsWith(content, JPEG) ? "image/jpeg" : null;
    if (type == null) {
      throw new DomainException(
          ProblemKind.UNSUPPORTED_MEDIA_TYPE,
          "A logo is a PNG or JPEG image; this file is neither: convert it to PNG.");
    }
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(content));
    } catch (IOException | RuntimeException e) {
      image = null;
    }
    if (image == null) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "The logo starts as a " + type + " image but does not decode as one: send it again.");
    }
    if (image.getWidth() > MAX_PIXELS || image.getHeight() > MAX_PIXELS) {
      throw new DomainException(
          ProblemKind.INVALID_INPUT,
          "A logo is at most "
              + MAX_PIXELS
              + " pixels a side; this one is "
              + image.getWidth()
              + " x "
              + image.getHeight()
              + ": scale it down.");
    }
    return type;
  }

  private static boolean startsWith(byte[] content, byte[] magic) {
    return content.length >= magic.length
        && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
  }
}
