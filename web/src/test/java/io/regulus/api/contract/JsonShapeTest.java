package io.regulus.api.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.regulus.problem.Violation;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonShapeTest {

  enum Colour {
    RED,
    GREEN
  }

  record Item(String key, Integer points, Boolean mandatory) {}

  record Request(
      String name,
      long id,
      List<Long> ids,
      BigDecimal fraction,
      LocalDate due,
      Colour colour,
      @JsonbProperty("for") String purpose,
      List<Item> items) {}

  private static List<String> faults(String json) {
    JsonValue value = Json.createReader(new StringReader(json.replace('\'', '"'))).readValue();
    return JsonShape.check(value, Request.class).stream().map(Violation::field).toList();
  }

  @Test
  void aBodyOfTheRightShapeHasNoFault() {
    assertThat(
            faults(
                "{'name':'n','id':9223372036854775807,'ids':[1,2],'fraction':0.5,'due':'2027-12-31',"
                    + "'colour':'RED','for':'testing','items':[{'key':'k','points':3,'mandatory':true}]}"))
        .isEmpty();
    assertThat(faults("{'name':null,'items':null}")).isEmpty();
  }

  @Test
  void everyFaultIsNamedByItsPath() {
    assertThat(
            faults(
                "{'name':5,'id':'7','ids':[1,'x',1.5],'fraction':'half','due':'tomorrow','colour':'BLUE',"
                    + "'purpose':'p','items':[{'key':'k','points':99999999999,'mandatory':'yes','extra':1}]}"))
        .containsExactly(
            "name",
            "id",
            "ids[1]",
            "ids[2]",
            "fraction",
            "due",
            "colour",
            "purpose",
            "items[0].points",
            "items[0].mandatory",
            "items[0].extra");
  }

  @Test
  void theWholeBodyMustBeAnObject() {
    assertThat(faults("[]")).containsExactly("request");
    assertThat(faults("'text'")).containsExactly("request");
  }

  @Test
  void anUnknownFieldIsToldTheFieldsThereAre() {
    JsonValue value = Json.createReader(new StringReader("{\"colour\":1}")).readValue();
    assertThat(JsonShape.check(value, Item.class))
        .containsExactly(
            new Violation(
                "colour", "is not a field of this request; its fields are key, points, mandatory"));
  }

  @Test
  void aLongPastItsRangeIsRefused() {
    assertThat(faults("{'id':9223372036854775808}")).containsExactly("id");
    assertThat(faults("{'id':1e2}")).isEmpty();
  }
}
