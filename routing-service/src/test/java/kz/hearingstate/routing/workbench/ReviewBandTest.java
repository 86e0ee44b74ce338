package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.routing.support.Directory;
import kz.hearingstate.routing.workflow.AppealNotFoundException;
import kz.hearingstate.routing.workflow.AppealStore;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import kz.hearingstate.routing.workflow.Command;
import kz.hearingstate.routing.workflow.RoutedAppeal;
import kz.hearingstate.routing.workflow.WorkflowService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The corruption detector's review band in the workbench, {@link Workbench}'s rules without Spring: an appeal that
 * reached anti-corruption through the band is marked, with the model's suggestions, for the officer alone; a
 * certain finding is not marked; nobody else sees the appeal, and once it is forwarded the receiving department
 * sees nothing of its time at anti-corruption: not the detector's score, not who there forwarded it.
 */
class ReviewBandTest {

    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");
    private static final Reason BAND_REASON = Reason.corruptionReview(0.19, 0.15, 0.24);
    private static final StaffUser OFFICER = new StaffUser("officer", StaffRole.ANTI_CORRUPTION, "anti-corruption");
    private static final StaffUser EDUCATION = new StaffUser("aigerim", StaffRole.SPECIALIST, "education");

    private final AppealStore store = mock(AppealStore.class);
    private final DirectoryService directory = mock(DirectoryService.class);
    private final AppealWorkflow workflow = new AppealWorkflow(LegalClock.kazakhstan(),
            new RoutingProperties.Deadlines(15, Map.of(), 2, 3), code -> true);
    private final Workbench workbench = new Workbench(store, mock(WorkflowService.class), directory, LegalClock.kazakhstan(),
            Clock.fixed(NOW, ZoneOffset.UTC), new WorkbenchProperties(Map.of(), null, Map.of(), Duration.ofSeconds(5), false),
            mock(ConfidentialViewStore.class), Directory.SETTLEMENTS);

    /** In the band: anti-corruption as a confidential triage, with the department model's three likeliest. */
    private final RoutedAppeal band = stored(workflow.route(
            Appeals.submitted("Мектепте жылу жоқ, директорға ақша бердік, бірақ ештеңе өзгерген жоқ.", Language.kk, NOW),
            new RoutingDecision("anti-corruption", "education", null, 0.19, true, false, BAND_REASON,
                    List.of(new RoutingDecision.Candidate("education", 0.62), new RoutingDecision.Candidate("finance", 0.21),
                            new RoutingDecision.Candidate("health", 0.09))), NOW));
    /** Found by a safety rule: a report, with certainty. */
    private final RoutedAppeal byRule = stored(workflow.route(
            Appeals.submitted("Инспектор потребовал взятку за справку", Language.ru, NOW),
            new RoutingDecision("anti-corruption", "anti-corruption", null, 1.0, false, false,
                    Reason.safetyCorruption()), NOW));
    /** Above the detector's threshold: a report, with certainty. */
    private final RoutedAppeal aboveThreshold = stored(workflow.route(
            Appeals.submitted("Дәрігер мүгедектік анықтамасы үшін қолма-қол ақша сұрады", Language.kk, NOW),
            new RoutingDecision("anti-corruption", "anti-corruption", null, 0.61, false, false,
                    Reason.corruptionDetector(0.61, 0.24)), NOW));

    ReviewBandTest() {
        when(directory.find(anyString())).thenAnswer(call -> Optional.of(department(call.getArgument(0))));
        when(directory.confidentialCodes()).thenReturn(Set.of("anti-corruption"));
        when(directory.reader(any())).thenCallRealMethod(); // the one rule, over the stubbed flag
        when(directory.isConfidential(anyString())).thenAnswer(call -> "anti-corruption".equals(call.getArgument(0)));
        when(directory.isActive(anyString())).thenAnswer(call -> !"finance".equals(call.getArgument(0))); // deleted since
        when(store.worklist(eq("anti-corruption"), any(), anyInt())).thenReturn(List.of(band, byRule, aboveThreshold));
    }

    @Test
    void givenTheOfficersInbox_whenItLists_thenOnlyTheBandAppealIsMarkedWithTheScoreAndTheActiveSuggestions() {
        List<AppealRow> rows = workbench.inbox(OFFICER, new Workbench.Filter(null, null, null, null, false));

        AppealRow marked = rows.stream().filter(r -> r.appealId().equals(band.appealId())).findFirst().orElseThrow();
        assertThat(marked.review()).isNotNull();
        assertThat(marked.review().score()).isEqualTo(0.19, within(1e-9));
        assertThat(marked.review().sequence()).isEqualTo(band.sequence());
        assertThat(marked.review().suggestions()).extracting(Workbench.Suggestion::department, Workbench.Suggestion::percent)
                .containsExactly(tuple("education", 62L), tuple("health", 9L));
        assertThat(rows).filteredOn(r -> !r.appealId().equals(band.appealId())).extracting(AppealRow::review).containsOnlyNulls();
    }

    @Test
    void givenTheOfficersInbox_whenOnlyAppealsToReviewAreAsked_thenOnlyTheBandAppealIsListed() {
        List<AppealRow> rows = workbench.inbox(OFFICER, new Workbench.Filter(null, null, null, null, true));

        assertThat(rows).extracting(AppealRow::appealId).containsExactly(band.appealId());
    }

    @Test
    void givenTheBandAppeal_whenTheOfficerOpensIt_thenItIsMarkedAndItsRowCarriesItsIdForTheActions() {
        AppealPage page = workbench.appeal(OFFICER, band.appealId());

        assertThat(page.row().review()).isNotNull();
        assertThat(page.row().appealId()).isEqualTo(band.appealId());
        assertThat(page.row().trackingCode()).isEqualTo(band.submitted().trackingCode());
        assertThat(page.can("FORWARD")).isTrue();
        assertThat(workbench.appeal(OFFICER, byRule.appealId()).row().review()).isNull();
        assertThat(workbench.appeal(OFFICER, aboveThreshold.appealId()).row().review()).isNull();
    }

    @ParameterizedTest
    @EnumSource(value = StaffRole.class, names = "ANTI_CORRUPTION", mode = EnumSource.Mode.EXCLUDE)
    void givenTheBandAppeal_whenAnyOtherRoleOpensItsUrl_thenItIsNotFoundLikeAMissingOne(StaffRole role) {
        StaffUser user = new StaffUser(role.name().toLowerCase(), role,
                switch (role) {
                    case SPECIALIST, HEAD -> "education";
                    case TRIAGE -> "akim-office";
                    default -> null;
                });

        assertThatThrownBy(() -> workbench.appeal(user, band.appealId())).isInstanceOf(AppealNotFoundException.class)
                .hasMessage(new AppealNotFoundException(band.appealId()).getMessage());
        assertThatThrownBy(() -> workbench.appeal(user, "no-such-appeal")).isInstanceOf(AppealNotFoundException.class);
    }

    @Test
    void givenTheBandAppealForwardedToEducation_whenEducationOpensIt_thenNothingShowsItWasASuspectedReport() {
        workflow.apply(band, new Command("forward-1", band.appealId(), ActionType.FORWARD,
                OFFICER.principal(), "Forwarded to the department responsible for the question.", null, "education", null,
                null, band.sequence(), OFFICER.username()), NOW.plusSeconds(600));

        AppealPage page = workbench.appeal(EDUCATION, band.appealId());

        assertThat(page.row().review()).isNull();
        assertThat(page.history()).isNotEmpty().allSatisfy(event -> {
            assertThat(event.department()).isEqualTo("education");
            assertThat(event.actor()).isNull(); // the officer's login is withheld: it names anti-corruption
            assertThat(event.reason().text()).doesNotContainIgnoringCase("corruption").doesNotContain("0.19");
            assertThat(event.reason().args()).doesNotContain("0.19");
        });
        assertThat(band.routingReason()).isEqualTo("Forwarded to the department responsible for the question.");
        assertThat(band.triage()).isFalse();
    }

    @Test
    void givenTheBandAppealForwardedByTheOfficersSystem_whenEducationOpensIt_thenTheActorDoesNotNameAntiCorruptionEither() {
        // Over HTTP or Kafka the actor is the department itself, with no login: "anti-corruption".
        workflow.apply(band, new Command("forward-api", band.appealId(), ActionType.FORWARD, OFFICER.principal(),
                "Forwarded to the department responsible for the question.", null, "education", null, null, band.sequence(),
                null), NOW.plusSeconds(600));

        AppealPage page = workbench.appeal(EDUCATION, band.appealId());

        assertThat(page.history()).isNotEmpty().allSatisfy(event -> assertThat(event.actor()).isNull());
    }

    @Test
    void givenAReplyToEducationThatMayReportCorruption_whenItMovedTheAppeal_thenTheOfficerAloneReadsIt_andEducationOnceForwardedBack() {
        RoutedAppeal atEducation = stored(workflow.route(Appeals.submitted("Оқулықтар әлі берілген жоқ", Language.kk, NOW),
                new RoutingDecision("education", "education", null, 0.91, false, false, Reason.classifier(0.91),
                        List.of(new RoutingDecision.Candidate("education", 0.91))), NOW));
        workflow.apply(atEducation, new Command("info-1", atEducation.appealId(), ActionType.REQUEST_INFO, EDUCATION.principal(),
                "Which school?", null, null, null, null, atEducation.sequence(), EDUCATION.username()), NOW.plusSeconds(60));
        String words = "School 2. The deputy head said the books come faster if I transfer 20,000 to his card";
        workflow.citizenReplied(atEducation, new kz.hearingstate.events.CitizenReplied("reply-1", atEducation.appealId(), "T",
                words, List.of(), NOW.plusSeconds(120)), "anti-corruption", NOW.plusSeconds(120));

        AppealPage officers = workbench.appeal(OFFICER, atEducation.appealId());
        assertThat(officers.row().review()).isNotNull();
        assertThat(officers.row().review().cause()).as("not the detector's review band, whose score would be false here")
                .isEqualTo("words");
        assertThat(officers.replies()).extracting(AppealPage.Reply::text).containsExactly(words);
        assertThatThrownBy(() -> workbench.appeal(EDUCATION, atEducation.appealId())).isInstanceOf(AppealNotFoundException.class);
        workflow.apply(atEducation, new Command("answer-1", atEducation.appealId(), ActionType.ANSWER, OFFICER.principal(),
                null, "Checked: the books are on their way.", null, null, null, atEducation.sequence(), OFFICER.username()),
                NOW.plusSeconds(300));
        workflow.notSolved(atEducation, new kz.hearingstate.events.AppealFeedback("fb-1", atEducation.appealId(), "T", 2, false,
                "Still no books", NOW.plusSeconds(400)), NOW.plusSeconds(400));
        assertThat(workbench.appeal(OFFICER, atEducation.appealId()).row().review().cause())
                .as("why it came, not the reopening since").isEqualTo("words");

        workflow.apply(atEducation, new Command("forward-1", atEducation.appealId(), ActionType.FORWARD, OFFICER.principal(),
                "No report: the school's question.", null, "education", null, null, atEducation.sequence(), OFFICER.username()),
                NOW.plusSeconds(600));
        assertThat(workbench.appeal(EDUCATION, atEducation.appealId()).replies()).as("the answer to its question, forwarded back")
                .extracting(AppealPage.Reply::text).containsExactly(words);
        assertThat(workbench.appeal(OFFICER, band.appealId()).row().review().cause()).isEqualTo("detector");
    }

    @Test
    void givenTheCitizensReplyToTheOfficer_whenTheAppealIsForwardedToEducation_thenEducationDoesNotReadIt() {
        workflow.apply(band, new Command("info-1", band.appealId(), ActionType.REQUEST_INFO, OFFICER.principal(),
                "Who asked you for the money?", null, null, null, null, band.sequence(), OFFICER.username()), NOW.plusSeconds(60));
        workflow.citizenReplied(band, new kz.hearingstate.events.CitizenReplied("reply-1", band.appealId(), "T",
                "The head teacher, in her office", List.of(), NOW.plusSeconds(120)), NOW.plusSeconds(120));
        assertThat(workbench.appeal(OFFICER, band.appealId()).replies()).extracting(AppealPage.Reply::text)
                .containsExactly("The head teacher, in her office");
        workflow.apply(band, new Command("forward-3", band.appealId(), ActionType.FORWARD, OFFICER.principal(),
                "Forwarded to the department responsible for the question.", null, "education", null, null, band.sequence(),
                OFFICER.username()), NOW.plusSeconds(600));

        assertThat(workbench.appeal(EDUCATION, band.appealId()).replies()).as("given to anti-corruption, that department's alone")
                .isEmpty();
        assertThat(band.outbox()).filteredOn(event -> event.eventType().equals(kz.hearingstate.events.EventTypes.CITIZEN_REPLIED))
                .extracting(kz.hearingstate.routing.workflow.PendingEvent::topic).as("on no inbox but the officer's")
                .containsExactly(Topics.departmentInbox("anti-corruption"));
    }

    @Test
    void givenTheCitizensRatingOfTheOfficersAnswer_whenTheReopenedAppealIsForwardedToEducation_thenEducationDoesNotReadIt() {
        answeredByTheOfficerAndReopenedByTheCitizen();
        assertThat(workbench.appeal(OFFICER, band.appealId()).feedback()).as("the officer reads why it was reopened")
                .extracting(AppealPage.Feedback::comment).isEqualTo(STILL_TAKES_MONEY);
        forwardedByTheOfficerToEducation();

        assertThat(workbench.appeal(EDUCATION, band.appealId()).feedback())
                .as("the citizen's words on the officer's answer, and that there was one, stay anti-corruption's").isNull();
    }

    @Test
    void givenARatingStoredBeforeRatingsNamedTheirDepartment_whenTheReportIsForwardedToEducation_thenEducationDoesNotReadIt() {
        Instant rated = answeredByTheOfficerAndReopenedByTheCitizen();
        org.springframework.test.util.ReflectionTestUtils.setField(band, "citizenFeedback",
                new kz.hearingstate.routing.workflow.CitizenFeedback("fb-1", null, 1, false, STILL_TAKES_MONEY, rated));
        // as read from a document without the field
        assertThat(workbench.appeal(OFFICER, band.appealId()).feedback()).as("the officer's own").isNotNull();
        forwardedByTheOfficerToEducation();

        assertThat(workbench.appeal(EDUCATION, band.appealId()).feedback()).isNull();
    }

    private static final String STILL_TAKES_MONEY = "The director still takes money";

    /** The officer answers; the citizen says it is not solved, with a comment. @return when the citizen rated */
    private Instant answeredByTheOfficerAndReopenedByTheCitizen() {
        workflow.apply(band, new Command("answer-1", band.appealId(), ActionType.ANSWER, OFFICER.principal(), null,
                "We have opened a case.", null, null, null, band.sequence(), OFFICER.username()), NOW.plusSeconds(60));
        Instant rated = NOW.plusSeconds(120);
        workflow.notSolved(band, new kz.hearingstate.events.AppealFeedback("fb-1", band.appealId(), "T", 1, false,
                STILL_TAKES_MONEY, rated), rated);
        return rated;
    }

    private void forwardedByTheOfficerToEducation() {
        workflow.apply(band, new Command("forward-after-reopening", band.appealId(), ActionType.FORWARD, OFFICER.principal(),
                "Forwarded to the department responsible for the question.", null, "education", null, null, band.sequence(),
                OFFICER.username()), NOW.plusSeconds(600));
    }

    @Test
    void givenAReplyThatComesAfterTheOfficerClosedTheAppeal_whenItArrives_thenItIsKeptUnderTheOfficerAndChangesNothingElse() {
        workflow.apply(band, new Command("info-2", band.appealId(), ActionType.REQUEST_INFO, OFFICER.principal(),
                "Who asked you for the money?", null, null, null, null, band.sequence(), OFFICER.username()), NOW.plusSeconds(60));
        workflow.apply(band, new Command("answer-2", band.appealId(), ActionType.ANSWER, OFFICER.principal(), null,
                "We have opened a case.", null, null, null, band.sequence(), OFFICER.username()), NOW.plusSeconds(600));
        int eventsBefore = band.outbox().size();

        workflow.lateReply(band, new kz.hearingstate.events.CitizenReplied("reply-2", band.appealId(), "T",
                "The head teacher, in her office", List.of(), NOW.plusSeconds(900)), NOW.plusSeconds(900));

        assertThat(band.citizenReplies()).extracting(kz.hearingstate.routing.workflow.CitizenReply::department,
                kz.hearingstate.routing.workflow.CitizenReply::text)
                .as("kept, under the department that asked").containsExactly(
                        org.assertj.core.groups.Tuple.tuple("anti-corruption", "The head teacher, in her office"));
        assertThat(band.status()).isEqualTo(kz.hearingstate.events.AppealStatus.ANSWERED);
        assertThat(band.outbox().subList(eventsBefore, band.outbox().size()))
                .as("no lifecycle event (nothing of the status or the clock changes); the reply on the officer's inbox alone")
                .extracting(kz.hearingstate.routing.workflow.PendingEvent::topic, kz.hearingstate.routing.workflow.PendingEvent::eventType)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Topics.departmentInbox("anti-corruption"),
                        kz.hearingstate.events.EventTypes.CITIZEN_REPLIED));
        assertThat(workbench.appeal(OFFICER, band.appealId()).replies()).extracting(AppealPage.Reply::text)
                .containsExactly("The head teacher, in her office");
    }

    @Test
    void givenTheBandAppealForwardedWithoutAReason_whenEducationOpensIt_thenTheDefaultReasonNamesNoDepartment() {
        workflow.apply(band, new Command("forward-2", band.appealId(), ActionType.FORWARD,
                OFFICER.principal(), null, null, "education", null, null, band.sequence(), OFFICER.username()), NOW);

        AppealPage page = workbench.appeal(EDUCATION, band.appealId());

        assertThat(page.history()).extracting(AppealPage.Event::reason).containsExactly(Reason.forwarded());
        assertThat(band.routingReason()).isEqualTo("forwarded to another department");
    }

    @Test
    void givenTheBandAppealForwardedToEducation_whenTheOfficerLooksForIt_thenItIsNoLongerTheirs() {
        workflow.apply(band, new Command("forward-1", band.appealId(), ActionType.FORWARD,
                OFFICER.principal(), null, null, "education", null, null, band.sequence(), OFFICER.username()), NOW);

        assertThatThrownBy(() -> workbench.appeal(OFFICER, band.appealId())).isInstanceOf(AppealNotFoundException.class);
    }

    private RoutedAppeal stored(RoutedAppeal appeal) {
        when(store.find(appeal.appealId())).thenReturn(Optional.of(appeal));
        return appeal;
    }

    private static Department department(String code) {
        return new Department(code, 1, Map.of(Language.ru, code), null, null, null, null, List.of(), List.of(), true,
                "anti-corruption".equals(code), false, "test", null);
    }
}
