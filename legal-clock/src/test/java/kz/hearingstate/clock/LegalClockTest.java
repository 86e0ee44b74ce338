package kz.hearingstate.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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

    // The pause counts working time only (09:00-18:00 on working days, 9 h a day), rounded up to whole
    // working days. Every expectation below is the hours inside the pause, added up by hand.

    @Test
    void givenAPauseFromThursdayMorningToTuesdayAfternoon_thenTheDeadlineMovesOnByFourWorkingDays() {
        // Thu 3 Dec 11:00-18:00 = 7 h, Fri 4 = 9 h, (Sat, Sun), Mon 7 = 9 h, Tue 8 09:00-15:00 = 6 h:
        // 31 h = 3 days and 4 h, rounded up to 4. Deadline Tue 22 Dec + 4 working days = Mon 28 Dec.
        Instant pausedAt = almaty("2026-12-03T11:00:00");
        Instant resumedAt = almaty("2026-12-08T15:00:00");
        assertThat(clock.workingTimeBetween(pausedAt, resumedAt)).isEqualTo(Duration.ofHours(31));
        int paused = clock.pausedWorkingDays(pausedAt, resumedAt);
        assertThat(paused).isEqualTo(4);
        assertThat(clock.shift(almaty("2026-12-22T18:00:00"), paused)).isEqualTo(almaty("2026-12-28T18:00:00"));
    }

    @Test
    void givenAPauseThatStartsBeforeOpening_thenThatWholeWorkingDayCountsAsPaused() {
        // Thu 3 Dec 08:00 (before opening) to Fri 4 Dec 18:00: all of Thursday (9 h) and Friday (9 h) = 2 days.
        // Counting by dates after the pause's day gave 1: Thursday was lost.
        assertThat(clock.workingTimeBetween(almaty("2026-12-03T08:00:00"), almaty("2026-12-04T18:00:00")))
                .isEqualTo(Duration.ofHours(18));
        assertThat(clock.pausedWorkingDays(almaty("2026-12-03T08:00:00"), almaty("2026-12-04T18:00:00"))).isEqualTo(2);
    }

    @Test
    void givenAPauseThatEndsBeforeOpening_thenThatDayDoesNotCountAsPaused() {
        // Thu 3 Dec 18:30 (after closing) to Fri 4 Dec 08:30 (before opening): no working time inside, 0 days.
        // Counting by dates gave 1: Friday counted although the citizen answered before it began.
        assertThat(clock.workingTimeBetween(almaty("2026-12-03T18:30:00"), almaty("2026-12-04T08:30:00"))).isZero();
        assertThat(clock.pausedWorkingDays(almaty("2026-12-03T18:30:00"), almaty("2026-12-04T08:30:00"))).isZero();
        // Wed 2 Dec 09:00 to Mon 7 Dec 08:00: Wed 9 h + Thu 9 h + Fri 9 h, Monday nothing = 27 h = exactly 3 days.
        assertThat(clock.pausedWorkingDays(almaty("2026-12-02T09:00:00"), almaty("2026-12-07T08:00:00"))).isEqualTo(3);
    }

    @Test
    void givenAShortPauseAcrossAHoliday_thenOnlyTheWorkingHoursCountRoundedUpToOneDay() {
        // Tue 15 Dec 17:00-18:00 = 1 h, Wed 16 Dec is Independence Day (0 h), Thu 17 Dec 09:00-10:00 = 1 h:
        // 2 h, rounded up to 1 working day, so the department loses none of the time it had left.
        assertThat(clock.workingTimeBetween(almaty("2026-12-15T17:00:00"), almaty("2026-12-17T10:00:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(clock.pausedWorkingDays(almaty("2026-12-15T17:00:00"), almaty("2026-12-17T10:00:00"))).isEqualTo(1);
        assertThat(clock.pausedWorkingDays(almaty("2026-12-17T10:00:00"), almaty("2026-12-15T17:00:00"))).isZero();
    }

    // The extension cap is two calendar months after registration; a last day that is not a working day
    // moves to the next working day (APPK Article 10, computing terms).

    @Test
    void givenTwoMonthsEndingOnASaturday_thenTheExtensionCapMovesToMonday() {
        // Registered Mon 30 Nov 2026 + 2 months = Sat 30 Jan 2027 -> Mon 1 Feb 2027, end of the working day.
        assertThat(clock.latestExtendedDeadline(almaty("2026-11-30T09:00:00"))).isEqualTo(almaty("2027-02-01T18:00:00"));
    }

    @Test
    void givenTwoMonthsEndingOnAHolidayWeekend_thenTheExtensionCapMovesPastTheCarriedOverDayOff() {
        // Registered Mon 2 Nov 2026 + 2 months = Sat 2 Jan 2027, a New Year holiday on a Saturday; Sun 3 Jan;
        // Mon 4 Jan is the day off carried over from 2 January; so Tue 5 Jan 2027.
        assertThat(clock.latestExtendedDeadline(almaty("2026-11-02T10:00:00"))).isEqualTo(almaty("2027-01-05T18:00:00"));
    }

    @Test
    void givenAMonthWithoutTheSameDay_thenTheCapIsItsLastDayOrTheNextWorkingDayAfterIt() {
        // Registered Thu 31 Dec 2026 + 2 months: February 2027 has no 31st, so Sun 28 Feb -> Mon 1 Mar 2027.
        assertThat(clock.latestExtendedDeadline(almaty("2026-12-31T12:00:00"))).isEqualTo(almaty("2027-03-01T18:00:00"));
        // Registered Tue 1 Dec 2026 + 2 months = Mon 1 Feb 2027, a working day: it stays.
        assertThat(clock.latestExtendedDeadline(almaty("2026-12-01T12:00:00"))).isEqualTo(almaty("2027-02-01T18:00:00"));
    }

    @Test
    void givenATermSetToEndOnADay_thenItEndsAtThatDaysCloseOrTheNextWorkingDaysWhenItIsNone() {
        assertThat(clock.termEnd(almaty("2027-01-20T12:00:00"))).as("a Wednesday, at noon")
                .isEqualTo(almaty("2027-01-20T18:00:00"));
        assertThat(clock.termEnd(almaty("2027-01-20T23:30:00"))).as("late the same evening: still that day")
                .isEqualTo(almaty("2027-01-20T18:00:00"));
        assertThat(clock.termEnd(almaty("2027-01-30T18:00:00"))).as("Saturday 30 January -> Monday 1 February")
                .isEqualTo(almaty("2027-02-01T18:00:00"));
        assertThat(clock.termEnd(almaty("2027-01-02T09:00:00"))).as("New Year on a Saturday, its day off carried to Monday")
                .isEqualTo(almaty("2027-01-05T18:00:00"));
    }
}
