package kz.hearingstate.routing.config;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.clock.LegalClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The legal calendar computes a year without its one-year entries (Kurban Ait's date) silently, with the
 * feast as a working day, so deadlines across it come a day early. This makes the gap visible: a warning
 * at start-up, and the gauge {@code legal.clock.calendar.missing{year=current|next}}, 1 while that year's
 * entries are missing (evaluated at every scrape, so it turns on by itself when the new year comes near).
 * The README of legal-clock says how to add a year.
 */
@Component
public class CalendarCoverage implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarCoverage.class);

    private final LegalClock legalClock;
    private final Clock clock;

    public CalendarCoverage(LegalClock legalClock, Clock clock, MeterRegistry registry) {
        this.legalClock = legalClock;
        this.clock = clock;
        for (int offset = 0; offset <= 1; offset++) {
            int yearsAhead = offset;
            Gauge.builder("legal.clock.calendar.missing", this, c -> c.missing().contains(c.today().getYear() + yearsAhead) ? 1 : 0)
                    .tag("year", yearsAhead == 0 ? "current" : "next")
                    .description("1 while the legal calendar lacks this year's one-year entries (Kurban Ait)")
                    .register(registry);
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        for (int year : missing()) {
            log.warn("The legal calendar has no one-year entries for {} (Kurban Ait's date): its deadlines count the feast "
                    + "as a working day. Add the year to legal-clock's kazakhstan-calendar.txt (see legal-clock/README.md).", year);
        }
    }

    List<Integer> missing() {
        return legalClock.calendar().yearsMissingOneYearEntries(today());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(legalClock.zone()));
    }
}
