package io.regulus.api.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a download says about its file. */
class EvidenceResourceTest {

  @Test
  void theAttachmentHeaderCarriesAnAsciiFallbackAndTheExactName() {
    assertThat(EvidenceResource.attachment("report.pdf"))
        .isEqualTo("attachment; filename=\"report.pdf\"; filename*=UTF-8''report.pdf");
    assertThat(EvidenceResource.attachment("Jos\u00e9 \"q\".pdf"))
        .isEqualTo(
            "attachment; filename=\"Jos_ _q_.pdf\"; filename*=UTF-8''Jos%C3%A9%20%22q%22.pdf");
  }
}
