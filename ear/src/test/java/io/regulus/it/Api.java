package io.regulus.it;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.parsing.Parser;
import io.restassured.specification.RequestSpecification;
import java.util.UUID;

/** The API of the running server, as a test client sees it (and the browser tests). */
public final class Api {

  public static final String BASE_URL =
      System.getProperty("regulus.base-url", "http://127.0.0.1:29080");
  static final String PROBLEM = "application/problem+json";

  static {
    RestAssured.registerParser(PROBLEM, Parser.JSON);
  }

  private Api() {}

  public static RequestSpecification anonymous() {
    return RestAssured.given(
            new RequestSpecBuilder().setBaseUri(BASE_URL).setBasePath("/api/v1").build())
        .contentType(ContentType.JSON);
  }

  public static RequestSpecification as(String accessToken) {
    return anonymous().header("Authorization", "Bearer " + accessToken);
  }

  /** A name no other test run uses. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }
}
