package kz.hearingstate.intake.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.intake.status.AppealStatusView;
import kz.hearingstate.intake.status.AppealStatusView.HistoryEntry;
import org.junit.jupiter.api.Test;

/**
 * What of an appeal's history the citizen reads on the portal: the department's own words as it wrote them, the
 * rule that rejected an anonymous appeal in the page's language (routing states it in English), and nothing of
 * routing's text for a reopening, which only repeats the citizen's own rating.
 */
class AppealPageTest {

    private static final Instant AT = Instant.parse("2026-12-01T05:00:00Z");

    @Test
    void givenReasonsByTheDepartmentTheSystemAndTheCitizen_whenThePageIsBuilt_thenOnlyTheDepartmentsWordsShow() {
        AppealPage page = page(
                new HistoryEntry(0, "SUBMITTED", AppealStatus.SUBMITTED, null, null, AT, null),
                new HistoryEntry(1, "REJECTED", AppealStatus.REJECTED, null,
                        "APPK: anonymous appeals are not considered (they report no crime or threat to public safety)", AT,
                        HistoryEntry.BY_SYSTEM),
                new HistoryEntry(2, "INFO_REQUESTED", AppealStatus.INFO_REQUESTED, "health", "Which clinic?", AT,
                        HistoryEntry.BY_DEPARTMENT),
                new HistoryEntry(3, "REOPENED", AppealStatus.ROUTED, "health",
                        "the citizen reports the problem is not solved (rating 2)", AT, HistoryEntry.BY_CITIZEN),
                new HistoryEntry(4, "REJECTED", AppealStatus.REJECTED, "health", "Не относится к компетенции: суд", AT,
                        HistoryEntry.BY_DEPARTMENT),
                // What the citizen wrote since (a reply that came late) goes to the department that deals with it.
                new HistoryEntry(5, "REOPENED", AppealStatus.ROUTED, "anti-corruption",
                        "confidential triage: the citizen's reply or comment may report corruption", AT, HistoryEntry.BY_SYSTEM));

        assertThat(page.history()).extracting(AppealPage.Step::changeKey, AppealPage.Step::reason).containsExactly(
                tuple("portal.change.SUBMITTED", null),
                tuple("portal.change.REJECTED.byRule", null),
                tuple("portal.change.INFO_REQUESTED", "Which clinic?"),
                tuple("portal.change.REOPENED", null),
                tuple("portal.change.REJECTED", "Не относится к компетенции: суд"),
                tuple("portal.change.REOPENED.byRule", null));
    }

    @Test
    void givenEntriesStoredBeforeTheirAuthorWasKept_whenThePageIsBuilt_thenReasonsShowAsBeforeButAReopeningsNot() {
        AppealPage page = page(
                new HistoryEntry(1, "FORWARDED", AppealStatus.FORWARDED, "land-construction", "Land cadastre", AT, null),
                new HistoryEntry(2, "REOPENED", AppealStatus.ROUTED, "land-construction",
                        "the citizen reports the problem is not solved (rating 1)", AT, null));

        assertThat(page.history()).extracting(AppealPage.Step::reason).containsExactly("Land cadastre", null);
    }

    @Test
    void givenAReplyOrARatingSent_whenTheViewStillShowsTheStepItAnswered_thenItsFormIsNotOfferedAgain() {
        AppealStatusView waiting = view(AppealStatus.INFO_REQUESTED, null, 3L, null, null);
        AppealStatusView replied = view(AppealStatus.INFO_REQUESTED, null, 3L, 3L, null);
        AppealStatusView askedAgain = view(AppealStatus.INFO_REQUESTED, null, 5L, 3L, null);
        AppealStatusView answered = view(AppealStatus.ANSWERED, 6L, 5L, 5L, null);
        AppealStatusView rated = view(AppealStatus.ANSWERED, 6L, 5L, 5L, 6L);

        assertThat(List.of(waiting, replied, askedAgain)).extracting(view -> of(view).canReply()).containsExactly(true, false, true);
        assertThat(List.of(answered, rated)).extracting(view -> of(view).canRate()).containsExactly(true, false);
    }

    private static AppealStatusView view(AppealStatus status, Long answeredSequence, Long infoRequestedSequence,
            Long repliedToSequence, Long ratedSequence) {
        return new AppealStatusView("a-1", "ZH-0000-0000-00000", "web", null, status, false, 6, "education", AT, AT,
                AT.plusSeconds(86_400 * 21), null, AT, null, null, answeredSequence, infoRequestedSequence, repliedToSequence,
                "digest", ratedSequence, "digest", null, null, List.of());
    }

    private static AppealPage of(AppealStatusView view) {
        return AppealPage.of(view, null, null, new PortalDates(ZoneId.of("Asia/Almaty")), Locale.ENGLISH);
    }

    private static AppealPage page(HistoryEntry... history) {
        AppealStatusView view = new AppealStatusView("a-1", "ZH-0000-0000-00000", "web", null, AppealStatus.ROUTED, false,
                history.length, null, AT, AT, AT.plusSeconds(86_400 * 21), null, AT, null, null, null, null, null, null, null, null, null, null,
                List.of(history));
        return AppealPage.of(view, null, null, new PortalDates(ZoneId.of("Asia/Almaty")), Locale.ENGLISH);
    }
}
