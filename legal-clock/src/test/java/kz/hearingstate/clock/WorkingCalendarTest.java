package kz.hearingstate.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkingCalendarTest {

    private final WorkingCalendar calendar = WorkingCalendar.kazakhstan();

    @Test
    void weekendsAreDaysOffAndOrdinaryWeekdaysAreWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 27))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 28))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 11, 29))).as("Sunday").isFalse();
    }

    @Test
    void everyListedPublicHolidayIsADayOff() {
        for (String day : List.of("01-01", "01-02", "01-07", "03-08", "03-21", "03-22", "03-23", "05-01", "05-07",
                "05-09", "07-06", "08-30", "10-25", "12-16")) {
            assertThat(calendar.isWorkingDay(LocalDate.parse("2027-" + day))).as(day).isFalse();
        }
    }

    @Test
    void kurbanAitsFirstDayIsADayOffInItsYearOnly() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 5, 27))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2025, 5, 27))).isTrue();
    }

    @Test
    void givenNauryzOnSaturdayAndSundayWhenCarriedOverThenTuesdayAndWednesdayAreOff() {
        // 2026: 21 March is a Saturday, 22 a Sunday, 23 a Monday (a holiday anyway).
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 23))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 24))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 25))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 26))).isTrue();
    }

    @Test
    void givenWomensDayOnSundayThenMondayIsOff() {
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 9))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 10))).isTrue();
    }

    @Test
    void givenAReligiousHolidayOnSundayThenItIsNotCarriedOver() {
        // Kurban Ait 2024 fell on Sunday 16 June.
        assertThat(calendar.isWorkingDay(LocalDate.of(2024, 6, 17))).isTrue();
    }

    @Test
    void governmentMovedDaysOverrideTheWeekPattern() {
        WorkingCalendar moved = WorkingCalendar.fromLines(List.of("dayoff 2026-11-27", "workday 2026-11-28"));
        assertThat(moved.isWorkingDay(LocalDate.of(2026, 11, 27))).isFalse();
        assertThat(moved.isWorkingDay(LocalDate.of(2026, 11, 28))).isTrue();
    }

    @Test
    void workingDaysArithmeticSkipsDaysOff() {
        LocalDate friday = LocalDate.of(2026, 12, 11);
        // Mon 14, Tue 15, (Wed 16 Independence Day), Thu 17
        assertThat(calendar.plusWorkingDays(friday, 3)).isEqualTo(LocalDate.of(2026, 12, 17));
        assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 12, 17), -3)).isEqualTo(friday);
        assertThat(calendar.workingDaysBetween(friday, LocalDate.of(2026, 12, 17))).isEqualTo(3);
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 17), friday)).isZero();
    }

    @Test
    void aMalformedLineIsRejectedWithItsNumber() {
        assertThatThrownBy(() -> WorkingCalendar.fromLines(List.of("# ok", "holiday 2026-13-01")))
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> WorkingCalendar.fromLines(List.of("feast 01-01")))
                .hasMessageContaining("line 1");
    }

    @Test
    void givenAYearWithoutItsKurbanAitEntry_thenItIsReportedMissingAndTheFeastCountsAsAWorkingDay() {
        // The bundled file dates Kurban Ait for 2024 to 2027 only. Kurban Ait 2029 falls around Tue 24 April
        // 2029: without an entry that Tuesday is an ordinary working day, which is why the gap must be reported.
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 4, 24))).isTrue();
        assertThat(calendar.yearsMissingOneYearEntries(LocalDate.of(2028, 12, 31))).containsExactly(2028, 2029);
        assertThat(calendar.yearsMissingOneYearEntries(LocalDate.of(2027, 3, 1))).containsExactly(2028);
        assertThat(calendar.yearsMissingOneYearEntries(LocalDate.of(2026, 12, 3))).isEmpty();
        // Moved days alone are not the feast: 2029 is still missing with a decree's dayoff in it.
        WorkingCalendar withDecree = WorkingCalendar.fromLines(List.of("holiday 2028-05-04 religious", "dayoff 2029-03-20"));
        assertThat(withDecree.yearsMissingOneYearEntries(LocalDate.of(2028, 6, 1))).containsExactly(2029);
    }
}
