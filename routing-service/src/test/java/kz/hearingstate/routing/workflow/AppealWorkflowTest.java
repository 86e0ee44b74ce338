package kz.hearingstate.routing.workflow;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.events.ActionType;
import kz.hearingstate.events.AppealFeedback;
import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.routing.Reason;
import kz.hearingstate.routing.directory.Department;
import kz.hearingstate.routing.directory.DirectoryFile;
import kz.hearingstate.routing.classification.SettlementNormaliser;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;
import kz.hearingstate.events.AppealStatus;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.CitizenReplied;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.routing.classification.RoutingDecision;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.support.Appeals;
import kz.hearingstate.web.problem.FieldViolation;
import kz.hearingstate.web.security.ApiPrincipal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The workflow's rules and the legal clock, without Spring: every action, its events, and its refusals. */
class AppealWorkflowTest {

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    private static final LegalClock LEGAL_CLOCK = LegalClock.kazakhstan();
    private static final Set<String> DEPARTMENTS = Set.of("housing-utilities", "roads-transport", "education", "health",
            "social-protection", "land-construction", "agriculture", "public-order", "anti-corruption", "akim-office");
    private final AppealWorkflow workflow = new AppealWorkflow(LEGAL_CLOCK,
            new RoutingProperties.Deadlines(15, Map.of(), 2, 3), DEPARTMENTS::contains);

    private static Instant almaty(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ALMATY).toInstant();
    }

    /** Tuesday 1 December 2026, 10:00 in Almaty. */
    private static final Instant NOW = almaty("2026-12-01T10:00");

    private RoutedAppeal routedTo(String department, Instant receivedAt) {
        AppealSubmitted submitted = Appeals.submitted("Нет воды", Language.ru, receivedAt);
        RoutedAppeal appeal = workflow.route(submitted, new RoutingDecision(department, department, null, 0.9, false, false,
                Reason.classifier(0.9)), receivedAt);
        appeal.outbox.clear();
        return appeal;
    }

    /** An appeal its department answered at {@link #NOW}, its outbox sent. */
    private RoutedAppeal answeredBy(String department) {
        RoutedAppeal appeal = routedTo(department, NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department(department)), NOW);
        appeal.outbox.clear();
        return appeal;
    }

    private static java.util.List<String> fields(InvalidCommandException e) {
        return e.violations().stream().map(FieldViolation::field).toList();
    }

    private static Command command(RoutedAppeal appeal, ActionType action, ApiPrincipal caller) {
        return new Command(action.name() + "-" + appeal.sequence, appeal.appealId, action, caller, "reason", "answer",
                null, null, null);
    }

    private static List<AppealLifecycleEvent> lifecycle(RoutedAppeal appeal) {
        return appeal.outbox.stream().map(PendingEvent::lifecycle).filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void givenFreeTextSettlements_whenRouted_thenEveryLifecycleEventCarriesTheCanonicalCodeNeverTheText() {
        SettlementNormaliser settlements = new SettlementNormaliser(DirectoryFile.read(
                new ClassPathResource("departments/zhambyl-v1.json"), JsonMapper.builder().build()).settlements());
        AppealWorkflow normalising = new AppealWorkflow(LEGAL_CLOCK, new RoutingProperties.Deadlines(15, Map.of(), 2, 3),
                DEPARTMENTS::contains, settlements::code, Department.ANTI_CORRUPTION::equals);
        RoutingDecision decision = new RoutingDecision("housing-utilities", "housing-utilities", null, 0.9, false, false,
                Reason.classifier(0.9));

        RoutedAppeal inUzynagash = normalising.route(Appeals.submitted("a1-" + java.util.UUID.randomUUID(), "Нет воды",
                Language.ru, false, null, "Uzunagach", NOW), decision, NOW);
        RoutedAppeal withAPhone = normalising.route(Appeals.submitted("a2-" + java.util.UUID.randomUUID(), "Нет воды",
                Language.ru, false, null, "Aigerim +77011234567", NOW), decision, NOW);

        assertThat(lifecycle(inUzynagash)).extracting(AppealLifecycleEvent::settlement).containsOnly("uzynagash");
        assertThat(lifecycle(withAPhone)).extracting(AppealLifecycleEvent::settlement).containsOnly("other");
    }

    @Test
    void givenAnAppealWithTheCitizensAccessSecret_whenRouted_thenRoutingKeepsEverythingButTheSecret() {
        AppealSubmitted s = Appeals.submitted("Нет воды", Language.ru, NOW);
        AppealSubmitted withSecret = new AppealSubmitted(s.appealId(), s.trackingCode(), s.channel(), s.externalId(),
                s.type(), s.subject(), s.text(), s.language(), s.languageDetected(), s.categoryHint(), s.anonymous(),
                s.citizen(), s.location(), s.attachments(), s.receivedAt(), s.registeredAt(), s.deadline(),
                "7K3M9QXA7K3M9QXA7K3M9QXA");

        RoutedAppeal routed = workflow.route(withSecret, new RoutingDecision("housing-utilities", "housing-utilities",
                null, 0.9, false, false, Reason.classifier(0.9)), NOW);

        assertThat(routed.submitted().accessSecret()).isNull();
        assertThat(routed.submitted()).isEqualTo(s);
    }

    @Test
    void givenAnAppealReceivedOnFridayEvening_whenRouted_thenTheDeadlineCountsFromMondayAndSkipsTheIndependenceDayHolidays() {
        Instant fridayEvening = almaty("2026-12-04T19:30"); // after hours
        RoutedAppeal appeal = workflow.route(Appeals.submitted("Нет воды", Language.ru, fridayEvening),
                new RoutingDecision("housing-utilities", "housing-utilities", null, 0.9, false, false, Reason.classifier(0.9)), fridayEvening);

        assertThat(appeal.registeredAt).isEqualTo(almaty("2026-12-07T09:00"));
        // 15 working days after Monday 7 Dec, skipping weekends and 16 Dec (Independence Day)
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.deadline(almaty("2026-12-07T09:00"), 15));
        assertThat(appeal.deadline.atZone(ALMATY).toLocalDate()).isEqualTo(java.time.LocalDate.of(2026, 12, 29));
        assertThat(appeal.nextTimerAt).isEqualTo(LEGAL_CLOCK.warningAt(appeal.deadline, 2));
        assertThat(appeal.outbox).extracting(PendingEvent::eventId)
                .containsExactly(appeal.appealId + ":1", appeal.appealId + ":1:assigned");
        assertThat(appeal.outbox.get(1).topic()).isEqualTo(Topics.departmentInbox("housing-utilities"));
        assertThat(appeal.outbox.get(1).eventType()).isEqualTo(EventTypes.APPEAL_ASSIGNED);
    }

    @Test
    void givenARoutedAppeal_whenItsDepartmentAccepts_thenItIsInProgressWithOneAcceptedEvent() {
        RoutedAppeal appeal = routedTo("housing-utilities", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ACCEPT, ApiPrincipal.department("housing-utilities")), NOW);

        assertThat(appeal.status).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(lifecycle(appeal)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LifecycleType.ACCEPTED);
            assertThat(e.sequence()).isEqualTo(2);
            assertThat(e.actor()).isEqualTo("housing-utilities");
        });
    }

    @Test
    void givenAnAppealOfAnotherDepartment_whenADepartmentActs_thenItIsNotFoundAndTheAdminIsNotAllowed() {
        RoutedAppeal appeal = routedTo("housing-utilities", NOW);
        assertThatThrownBy(() -> workflow.apply(appeal, command(appeal, ActionType.ACCEPT, ApiPrincipal.department("education")), NOW))
                .isInstanceOf(AppealNotFoundException.class);
        assertThatThrownBy(() -> workflow.apply(appeal, command(appeal, ActionType.ACCEPT, ApiPrincipal.admin()), NOW))
                .isInstanceOf(ActionNotAllowedException.class);
        assertThat(appeal.outbox).isEmpty();
    }

    @Test
    void givenAnAnsweredAppeal_whenTheDepartmentAnswersAgain_thenTheTransitionIsRefused() {
        RoutedAppeal appeal = routedTo("education", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("education")), NOW);
        assertThat(lifecycle(appeal).getLast().answer()).isEqualTo("answer");
        assertThatThrownBy(() -> workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("education")), NOW))
                .isInstanceOf(AppealStateMachine.InvalidTransitionException.class);
    }

    @Test
    void givenActionsWithoutWhatTheyNeed_thenEachIsRefusedNamingTheField() {
        RoutedAppeal appeal = routedTo("education", NOW);
        ApiPrincipal education = ApiPrincipal.department("education");
        Command answerless = new Command("a1", appeal.appealId, ActionType.ANSWER, education, null, " ", null, null, null);
        Command reasonless = new Command("a2", appeal.appealId, ActionType.REJECT, education, null, null, null, null, null);
        Command nowhere = new Command("a3", appeal.appealId, ActionType.FORWARD, education, "not ours", null, null, null, null);
        Command unknown = new Command("a4", appeal.appealId, ActionType.FORWARD, education, "not ours", null, "cosmodrome", null, null);
        Command both = new Command("a5", appeal.appealId, ActionType.FORWARD, education, "x", null, "health", "Police", null);

        assertThatThrownBy(() -> workflow.apply(appeal, answerless, NOW)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(fields(e)).contains("answer"));
        assertThatThrownBy(() -> workflow.apply(appeal, reasonless, NOW)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(fields(e)).contains("reason"));
        assertThatThrownBy(() -> workflow.apply(appeal, nowhere, NOW)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(fields(e)).contains("targetDepartment"));
        assertThatThrownBy(() -> workflow.apply(appeal, unknown, NOW)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.violations()).anySatisfy(v -> {
                    assertThat(v.field()).isEqualTo("targetDepartment");
                    assertThat(v.arguments()).containsExactly("cosmodrome");
                }));
        assertThatThrownBy(() -> workflow.apply(appeal, both, NOW)).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(fields(e)).contains("outsideBody"));
        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.outbox).isEmpty();
    }

    @Test
    void givenAForwardToAnotherDepartment_thenTheAppealIsReRoutedWithANewInboxMessage() {
        RoutedAppeal appeal = routedTo("education", NOW);
        workflow.apply(appeal, new Command("f1", appeal.appealId, ActionType.FORWARD, ApiPrincipal.department("education"),
                "it is about the clinic", null, "health", null, null), NOW);

        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.department).isEqualTo("health");
        assertThat(lifecycle(appeal)).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(LifecycleType.ROUTED);
            assertThat(e.previousDepartment()).isEqualTo("education");
        });
        assertThat(appeal.outbox).extracting(PendingEvent::topic).contains(Topics.departmentInbox("health"));
    }

    @Test
    void givenAForwardOutsideWithinThreeWorkingDays_thenItIsForwardedOnTime_andLaterItIsFlaggedLate() {
        RoutedAppeal onTime = routedTo("land-construction", NOW);
        workflow.apply(onTime, new Command("f1", onTime.appealId, ActionType.FORWARD, ApiPrincipal.department("land-construction"),
                "land registry matter", null, null, "Government for Citizens (land cadastre)", null), almaty("2026-12-04T12:00"));
        assertThat(onTime.status).isEqualTo(AppealStatus.FORWARDED);
        assertThat(onTime.forwardedLate).isFalse();
        assertThat(lifecycle(onTime).getLast().forwardedTo()).isEqualTo("Government for Citizens (land cadastre)");

        RoutedAppeal late = routedTo("land-construction", NOW);
        workflow.apply(late, new Command("f2", late.appealId, ActionType.FORWARD, ApiPrincipal.department("land-construction"),
                "land registry matter", null, null, "Land cadastre", null), almaty("2026-12-08T12:00"));
        assertThat(late.status).isEqualTo(AppealStatus.FORWARDED);
        assertThat(late.forwardedLate).isTrue();
        assertThat(lifecycle(late).getLast().reason()).isEqualTo("land registry matter"); // the citizen reads it as written
        assertThat(late.nextTimerAt).isNull();
    }

    @Test
    void givenAnExtension_thenItMustBeMotivatedLaterThanTheDeadlineAndWithinTwoMonthsOfRegistration() {
        RoutedAppeal appeal = routedTo("health", NOW);
        ApiPrincipal health = ApiPrincipal.department("health");
        Instant tooLate = LEGAL_CLOCK.latestExtendedDeadline(appeal.registeredAt).plus(java.time.Duration.ofDays(1));
        Instant earlier = appeal.deadline.minusSeconds(3600);
        Instant fine = almaty("2027-01-20T18:00");

        assertThatThrownBy(() -> workflow.apply(appeal, new Command("e1", appeal.appealId, ActionType.EXTEND, health,
                "needs an inspection", null, null, null, tooLate), NOW)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> workflow.apply(appeal, new Command("e2", appeal.appealId, ActionType.EXTEND, health,
                "needs an inspection", null, null, null, earlier), NOW)).isInstanceOf(InvalidCommandException.class);
        assertThatThrownBy(() -> workflow.apply(appeal, new Command("e3", appeal.appealId, ActionType.EXTEND, health,
                null, null, null, null, fine), NOW)).isInstanceOf(InvalidCommandException.class);

        workflow.apply(appeal, new Command("e4", appeal.appealId, ActionType.EXTEND, health, "needs an inspection", null,
                null, null, fine), NOW);
        assertThat(appeal.deadline).isEqualTo(fine);
        assertThat(lifecycle(appeal).getLast().type()).isEqualTo(LifecycleType.EXTENDED);
        assertThat(appeal.nextTimerAt).isEqualTo(LEGAL_CLOCK.warningAt(fine, 2));
    }

    @Test
    void givenARequestForInformation_whenTheCitizenRepliesFiveWorkingDaysLater_thenTheClockPausedAndTheDeadlineMovesOnByFive() {
        RoutedAppeal appeal = routedTo("social-protection", NOW);
        Instant deadlineBefore = appeal.deadline;
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, ApiPrincipal.department("social-protection"),
                "please send a copy of the disability certificate", null, null, null, null), NOW);
        assertThat(appeal.status).isEqualTo(AppealStatus.INFO_REQUESTED);
        assertThat(appeal.nextTimerAt).isNull();

        // Paused Tue 1 Dec 10:00, replied Tue 8 Dec 10:00: Tue 1 10:00-18:00 = 8 h, Wed 2 to Mon 7 = 4 × 9 h,
        // Tue 8 09:00-10:00 = 1 h: 45 h = exactly 5 working days of 9 h.
        Instant reply = almaty("2026-12-08T10:00");
        workflow.citizenReplied(appeal, new CitizenReplied("reply-1", appeal.appealId, "T", "attached", List.of(), reply), reply);

        assertThat(appeal.status).isEqualTo(AppealStatus.IN_PROGRESS);
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.shift(deadlineBefore, 5));
        assertThat(appeal.citizenReplies()).as("kept for the department to read")
                .containsExactly(new CitizenReply("reply-1", "social-protection", "attached", List.of(), reply));
        assertThat(appeal.outbox).filteredOn(event -> event.reply() != null).as("and sent to its inbox, as received")
                .extracting(PendingEvent::topic, PendingEvent::reply)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Topics.departmentInbox("social-protection"),
                        new CitizenReplied("reply-1", appeal.appealId, "T", "attached", List.of(), reply)));
        assertThat(lifecycle(appeal).getLast().type()).isEqualTo(LifecycleType.INFO_PROVIDED);
        assertThat(lifecycle(appeal).getLast().reason()).as("no words of the citizen on appeals.lifecycle").doesNotContain("attached");
        assertThat(lifecycle(appeal).getLast().deadline()).isEqualTo(appeal.deadline);
        assertThat(appeal.nextTimerAt).isNotNull();
    }

    @Test
    void givenARequestForInformation_whenTheAppealIsRoutedElsewhereFiveWorkingDaysLater_thenTheNewDepartmentsDeadlineMovesOnByFive() {
        RoutedAppeal appeal = routedTo("social-protection", NOW);
        Instant deadlineBefore = appeal.deadline;
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, ApiPrincipal.department("social-protection"),
                "please send a copy of the disability certificate", null, null, null, null), NOW);

        Instant rerouted = almaty("2026-12-08T10:00"); // 5 working days paused, as above
        workflow.apply(appeal, new Command("route-1", appeal.appealId, ActionType.ROUTE, ApiPrincipal.admin(),
                "misrouted", null, "health", null, null), rerouted);

        assertThat(appeal.department).isEqualTo("health");
        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.deadline).as("the clock stood while the citizen was asked").isEqualTo(LEGAL_CLOCK.shift(deadlineBefore, 5));
        assertThat(appeal.deadline).isAfter(rerouted);
    }

    @Test
    void givenARequestForInformation_whenTheAppealIsRoutedToAntiCorruptionBeforeTheReplyComes_thenTheReplyReachesNoInbox() {
        // Health asks; the admin routes the appeal to anti-corruption; the citizen, whose page still says "waiting for
        // you", answers naming the doctor. Health must not get that on its inbox: the report is not its to read.
        RoutedAppeal appeal = routedTo("health", NOW);
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, ApiPrincipal.department("health"),
                "which clinic?", null, null, null, null), NOW);
        workflow.apply(appeal, new Command("route-1", appeal.appealId, ActionType.ROUTE, ApiPrincipal.admin(),
                "a report of extortion", null, "anti-corruption", null, null), NOW.plusSeconds(60));
        int eventsBefore = appeal.outbox.size();

        Instant later = NOW.plusSeconds(120);
        workflow.lateReply(appeal, new CitizenReplied("reply-1", appeal.appealId, "T", "Dr. N. at clinic 2 wants cash",
                List.of(), later), later);

        assertThat(appeal.citizenReplies()).extracting(CitizenReply::department).as("kept, under the department that asked")
                .containsExactly("health");
        assertThat(appeal.outbox).as("on no inbox: not health's, which the appeal left, nor anyone else's").hasSize(eventsBefore);
    }

    @Test
    void givenAReplyThatMayReportCorruption_whenTheCitizenReplies_thenTheAppealMovesToAntiCorruptionBeforeTheReplyReachesAnyone() {
        RoutedAppeal appeal = routedTo("housing-utilities", NOW);
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, ApiPrincipal.department("housing-utilities"),
                "which flat?", null, null, null, null), NOW);
        Instant later = NOW.plusSeconds(3600);
        CitizenReplied reply = new CitizenReplied("reply-1", appeal.appealId, "T",
                "Flat 4. The clerk said it goes faster if I send 20,000 to his card", List.of(), later);

        workflow.citizenReplied(appeal, reply, Department.ANTI_CORRUPTION, later);

        assertThat(appeal.department).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(appeal.previousDepartment).isEqualTo("housing-utilities");
        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.triage).as("a confidential triage: its officer forwards it back if it is no report").isTrue();
        assertThat(appeal.citizenReplies()).extracting(CitizenReply::department)
                .as("filed under the question's department, which no longer holds the appeal: the officer reads it, and "
                        + "housing would only if the officer forwarded it back").containsExactly("housing-utilities");
        assertThat(appeal.outbox).extracting(PendingEvent::topic).as("nothing for housing's inbox")
                .doesNotContain(Topics.departmentInbox("housing-utilities"))
                .contains(Topics.departmentInbox(Department.ANTI_CORRUPTION));
        assertThat(appeal.outbox).filteredOn(event -> event.reply() != null).as("the reply on the officer's inbox alone")
                .extracting(PendingEvent::topic).containsExactly(Topics.departmentInbox(Department.ANTI_CORRUPTION));
        assertThat(lifecycle(appeal)).extracting(AppealLifecycleEvent::type)
                .containsExactly(LifecycleType.INFO_REQUESTED, LifecycleType.INFO_PROVIDED, LifecycleType.ROUTED);
        assertThat(lifecycle(appeal).getLast().reason()).doesNotContain("clerk", "card");
    }

    @Test
    void givenANotSolvedCommentThatMayReportCorruption_thenTheRepeatAppealGoesToAntiCorruptionNotBackToTheDepartment() {
        RoutedAppeal appeal = answeredBy("roads-transport");
        Instant later = almaty("2027-01-11T10:00");

        workflow.notSolved(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 1, false,
                "Nothing was repaired: the foreman wants cash before he sends the crew.", later), Department.ANTI_CORRUPTION, later);

        assertThat(appeal.department).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.triage).isTrue();
        assertThat(appeal.outbox).extracting(PendingEvent::topic).doesNotContain(Topics.departmentInbox("roads-transport"));
        assertThat(lifecycle(appeal)).as("one event, naming anti-corruption: roads is told of no new assignment")
                .singleElement().satisfies(reopened -> {
                    assertThat(reopened.type()).isEqualTo(LifecycleType.REOPENED);
                    assertThat(reopened.department()).isEqualTo(Department.ANTI_CORRUPTION);
                    assertThat(reopened.reason()).doesNotContain("foreman", "cash");
                });
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.deadline(later, 15));
    }

    @Test
    void givenASolvedRatingWhoseCommentMayReportCorruption_thenTheAnsweredAppealReopensAtAntiCorruptionWithANewTerm() {
        RoutedAppeal appeal = answeredBy("health");
        Instant later = almaty("2027-01-11T10:00");

        workflow.rated(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 5, true,
                "Solved, but only after I paid the doctor 10,000 in cash", later), Department.ANTI_CORRUPTION, later);

        assertThat(appeal.department).as("not left with health, which would read the comment")
                .isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.deadline(later, 15));
        assertThat(appeal.citizenFeedback().comment()).contains("doctor");
        assertThat(lifecycle(appeal)).extracting(AppealLifecycleEvent::type, AppealLifecycleEvent::department)
                .containsExactly(tuple(LifecycleType.REOPENED, Department.ANTI_CORRUPTION));
        assertThat(appeal.outbox).extracting(PendingEvent::topic).doesNotContain(Topics.departmentInbox("health"));
    }

    @Test
    void givenAReplyThatMayReportCorruptionComingAfterTheAppealWasForwardedOutside_thenItReopensAtAntiCorruptionAsItsOwn() {
        RoutedAppeal appeal = routedTo("land-construction", NOW); // asked which plot by phone, say; then forwarded out
        workflow.apply(appeal, new Command("f1", appeal.appealId, ActionType.FORWARD, ApiPrincipal.department("land-construction"),
                "Land cadastre decides", null, null, "Land cadastre", null), NOW.plusSeconds(60));
        assertThat(appeal.status).isEqualTo(AppealStatus.FORWARDED);
        appeal.outbox.clear();
        Instant later = almaty("2026-12-03T10:00");

        workflow.lateReply(appeal, new CitizenReplied("reply-1", appeal.appealId, "T",
                "Plot 12. The land officer asked for 100,000 to sign the act", List.of(), later), Department.ANTI_CORRUPTION, later);

        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.department).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(appeal.forwardedTo).as("no outside body holds it now").isNull();
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.deadline(LEGAL_CLOCK.registeredAt(later), 15));
        assertThat(lifecycle(appeal)).extracting(AppealLifecycleEvent::type, AppealLifecycleEvent::department)
                .containsExactly(tuple(LifecycleType.REOPENED, Department.ANTI_CORRUPTION));
        assertThat(appeal.outbox).extracting(PendingEvent::topic).doesNotContain(Topics.departmentInbox("land-construction"));
        assertThat(appeal.outbox).filteredOn(event -> event.reply() != null).extracting(PendingEvent::topic)
                .containsExactly(Topics.departmentInbox(Department.ANTI_CORRUPTION));
    }

    @Test
    void givenAnAssignmentKafkaHasNotTakenYet_whenTheAppealIsRoutedToAntiCorruption_thenItIsNeverSentToTheDepartmentItLeft() {
        AppealSubmitted submitted = Appeals.submitted("Нет воды", Language.ru, NOW);
        RoutedAppeal appeal = workflow.route(submitted, new RoutingDecision("health", "health", null, 0.9, false, false,
                Reason.classifier(0.9)), NOW); // its assignment still in the outbox: Kafka refused it
        assertThat(appeal.outbox).extracting(PendingEvent::topic).contains(Topics.departmentInbox("health"));

        workflow.apply(appeal, new Command("route-1", appeal.appealId, ActionType.ROUTE, ApiPrincipal.admin(),
                "a report of extortion", null, "anti-corruption", null, null), NOW.plusSeconds(60));

        assertThat(appeal.outbox).extracting(PendingEvent::topic).doesNotContain(Topics.departmentInbox("health"))
                .contains(Topics.departmentInbox(Department.ANTI_CORRUPTION), Topics.APPEALS_LIFECYCLE);
    }

    @Test
    void givenAnAnsweredAppeal_whenTheCitizenRatesItSolved_thenTheRatingIsKeptAndNothingElseChanges() {
        RoutedAppeal appeal = routedTo("roads-transport", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("roads-transport")), NOW);
        int eventsBefore = appeal.outbox.size();
        Instant later = almaty("2027-01-11T10:00");

        workflow.rated(appeal, new AppealFeedback("fb-2", appeal.appealId, "T", 5, true, "Жол жөнделді, рақмет!", later), later);

        assertThat(appeal.status).isEqualTo(AppealStatus.ANSWERED);
        assertThat(appeal.outbox).hasSize(eventsBefore);
        assertThat(appeal.citizenFeedback()).isEqualTo(new CitizenFeedback("fb-2", "roads-transport", 5, true, "Жол жөнделді, рақмет!", later));
        assertThat(appeal.appliedInputs).contains("fb-2");
    }

    @Test
    void givenAnAnsweredAppeal_whenTheCitizenSaysNotSolved_thenItIsReopenedToTheSameDepartmentWithANewDeadline() {
        RoutedAppeal appeal = routedTo("roads-transport", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("roads-transport")), NOW);
        Instant later = almaty("2027-01-11T10:00");

        workflow.notSolved(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 1, false,
                "The pothole is still there after the rain.", later), later);

        assertThat(appeal.status).isEqualTo(AppealStatus.ROUTED);
        assertThat(appeal.department).isEqualTo("roads-transport");
        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.deadline(later, 15));
        assertThat(lifecycle(appeal).getLast().type()).isEqualTo(LifecycleType.REOPENED);
        assertThat(lifecycle(appeal).getLast().reason()).as("every service reads the event: no words of the citizen")
                .contains("rating 1").doesNotContain("pothole");
        assertThat(appeal.citizenFeedback()).as("the department reads why on the appeal").isEqualTo(new CitizenFeedback("fb-1", "roads-transport", 1, false,
                "The pothole is still there after the rain.", later));
        assertThat(appeal.outbox.getLast().topic()).isEqualTo(Topics.departmentInbox("roads-transport"));
    }

    @Test
    void givenAnAppealAnsweredWhileWaitingForTheCitizen_whenReopenedAndForwarded_thenTheOldPauseMovesNoDeadline() {
        RoutedAppeal appeal = routedTo("housing-utilities", NOW); // Tue 1 Dec 2026 10:00
        ApiPrincipal housing = ApiPrincipal.department("housing-utilities");
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, housing, "which flat?", null,
                null, null, null), NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, housing), almaty("2026-12-01T11:00"));
        assertThat(appeal.pausedAt).as("the pause ended with the answer").isNull();

        Instant reopened = almaty("2026-12-02T10:00");
        workflow.notSolved(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 1, false, "Still no water", reopened),
                reopened);
        workflow.apply(appeal, new Command("f1", appeal.appealId, ActionType.FORWARD, housing, null, null, "education",
                null, null), almaty("2026-12-03T10:00"));

        // Registered Wed 2 Dec 10:00; 15 working days, 16 Dec (Independence Day) off: Thu 24 Dec, 18:00. Counting the
        // old pause (1 Dec 10:00 to 3 Dec 10:00, 18 working hours) would have given Mon 28 Dec.
        assertThat(appeal.deadline).isEqualTo(almaty("2026-12-24T18:00"));
    }

    @Test
    void givenAnAppealAnsweredWhileWaitingForTheCitizen_thenItsDeadlineMovesOnByThePauseAsOnAReply() {
        RoutedAppeal appeal = routedTo("housing-utilities", NOW); // Tue 1 Dec 2026 10:00
        ApiPrincipal housing = ApiPrincipal.department("housing-utilities");
        // Registered Tue 1 Dec; 15 working days, 16 Dec (Independence Day) off: Wed 23 Dec, 18:00.
        assertThat(appeal.deadline).isEqualTo(almaty("2026-12-23T18:00"));
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO, housing, "which flat?", null,
                null, null, null), NOW);

        workflow.apply(appeal, command(appeal, ActionType.ANSWER, housing), almaty("2026-12-03T12:00"));

        // Paused Tue 10:00 to Thu 12:00: 8 + 9 + 3 = 20 working hours, 3 working days rounded up: Thu 24, Fri 25, Mon 28.
        assertThat(appeal.deadline).isEqualTo(almaty("2026-12-28T18:00"));
        assertThat(lifecycle(appeal).getLast().deadline()).as("the ANSWERED event's, which analytics judges by")
                .isEqualTo(almaty("2026-12-28T18:00"));
        assertThat(appeal.pausedAt).isNull();
    }

    @Test
    void givenAnExtensionToASaturdayOrAnHourOfTheDay_thenTheTermEndsAtTheCloseOfItsWorkingDay() {
        RoutedAppeal appeal = routedTo("health", NOW); // registered Tue 1 Dec 2026: the cap is Mon 1 Feb 2027, 18:00
        ApiPrincipal health = ApiPrincipal.department("health");

        workflow.apply(appeal, new Command("e1", appeal.appealId, ActionType.EXTEND, health, "needs an inspection", null,
                null, null, almaty("2027-01-20T12:00")), NOW);
        assertThat(appeal.deadline).as("a term counted in days ends with its day").isEqualTo(almaty("2027-01-20T18:00"));

        workflow.apply(appeal, new Command("e2", appeal.appealId, ActionType.EXTEND, health, "the inspector is ill", null,
                null, null, almaty("2027-01-30T18:00")), NOW); // a Saturday
        assertThat(appeal.deadline).as("APPK Art. 10: on the next working day").isEqualTo(almaty("2027-02-01T18:00"));
        assertThat(workflow.fireTimers(appeal, almaty("2027-01-30T18:00"))).as("no breach on the Saturday")
                .doesNotContain(LifecycleType.SLA_BREACHED);
        assertThat(workflow.fireTimers(appeal, almaty("2027-02-01T18:00"))).contains(LifecycleType.SLA_BREACHED);
    }

    @Test
    void givenAnExtensionToADateBeyondAnyCalendar_thenItIsRefusedAsTooLateOrNotLater() {
        RoutedAppeal appeal = routedTo("health", NOW);
        ApiPrincipal health = ApiPrincipal.department("health");
        for (Instant absurd : List.of(Instant.parse("+1000000000-12-31T23:59:59Z"), Instant.parse("-1000000000-01-01T00:00:00Z"))) {
            assertThatThrownBy(() -> workflow.apply(appeal, new Command("e-" + absurd.getEpochSecond(), appeal.appealId,
                    ActionType.EXTEND, health, "needs an inspection", null, null, null, absurd), NOW))
                    .isInstanceOf(InvalidCommandException.class);
        }
    }

    @Test
    void givenAStoredAppealReopenedWithAPauseLeftSetByAnOlderVersion_whenAcceptedAndAnswered_thenThatPauseMovesNoDeadline() {
        // Stored before a reopening cleared it: IN_PROGRESS, not waiting for the citizen, with an old pausedAt.
        RoutedAppeal appeal = routedTo("housing-utilities", NOW); // Tue 1 Dec 2026 10:00: deadline Wed 23 Dec, 18:00
        ApiPrincipal housing = ApiPrincipal.department("housing-utilities");
        workflow.apply(appeal, command(appeal, ActionType.ACCEPT, housing), NOW);
        appeal.pausedAt = NOW;

        workflow.apply(appeal, command(appeal, ActionType.ANSWER, housing), almaty("2026-12-10T12:00"));

        assertThat(appeal.deadline).as("seven working days since that pause are not added").isEqualTo(almaty("2026-12-23T18:00"));
        assertThat(appeal.pausedAt).isNull();
    }

    @Test
    void givenAStoredAppealAnsweredWithItsPauseLeftSet_whenReopenedAndForwarded_thenThatPauseMovesNoDeadline() {
        // Stored before answers cleared the pause: ANSWERED with pausedAt still set.
        RoutedAppeal appeal = routedTo("housing-utilities", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("housing-utilities")), NOW);
        appeal.pausedAt = NOW;

        Instant reopened = almaty("2026-12-02T10:00");
        workflow.notSolved(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 1, false, "Still no water", reopened),
                reopened);
        workflow.apply(appeal, new Command("f1", appeal.appealId, ActionType.FORWARD,
                ApiPrincipal.department("housing-utilities"), null, null, "education", null, null), almaty("2026-12-03T10:00"));

        assertThat(appeal.deadline).isEqualTo(almaty("2026-12-24T18:00"));
    }

    @Test
    void givenANotSolvedFeedbackReadAfterHours_thenTheRepeatAppealIsRegisteredWhenTheCitizenSentIt() {
        RoutedAppeal appeal = routedTo("roads-transport", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("roads-transport")), NOW);
        Instant sent = almaty("2026-12-04T17:50"); // Friday, inside working hours

        workflow.notSolved(appeal, new AppealFeedback("fb-1", appeal.appealId, "T", 1, false, "Still there", sent),
                almaty("2026-12-04T18:10")); // routing reads it after the close (a lag, a restart)

        assertThat(appeal.registeredAt).isEqualTo(sent);
        // 15 working days after Fri 4 Dec, 16 Dec off: Mon 28 Dec (registered on Monday 7 Dec it would be Tue 29 Dec).
        assertThat(appeal.deadline).isEqualTo(almaty("2026-12-28T18:00"));
    }

    @Test
    void givenACitizensReplyReadDaysLater_thenTheClockStoodOnlyUntilTheCitizenReplied() {
        RoutedAppeal appeal = routedTo("social-protection", NOW);
        Instant deadlineBefore = appeal.deadline;
        workflow.apply(appeal, new Command("r1", appeal.appealId, ActionType.REQUEST_INFO,
                ApiPrincipal.department("social-protection"), "which certificate?", null, null, null, null),
                almaty("2026-12-03T11:00"));
        Instant replied = almaty("2026-12-03T17:00"); // 6 working hours: 1 working day

        workflow.citizenReplied(appeal, new CitizenReplied("reply-1", appeal.appealId, "T", "the pension one", List.of(),
                replied), almaty("2026-12-07T10:00")); // read on Monday: counted from then, 17 hours, 2 days

        assertThat(appeal.deadline).isEqualTo(LEGAL_CLOCK.shift(deadlineBefore, 1));
    }

    @Test
    void givenTheTriageDesk_whenItRoutesItsOwnAppeal_thenItIsReassigned_butAnotherDepartmentMayNotRoute() {
        RoutedAppeal triage = routedTo("akim-office", NOW);
        workflow.apply(triage, new Command("t1", triage.appealId, ActionType.ROUTE, ApiPrincipal.department("akim-office"),
                null, null, "agriculture", null, null), NOW);
        assertThat(triage.department).isEqualTo("agriculture");
        assertThat(triage.triage).isFalse();

        RoutedAppeal other = routedTo("education", NOW);
        assertThatThrownBy(() -> workflow.apply(other, new Command("t2", other.appealId, ActionType.ROUTE,
                ApiPrincipal.department("education"), null, null, "health", null, null), NOW)).isInstanceOf(ActionNotAllowedException.class);
        assertThatThrownBy(() -> workflow.apply(other, new Command("t3", other.appealId, ActionType.ROUTE,
                ApiPrincipal.department("akim-office"), null, null, "health", null, null), NOW)).isInstanceOf(AppealNotFoundException.class);
        workflow.apply(other, new Command("t4", other.appealId, ActionType.ROUTE, ApiPrincipal.admin(), "reassigned", null,
                "health", null, null), NOW);
        assertThat(other.department).isEqualTo("health");
        assertThat(lifecycle(other).getLast().actor()).isEqualTo("admin");
    }

    @Test
    void givenACorruptionReport_whenTheAdminRoutesItElsewhere_thenItReadsAsNotFoundAndStaysAtAntiCorruption() {
        RoutedAppeal report = routedTo(Department.ANTI_CORRUPTION, NOW);
        assertThatThrownBy(() -> workflow.apply(report, new Command("a1", report.appealId, ActionType.ROUTE, ApiPrincipal.admin(),
                "reassigned", null, "education", null, null), NOW)).isInstanceOf(AppealNotFoundException.class);
        assertThat(report.department).isEqualTo(Department.ANTI_CORRUPTION);
        assertThat(report.appliedInputs).doesNotContain(ApiPrincipal.admin().kind() + ":admin:a1");
    }

    @Test
    void givenAnAction_whenApplied_thenTheAppealRemembersItsIdWithinItsPrincipal() {
        RoutedAppeal appeal = routedTo("education", NOW);
        Command accept = new Command("same", appeal.appealId, ActionType.ACCEPT, ApiPrincipal.department("education"),
                null, null, null, null, null);
        workflow.apply(appeal, accept, NOW);
        assertThat(appeal.appliedInputs).contains(accept.inputId()).doesNotContain("same");
    }

    @Test
    void givenTheLegalClock_whenTimeReachesTheWarningThenTheDeadline_thenEachStepFiresOnce() {
        RoutedAppeal appeal = routedTo("health", NOW);
        Instant warning = appeal.nextTimerAt;

        assertThat(workflow.fireTimers(appeal, warning.minusSeconds(1))).isEmpty();
        assertThat(workflow.fireTimers(appeal, warning)).containsExactly(LifecycleType.SLA_WARNING);
        assertThat(workflow.fireTimers(appeal, warning.plusSeconds(60))).isEmpty();
        assertThat(appeal.nextTimerAt).isEqualTo(appeal.deadline);

        assertThat(workflow.fireTimers(appeal, appeal.deadline)).containsExactly(LifecycleType.SLA_BREACHED);
        assertThat(lifecycle(appeal)).extracting(AppealLifecycleEvent::type)
                .containsExactly(LifecycleType.SLA_WARNING, LifecycleType.SLA_BREACHED, LifecycleType.ESCALATED);
        assertThat(lifecycle(appeal).getLast().reason()).contains("akim-office");
        // The history keeps each of the platform's own reasons as a code a page words in its language.
        assertThat(appeal.history()).extracting(HistoryEntry::why).extracting(Reason::code, Reason::args).containsExactly(
                tuple(Reason.Code.CLASSIFIER, List.of("0.90")), tuple(Reason.Code.DAYS_LEFT, List.of("2")),
                tuple(Reason.Code.DEADLINE_PASSED, List.of()), tuple(Reason.Code.ESCALATED, List.of("akim-office")));
        assertThat(appeal.nextTimerAt).isNull();
        assertThat(workflow.fireTimers(appeal, appeal.deadline.plusSeconds(86_400))).isEmpty();
    }

    @Test
    void givenAHistoryEntryKeptBeforeCodesOrWithAnUnknownCode_whenRead_thenItsTextIsShownAsWritten() {
        Instant at = NOW;
        HistoryEntry before = new HistoryEntry(1, LifecycleType.ROUTED, AppealStatus.ROUTED, "education", "system",
                "classifier: 0.97", null, null, null, null, at);
        HistoryEntry unknown = new HistoryEntry(1, LifecycleType.ROUTED, AppealStatus.ROUTED, "education", "system",
                "classifier: 0.97", "A_CODE_OF_A_LATER_VERSION", List.of("0.97"), null, null, at);

        assertThat(before.reasonArgs()).isEmpty();
        assertThat(before.why()).isEqualTo(Reason.given("classifier: 0.97"));
        assertThat(unknown.why().code()).isNull();
        assertThat(unknown.why().text()).isEqualTo("classifier: 0.97");
    }

    @Test
    void givenAnAnsweredAppeal_thenNoTimerFires() {
        RoutedAppeal appeal = routedTo("health", NOW);
        workflow.apply(appeal, command(appeal, ActionType.ANSWER, ApiPrincipal.department("health")), NOW);
        assertThat(appeal.nextTimerAt).isNull();
        assertThat(workflow.fireTimers(appeal, appeal.deadline.plusSeconds(1))).isEmpty();
    }
}
