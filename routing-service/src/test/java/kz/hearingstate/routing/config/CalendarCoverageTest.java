package kz.hearingstate.routing.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.clock.LegalClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class CalendarCoverageTest {

    private static double missing(SimpleMeterRegistry registry, String year) {
        return registry.get("legal.clock.calendar.missing").tag("year", year).gauge().value();
    }

    @Test
    void givenTheBundledCalendarIn2028_whenRoutingStarts_thenItWarnsAndTheGaugeShowsBothYearsMissing(CapturedOutput output) {
        // The bundled calendar dates Kurban Ait up to 2027: in 2028 neither 2028 nor 2029 has its entry.
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        CalendarCoverage coverage = new CalendarCoverage(LegalClock.kazakhstan(),
                Clock.fixed(Instant.parse("2028-02-01T06:00:00Z"), ZoneOffset.UTC), registry);
        coverage.run(null);
        assertThat(missing(registry, "current")).isEqualTo(1.0);
        assertThat(missing(registry, "next")).isEqualTo(1.0);
        assertThat(output).contains("no one-year entries for 2028", "no one-year entries for 2029", "kazakhstan-calendar.txt");
    }

    @Test
    void givenDecember2026_thenOnlyWhatIsMissingIsReported() {
        // 2026 and 2027 are dated; in 2027 the next year, 2028, is not.
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CalendarCoverage(LegalClock.kazakhstan(), Clock.fixed(Instant.parse("2026-12-03T06:00:00Z"), ZoneOffset.UTC), registry);
        assertThat(missing(registry, "current")).isZero();
        assertThat(missing(registry, "next")).isZero();

        SimpleMeterRegistry in2027 = new SimpleMeterRegistry();
        // 31 Dec 2026 20:00 UTC is already 1 Jan 2027 in Almaty (UTC+5): the legal zone decides the year.
        new CalendarCoverage(LegalClock.kazakhstan(), Clock.fixed(Instant.parse("2026-12-31T20:00:00Z"), ZoneOffset.UTC), in2027);
        assertThat(missing(in2027, "current")).isZero();
        assertThat(missing(in2027, "next")).isEqualTo(1.0);
    }
}
