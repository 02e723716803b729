package dev.seguito.touch;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A team's public holidays: its country's, or its region's or city's on top ({@link PublicHolidays}). */
class PublicHolidaysTest {

    private static final LocalDate EPIPHANY = LocalDate.of(2026, 1, 6);
    private static final LocalDate SANT_AMBROGIO = LocalDate.of(2026, 12, 7);
    private static final LocalDate CHRISTMAS = LocalDate.of(2026, 12, 25);

    @Test
    void aRegionAddsItsOwnHolidaysToItsCountrys() {
        assertThat(PublicHolidays.isHoliday("DE", EPIPHANY)).as("not a holiday in Berlin").isFalse();
        assertThat(PublicHolidays.isHoliday("DE-BY", EPIPHANY)).as("Bavaria").isTrue();
        assertThat(PublicHolidays.isHoliday("DE-BY", CHRISTMAS)).as("the country's holidays still count").isTrue();
    }

    @Test
    void aCityIsNamedWithOrWithoutItsRegion() {
        assertThat(PublicHolidays.isHoliday("IT", SANT_AMBROGIO)).isFalse();
        assertThat(PublicHolidays.known("IT-MI")).isTrue();
        assertThat(PublicHolidays.isHoliday("IT-MI", SANT_AMBROGIO)).as("Milan's patron saint").isTrue();
        assertThat(PublicHolidays.isHoliday("it-25-mi", SANT_AMBROGIO)).as("the same with Lombardy's code").isTrue();
        assertThat(PublicHolidays.isHoliday("IT-RM", SANT_AMBROGIO)).as("not in Rome").isFalse();
    }

    @Test
    void anUnknownRegionIsRefusedNamingTheRegionsThereAre() {
        assertThat(PublicHolidays.known("DE-XX")).isFalse();
        assertThat(PublicHolidays.known("DE-BY-ZZ")).isFalse();
        assertThat(PublicHolidays.known("DE BY")).isFalse();

        assertThatThrownBy(() -> TeamPolicy.fromJson(new JsonObject().put("holidayCountry", "DE-XX")))
                .hasMessageContaining("holidayCountry").hasMessageContaining("BY (Bavaria)");
        assertThat(TeamPolicy.fromJson(new JsonObject().put("holidayCountry", " de-by ")).holidayCountry()).isEqualTo("DE-BY");
    }
}
