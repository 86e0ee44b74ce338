package kz.hearingstate.notification.planning;

import static kz.hearingstate.notification.support.Appeals.DEADLINE_IN_ALMATY;
import static kz.hearingstate.notification.support.Appeals.EXTENDED_DEADLINE_IN_ALMATY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.hearingstate.events.AppealLifecycleEvent;
import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.notification.contact.CitizenContact;
import kz.hearingstate.notification.delivery.PlannedNotification;
import kz.hearingstate.notification.delivery.RecipientRole;
import kz.hearingstate.notification.directory.DepartmentContact;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.template.MessageTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NotificationPlannerTest {

    private static final Map<String, DepartmentContact> DIRECTORY = Map.of(
            "roads", new DepartmentContact("roads", 1, Map.of(Language.ru, "Отдел дорог", Language.kk, "Жол бөлімі",
                    Language.en, "Roads Department"), "roads@akimat.test", null, false, false),
            "water", new DepartmentContact("water", 1, Map.of(), null, "+77010000002", false, false),
            "akim-office", new DepartmentContact("akim-office", 1, Map.of(), "akim@akimat.test", null, false, false),
            "silent", new DepartmentContact("silent", 1, Map.of(), null, null, false, false),
            "anti-corruption", new DepartmentContact("anti-corruption", 1, Map.of(), "integrity@akimat.test", null, true, false));

    private final NotificationPlanner planner = new NotificationPlanner(code -> Optional.ofNullable(DIRECTORY.get(code)),
            code -> !DIRECTORY.containsKey(code) || DIRECTORY.get(code).confidential(), Set.of("egov-app"), Language.ru, "akim-office", "https://appeals.test/");

    private final String appealId = Appeals.newAppealId();

    @Test
    void givenEmailCitizen_whenSubmitted_thenTheyAreToldOfRegistrationWithTrackingCodeAndDeadlineInAlmatyTime() {
        AppealSubmitted appeal = Appeals.submitted(appealId, "web", Language.kk,
                Appeals.citizen(ContactChannel.EMAIL, "+77011234567", "aigerim@mail.kz", Language.kk));

        List<PlannedNotification> planned = planner.forSubmission("ev-1", appeal, CitizenContact.of(appeal));

        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo(MessageTemplate.APPEAL_REGISTERED);
            assertThat(p.role()).isEqualTo(RecipientRole.CITIZEN);
            assertThat(p.channel()).isEqualTo(ContactChannel.EMAIL);
            assertThat(p.address()).isEqualTo("aigerim@mail.kz");
            assertThat(p.language()).isEqualTo(Language.kk);
            assertThat(p.values()).containsEntry("trackingCode", Appeals.trackingCodeOf(appealId))
                    .containsEntry("deadline", DEADLINE_IN_ALMATY);
            assertThat(p.skipped()).isFalse();
        });
    }

    @Test
    void givenTheCitizensAccessSecret_whenSubmitted_thenTheRegistrationCarriesThePrivateLinkAndLaterMessagesDoNot() {
        AppealSubmitted plain = Appeals.submitted(appealId, "web", Language.ru,
                Appeals.citizen(ContactChannel.EMAIL, null, "aigerim@mail.kz", Language.ru));
        AppealSubmitted appeal = new AppealSubmitted(plain.appealId(), plain.trackingCode(), plain.channel(),
                plain.externalId(), plain.type(), plain.subject(), plain.text(), plain.language(), plain.languageDetected(),
                plain.categoryHint(), plain.anonymous(), plain.citizen(), plain.location(), plain.attachments(),
                plain.receivedAt(), plain.registeredAt(), plain.deadline(), "7k3m9qxa2drbk0p4c8w6h1n5");

        assertThat(planner.forSubmission("ev-1", appeal, CitizenContact.of(appeal))).singleElement()
                .satisfies(p -> assertThat(p.values()).containsEntry("accessUrl",
                        "https://appeals.test/portal/a/7k3m9qxa2drbk0p4c8w6h1n5?lang=ru"));
        assertThat(planner.forSubmission("ev-1", plain, CitizenContact.of(plain))).singleElement()
                .satisfies(p -> assertThat(p.values().get("accessUrl")).isEqualTo(p.values().get("statusUrl")));
        assertThat(planner.forLifecycle("ev-2", Appeals.step(appealId, 1, LifecycleType.ROUTED, "roads"),
                Optional.of(CitizenContact.of(appeal)))).allSatisfy(p -> assertThat(p.values().toString())
                .doesNotContain("7k3m9qxa2drbk0p4c8w6h1n5"));
    }

    @Test
    void givenAnonymousAppeal_whenSubmitted_thenCitizenIsNotToldAndTheReasonIsRecorded() {
        AppealSubmitted appeal = Appeals.submitted(appealId, "web", Language.ru, null);

        assertThat(planner.forSubmission("ev-1", appeal, CitizenContact.of(appeal))).singleElement()
                .satisfies(p -> assertThat(p.skipReason()).isEqualTo(NotificationPlanner.SKIP_ANONYMOUS));
    }

    @Test
    void givenCitizenWhoChoseNoContact_whenAnswered_thenNotToldAndReasonRecorded() {
        CitizenContact contact = contact(ContactChannel.NONE, "+77011234567", "a@mail.kz", "web");

        assertThat(planner.forLifecycle("ev-2", Appeals.step(appealId, 5, LifecycleType.ANSWERED, "roads"), Optional.of(contact)))
                .singleElement().satisfies(p -> {
                    assertThat(p.role()).isEqualTo(RecipientRole.CITIZEN);
                    assertThat(p.skipReason()).isEqualTo(NotificationPlanner.SKIP_NO_CONTACT_WANTED);
                });
    }

    @Test
    void givenNoPreferenceButPhoneOnly_whenRegistered_thenSmsIsUsed() {
        AppealSubmitted appeal = Appeals.submitted(appealId, "web", Language.ru,
                Appeals.citizen(null, "+77011234567", null, Language.ru));

        assertThat(planner.forSubmission("ev-1", appeal, CitizenContact.of(appeal))).singleElement()
                .satisfies(p -> assertThat(p.channel()).isEqualTo(ContactChannel.SMS));
    }

    @Test
    void givenWebhookPreferredOnChannelWithoutWebhook_whenRegistered_thenNotToldAndReasonRecorded() {
        AppealSubmitted appeal = Appeals.submitted(appealId, "telegram-bot", Language.ru,
                Appeals.citizen(ContactChannel.WEBHOOK, null, null, Language.ru));

        assertThat(planner.forSubmission("ev-1", appeal, CitizenContact.of(appeal))).singleElement()
                .satisfies(p -> assertThat(p.skipReason()).isEqualTo(NotificationPlanner.SKIP_NO_WEBHOOK));
    }

    @Test
    void givenRouted_whenPlanned_thenCitizenHearsTheDepartmentNameInTheirLanguageAndDepartmentGetsTheAssignment() {
        CitizenContact contact = contact(ContactChannel.SMS, "+77011234567", null, "web");

        List<PlannedNotification> planned = planner.forLifecycle("ev-3",
                Appeals.step(appealId, 1, LifecycleType.ROUTED, "roads"), Optional.of(contact));

        assertThat(planned).extracting(PlannedNotification::template, PlannedNotification::role, PlannedNotification::channel,
                PlannedNotification::address).containsExactly(
                org.assertj.core.groups.Tuple.tuple(MessageTemplate.APPEAL_ROUTED, RecipientRole.CITIZEN, ContactChannel.SMS, "+77011234567"),
                org.assertj.core.groups.Tuple.tuple(MessageTemplate.DEPARTMENT_ASSIGNED, RecipientRole.DEPARTMENT, ContactChannel.EMAIL, "roads@akimat.test"));
        assertThat(planned.get(0).values()).containsEntry("department", "Жол бөлімі");
        assertThat(planned.get(1).values()).containsEntry("department", "Отдел дорог")
                .containsEntry("category", "Уличное освещение"); // named in the staff's language, not "street-lighting"
        assertThat(planned.get(1).language()).isEqualTo(Language.ru);
    }

    @Test
    void givenExtension_whenPlanned_thenCitizenHearsTheNewDeadlineAndReason() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-4",
                Appeals.step(appealId, 3, LifecycleType.EXTENDED, "roads"), Optional.of(contact(ContactChannel.EMAIL, null, "a@mail.kz", "web")));

        assertThat(planned).singleElement().satisfies(p -> assertThat(p.values())
                .containsEntry("deadline", EXTENDED_DEADLINE_IN_ALMATY).containsEntry("reason", Appeals.EXTENSION_REASON));
    }

    @Test
    void givenAnswer_whenPlanned_thenCitizenGetsTheAnswerAndTheLinkToRateIt() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-5",
                Appeals.step(appealId, 4, LifecycleType.ANSWERED, "roads"), Optional.of(contact(ContactChannel.EMAIL, null, "a@mail.kz", "web")));

        assertThat(planned).singleElement().satisfies(p -> assertThat(p.values())
                .containsEntry("answer", Appeals.ANSWER)
                // in the citizen's language (Kazakh here), whatever their browser says
                .containsEntry("feedbackUrl", "https://appeals.test/appeals/" + Appeals.trackingCodeOf(appealId) + "/feedback?lang=kk"));
    }

    @Test
    void givenForwardOutsideTheAkimat_whenPlanned_thenOnlyTheCitizenHearsToWhomAndWhy() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-6",
                Appeals.step(appealId, 2, LifecycleType.FORWARDED, "roads"), Optional.of(contact(ContactChannel.EMAIL, null, "a@mail.kz", "web")));

        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo(MessageTemplate.APPEAL_FORWARDED);
            assertThat(p.values()).containsEntry("forwardedTo", Appeals.OUTSIDE_BODY).containsEntry("reason", Appeals.FORWARD_REASON);
        });
    }

    @Test
    void givenForwardToAnotherDepartment_whenPlanned_thenThatDepartmentGetsTheAssignmentBySmsWhenItHasOnlyAPhone() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-7",
                Appeals.forwardedInside(appealId, 2, "roads", "water"), Optional.of(contact(ContactChannel.EMAIL, null, "a@mail.kz", "web")));

        assertThat(planned).extracting(PlannedNotification::template).containsExactly(MessageTemplate.APPEAL_FORWARDED,
                MessageTemplate.DEPARTMENT_ASSIGNED);
        assertThat(planned.get(1).channel()).isEqualTo(ContactChannel.SMS);
        assertThat(planned.get(1).address()).isEqualTo("+77010000002");
    }

    @Test
    void givenAReportForwardedOutOfAntiCorruption_whenPlanned_thenTheDepartmentThatHoldsItNowIsToldAsOfAnyAssignment() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-7b",
                Appeals.forwardedInside(appealId, 2, "anti-corruption", "roads"), Optional.empty());

        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.template()).isEqualTo(MessageTemplate.DEPARTMENT_ASSIGNED);
            assertThat(p.skipped()).as("a missing notice would mark where the appeal came from").isFalse();
            assertThat(p.address()).isEqualTo("roads@akimat.test");
            assertThat(p.confidential()).as("operators still see none of it").isTrue();
        });
    }

    @Test
    void givenAReportsEscalation_whenTheAkimsOfficeIsOnlySeededSoFar_thenItIsStillNotTold() {
        // Seeded (configured) and not yet named by the directory: counted confidential, which must not make it a reader
        // of another department's reports.
        DepartmentContact seeded = new DepartmentContact("akim-seeded", 0, Map.of(), "akim@akimat.test", null, true, false);
        NotificationPlanner early = new NotificationPlanner(
                code -> code.equals("akim-seeded") ? Optional.of(seeded) : Optional.ofNullable(DIRECTORY.get(code)),
                code -> !DIRECTORY.containsKey(code) || DIRECTORY.get(code).confidential(), Set.of("egov-app"), Language.ru,
                "akim-seeded", "https://appeals.test/");

        assertThat(early.forLifecycle("ev-9c", Appeals.step(appealId, 7, LifecycleType.ESCALATED, "anti-corruption"),
                Optional.empty())).singleElement().satisfies(escalation -> {
                    assertThat(escalation.withheld()).isTrue();
                    assertThat(escalation.address()).isNull();
                });
    }

    @Test
    void givenAnEscalation_whenTheDepartmentIsNotYetInTheDirectory_thenTheAkimOfficeIsNotToldUntilItsFlagIsKnown() {
        assertThat(planner.forLifecycle("ev-9b", Appeals.step(appealId, 7, LifecycleType.ESCALATED, "not-yet-named"), Optional.empty()))
                .singleElement().satisfies(p -> assertThat(p.skipReason()).isEqualTo(NotificationPlanner.SKIP_CONFIDENTIAL));
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleType.class, names = {"SLA_WARNING", "SLA_BREACHED"})
    void givenDeadlineEvents_whenPlanned_thenOnlyTheDepartmentIsTold(LifecycleType type) {
        List<PlannedNotification> planned = planner.forLifecycle("ev-8", Appeals.step(appealId, 6, type, "roads"), Optional.empty());

        assertThat(planned).singleElement().satisfies(p -> {
            assertThat(p.role()).isEqualTo(RecipientRole.DEPARTMENT);
            assertThat(p.address()).isEqualTo("roads@akimat.test");
            assertThat(p.values()).containsEntry("deadline", DEADLINE_IN_ALMATY);
        });
        assertThat(planner.tellsCitizen(type)).isFalse();
    }

    @Test
    void givenEscalation_whenPlanned_thenTheAkimOfficeIsTold() {
        assertThat(planner.forLifecycle("ev-9", Appeals.step(appealId, 7, LifecycleType.ESCALATED, "roads"), Optional.empty()))
                .singleElement().satisfies(p -> {
                    assertThat(p.role()).isEqualTo(RecipientRole.AKIM_OFFICE);
                    assertThat(p.template()).isEqualTo(MessageTemplate.AKIM_OFFICE_ESCALATED);
                    assertThat(p.address()).isEqualTo("akim@akimat.test");
                });
    }

    @Test
    void givenDepartmentWithoutContact_whenAssigned_thenNotToldAndReasonRecorded() {
        assertThat(planner.forLifecycle("ev-10", Appeals.step(appealId, 1, LifecycleType.REOPENED, "silent"), Optional.empty()))
                .singleElement().satisfies(p -> assertThat(p.skipReason()).isEqualTo(NotificationPlanner.SKIP_NO_DEPARTMENT_CONTACT));
    }

    @ParameterizedTest
    @EnumSource(value = LifecycleType.class, names = {"ACCEPTED", "INFO_PROVIDED"})
    void givenStepsNobodyNeedsToHearOf_whenPlanned_thenNothingIsPlanned(LifecycleType type) {
        assertThat(planner.forLifecycle("ev-11", Appeals.step(appealId, 2, type, "roads"),
                Optional.of(contact(ContactChannel.EMAIL, null, "a@mail.kz", "web")))).isEmpty();
    }

    @Test
    void givenCitizenStepBeforeTheSubmissionWasSeen_whenPlanned_thenOnlyStaffPartIsPlannedAndCitizenIsStillDue() {
        List<PlannedNotification> planned = planner.forLifecycle("ev-12",
                Appeals.step(appealId, 1, LifecycleType.ROUTED, "roads"), Optional.empty());

        assertThat(planned).extracting(PlannedNotification::role).containsExactly(RecipientRole.DEPARTMENT);
        assertThat(planner.tellsCitizen(LifecycleType.ROUTED)).isTrue();
    }

    /** A parked event's release: the staff part was planned when the event came. */
    @ParameterizedTest
    @EnumSource(value = LifecycleType.class)
    void givenAnyChange_whenOnlyTheCitizensPartIsPlanned_thenItIsForLifecyclesCitizenPartAndNothingElse(LifecycleType type) {
        CitizenContact contact = contact(ContactChannel.EMAIL, null, "a@mail.kz", "web");
        AppealLifecycleEvent event = Appeals.step(appealId, 3, type, "roads");

        Optional<PlannedNotification> planned = planner.forCitizenOnly("ev-12", event, contact);

        if (!planner.tellsCitizen(type)) {
            assertThat(planned).isEmpty();
            return;
        }
        assertThat(planned).hasValueSatisfying(p -> {
            assertThat(p.sourceEventId()).isEqualTo("ev-12");
            assertThat(p.role()).isEqualTo(RecipientRole.CITIZEN);
            assertThat(p.channel()).isEqualTo(ContactChannel.EMAIL);
            assertThat(p.address()).isEqualTo("a@mail.kz");
            assertThat(p.language()).isEqualTo(Language.kk);
            assertThat(p.values()).containsEntry("deadline",
                    type == LifecycleType.EXTENDED ? EXTENDED_DEADLINE_IN_ALMATY : DEADLINE_IN_ALMATY);
        });
    }

    @Test
    void givenSameEventAndRole_whenIdsCompared_thenEqual_andDifferentRecipientsDiffer() {
        String id = PlannedNotification.idOf("ev-1", RecipientRole.CITIZEN);

        assertThat(PlannedNotification.idOf("ev-1", RecipientRole.CITIZEN)).isEqualTo(id);
        assertThat(PlannedNotification.idOf("ev-1", RecipientRole.DEPARTMENT)).isNotEqualTo(id);
        assertThat(PlannedNotification.idOf("ev-2", RecipientRole.CITIZEN)).isNotEqualTo(id);
    }

    @Test
    void givenAnAssignmentReplayedAfterTheDepartmentsContactChanged_whenPlannedAgain_thenItIsTheSameNotification() {
        PlannedNotification byEmail = planner.forLifecycle("ev-7", Appeals.forwardedInside(appealId, 2, "water", "roads"),
                Optional.empty()).getLast();
        // Since then the directory says roads has only a phone; the same event comes again (a replay, a redelivery).
        Map<String, DepartmentContact> changed = new java.util.HashMap<>(DIRECTORY);
        changed.put("roads", new DepartmentContact("roads", 2, Map.of(), null, "+77010000009", false, false));
        NotificationPlanner later = new NotificationPlanner(code -> Optional.ofNullable(changed.get(code)),
                code -> !changed.containsKey(code) || changed.get(code).confidential(), Set.of("egov-app"), Language.ru,
                "akim-office", "https://appeals.test/");
        PlannedNotification bySms = later.forLifecycle("ev-7", Appeals.forwardedInside(appealId, 2, "water", "roads"),
                Optional.empty()).getLast();

        assertThat(bySms.channel()).isEqualTo(ContactChannel.SMS);
        assertThat(bySms.id()).as("found already recorded: nothing is sent again").isEqualTo(byEmail.id());
    }

    private CitizenContact contact(ContactChannel preferred, String phone, String email, String channel) {
        return new CitizenContact(appealId, Appeals.trackingCodeOf(appealId), channel, "ext-1", false, preferred, phone,
                email, Language.kk, Appeals.RECEIVED_AT, Appeals.DEADLINE);
    }
}
