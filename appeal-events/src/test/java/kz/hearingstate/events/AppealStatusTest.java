package kz.hearingstate.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AppealStatusTest {

    @Test
    void theClockRunsWhileTheAppealIsOpenAndNotWaitingForTheCitizen() {
        assertThat(AppealStatus.clockRunning())
                .containsExactlyInAnyOrder(AppealStatus.SUBMITTED, AppealStatus.ROUTED, AppealStatus.IN_PROGRESS);
        assertThat(EnumSet.complementOf(EnumSet.copyOf(AppealStatus.clockRunning())))
                .allSatisfy(status -> assertThat(status.clockRuns()).isFalse())
                .contains(AppealStatus.INFO_REQUESTED);
        assertThat(EnumSet.allOf(AppealStatus.class)).filteredOn(AppealStatus::isPaused).containsExactly(AppealStatus.INFO_REQUESTED);
    }

    @Test
    void aClosedAppealsClockStands() {
        for (AppealStatus status : AppealStatus.values()) {
            if (status.isClosed()) {
                assertThat(status.clockRuns()).as(status.name()).isFalse();
            }
        }
    }
}
