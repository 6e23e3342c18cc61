package io.regulus.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.regulus.problem.DomainException;
import io.regulus.problem.ProblemKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReadableTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Acme GmbH",
        "Société Générale",
        "株式会社アクメ",
        "شرکت\u200cنمونه",
        "Family \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
        "O'Brien & Co. (EU)"
      })
  void keepsWhatPeopleWrite(String name) {
    assertThat(ReadableText.line("name", "  " + name + " ")).isEqualTo(name);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "invoice\u202Efdp.exe",
        "left\u202Aembedded",
        "isolate\u2066d\u2069",
        "mark\u200Fed",
        "arabic\u061Cmark",
        "zero\u200Bwidth",
        "word\u2060joiner",
        "\uFEFFbom",
        "soft\u00ADhyphen",
        "bell\u0007",
        "line\nbreak",
        "para\u2029graph",
        "lone\uD800surrogate"
      })
  void refusesCharactersThatChangeHowTextReads(String name) {
    assertThatThrownBy(() -> ReadableText.line("displayName", name))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("U+")
        .hasMessageContaining("Remove it")
        .satisfies(
            e -> {
              assertThat(((DomainException) e).field()).isEqualTo("displayName");
              assertThat(((DomainException) e).kind()).isEqualTo(ProblemKind.INVALID_INPUT);
            });
  }

  @Test
  void namesTheCharacterAndItsPosition() {
    assertThatThrownBy(() -> ReadableText.line("name", "ab\u202Ecd"))
        .hasMessageContaining("U+202E RIGHT-TO-LEFT OVERRIDE, character 3");
  }

  @Test
  void paragraphsKeepLineBreaksAndTabsButNotTheRest() {
    assertThat(ReadableText.paragraphs("notes", "first\r\n\tsecond"))
        .isEqualTo("first\r\n\tsecond");
    assertThatThrownBy(() -> ReadableText.paragraphs("notes", "first\n\u202Esecond"))
        .hasMessageContaining("character 7");
  }

  @Test
  void blankIsAbsent() {
    assertThat(ReadableText.line("name", null)).isNull();
    assertThat(ReadableText.line("name", " \t ")).isNull();
  }

  @Test
  void fileNamesAreCleanedNotRefused() {
    assertThat(ReadableText.fileName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(ReadableText.fileName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(ReadableText.fileName("C:\\fakepath\\report.pdf")).isEqualTo("report.pdf");
    assertThat(ReadableText.fileName("tab\there.pdf\u007f")).isEqualTo("tabhere.pdf");
    assertThat(ReadableText.fileName(" \u200B ")).isNull();
    assertThat(ReadableText.fileName("Prüfbericht 2027.pdf")).isEqualTo("Prüfbericht 2027.pdf");
  }
}
