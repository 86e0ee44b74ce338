package kz.hearingstate.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class LegalClockTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private final LegalClock clock = LegalClock.kazakhstan();

    private static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    @Test
    void givenAnAppealInWorkingHoursThenItIsRegisteredOnArrival() {
        Instant arrival = almaty("2026-11-27T10:15:00");
        assertThat(clock.registeredAt(arrival)).isEqualTo(arrival);
    }

    @Test
    void givenAnAppealOnFridayEveningThenItIsRegisteredOnMondayMorning() {
        assertThat(clock.registeredAt(almaty("2026-11-27T19:00:00"))).isEqualTo(almaty("2026-11-30T09:00:00"));
    }

    @Test
    void givenAnAppealBeforeOpeningOnAWorkingDayThenItIsRegisteredThatMorning() {
        assertThat(clock.registeredAt(almaty("2026-11-30T06:30:00"))).isEqualTo(almaty("2026-11-30T09:00:00"));
    }

    @Test
    void givenAnAppealOnTheEveOfAHolidayAfterHoursThenItIsRegisteredAfterTheHoliday() {
        // Tuesday 15 December after hours; Wednesday 16 December is Independence Day.
        assertThat(clock.registeredAt(almaty("2026-12-15T18:00:00"))).isEqualTo(almaty("2026-12-17T09:00:00"));
    }

    @Test
    void theAnswerIsDueAtTheEndOfTheFifteenthWorkingDayAfterRegistration() {
        // Registered Monday 30 November; 16 December is a holiday, so day 15 is Tuesday 22 December.
        Instant deadline = clock.deadline(almaty("2026-11-30T09:00:00"), 15);
        assertThat(deadline).isEqualTo(almaty("2026-12-22T18:00:00"));
    }

    @Test
    void theWarningWithTwoWorkingDaysLeftStartsTheWorkingDayBeforeTheDeadline() {
        Instant deadline = almaty("2026-12-22T18:00:00");
        Instant warning = clock.warningAt(deadline, 2);
        assertThat(warning).isEqualTo(almaty("2026-12-21T09:00:00"));
        assertThat(clock.workingDaysLeft(warning, deadline)).isEqualTo(2);
        assertThat(clock.workingDaysLeft(almaty("2026-12-19T12:00:00"), deadline)).as("Saturday").isEqualTo(2);
        assertThat(clock.workingDaysLeft(deadline, deadline)).isZero();
    }

    @Test
    void aPausedClockMovesTheDeadlineByTheWorkingDaysItWasPaused() {
        Instant deadline = almaty("2026-12-22T18:00:00");
        int paused = clock.workingDaysBetween(almaty("2026-12-03T11:00:00"), almaty("2026-12-08T15:00:00"));
        assertThat(paused).isEqualTo(3); // Fri 4, Mon 7, Tue 8
        assertThat(clock.shift(deadline, paused)).isEqualTo(almaty("2026-12-25T18:00:00"));
    }

    @Test
    void anExtensionCannotGoBeyondTwoMonthsAfterRegistration() {
        assertThat(clock.latestExtendedDeadline(almaty("2026-11-30T09:00:00"))).isEqualTo(almaty("2027-01-30T18:00:00"));
    }
}
