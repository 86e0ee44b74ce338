package kz.hearingstate.notification.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import kz.hearingstate.events.ContactChannel;
import kz.hearingstate.events.DepartmentChanged;
import kz.hearingstate.events.EventTypes;
import kz.hearingstate.events.Language;
import kz.hearingstate.events.LifecycleType;
import kz.hearingstate.events.Topics;
import kz.hearingstate.notification.delivery.Notification;
import kz.hearingstate.notification.delivery.NotificationStatus;
import kz.hearingstate.notification.delivery.NotificationStore;
import kz.hearingstate.notification.directory.DepartmentDirectory;
import kz.hearingstate.notification.support.Appeals;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Departments and the akim's office, the department directory, event order, and the operators' view. */
class StaffNotificationIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private NotificationStore store;
    @Autowired
    private DepartmentDirectory directory;
    @LocalServerPort
    private int port;

    @Test
    void givenAnonymousAppeal_whenRoutedWarnedBreachedEscalatedAndForwarded_thenStaffHearEachAndCitizenIsNotTold() throws Exception {
        String appealId = Appeals.newAppealId();
        String code = Appeals.trackingCodeOf(appealId);
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.kk, null));
        publishStep(appealId, 1, LifecycleType.ROUTED);
        publishStep(appealId, 2, LifecycleType.SLA_WARNING);
        publishStep(appealId, 3, LifecycleType.SLA_BREACHED);
        publishStep(appealId, 4, LifecycleType.ESCALATED);
        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":5", LifecycleType.FORWARDED.eventType(),
                Appeals.forwardedInside(appealId, 5, "roads", "water"));

        List<String> roadsSubjects = await().atMost(Duration.ofSeconds(30))
                .until(() -> subjects(mailsTo("roads@akimat.test"), code), subjects -> subjects.size() >= 3);
        assertThat(roadsSubjects).containsExactly(
                "Новое обращение " + code + ", срок ответа до " + Appeals.DEADLINE_IN_ALMATY,
                "Срок ответа по обращению " + code + " истекает " + Appeals.DEADLINE_IN_ALMATY,
                "Нарушен срок ответа по обращению " + code);
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> subjects(mailsTo("akim-office@akimat.test"), code),
                subjects -> !subjects.isEmpty())).containsExactly("Эскалация: обращение " + code);
        // Routing escalates only when the deadline passed; the message says so in its language, not the event's English.
        MimeMessage escalation = mailsTo("akim-office@akimat.test").stream()
                .filter(mail -> !subjects(List.of(mail), code).isEmpty()).findFirst().orElseThrow();
        assertThat((String) escalation.getContent())
                .contains("Причина: срок ответа истёк, ответа нет").doesNotContain("The answer is overdue");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> HTTP.received(SMS_PATH, code), r -> !r.isEmpty()))
                .singleElement().satisfies(sms -> assertThat(sms.body()).contains(WATER_PHONE, "Подразделению «water» передано обращение " + code));

        List<Notification> recorded = store.forAppeal(appealId);
        assertThat(recorded).filteredOn(n -> n.recipientRole().name().equals("CITIZEN"))
                .extracting(Notification::template, Notification::status, Notification::skipReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("appeal-registered", NotificationStatus.SKIPPED, "anonymous-appeal"),
                        org.assertj.core.groups.Tuple.tuple("appeal-routed", NotificationStatus.SKIPPED, "anonymous-appeal"),
                        org.assertj.core.groups.Tuple.tuple("appeal-forwarded", NotificationStatus.SKIPPED, "anonymous-appeal"));
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void givenAConfidentialDepartmentsAppeal_whenRoutedWarnedBreachedAndEscalated_thenOnlyItsOfficerIsMailedAndOperatorsSeeNoContent(
            CapturedOutput log) throws Exception {
        // Not named anti-corruption: the directory's confidential flag is what protects the appeal.
        awaitConsumed(publish(Topics.DEPARTMENTS_DIRECTORY, "integrity", "integrity:1", EventTypes.DEPARTMENT_CHANGED,
                new DepartmentChanged("integrity", 1, Map.of(Language.kk, "Адалдық", Language.ru, "Добропорядочность",
                        Language.en, "Integrity"), null, "integrity-officer@akimat.test", null, null, List.of("corruption"),
                        List.of(), true, true, false, "admin", Instant.now())));
        String appealId = Appeals.newAppealId();
        String code = Appeals.trackingCodeOf(appealId);
        String email = "whistle-" + appealId.substring(3, 11) + "@mail.test";
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.ru, Appeals.citizen(ContactChannel.EMAIL, null, email, Language.ru)));
        long sequence = 0;
        for (LifecycleType type : List.of(LifecycleType.ROUTED, LifecycleType.SLA_WARNING, LifecycleType.SLA_BREACHED,
                LifecycleType.ESCALATED)) {
            sequence++;
            publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":" + sequence, type.eventType(),
                    Appeals.step(appealId, sequence, type, "integrity"));
        }

        assertThat(await().atMost(Duration.ofSeconds(30)).until(
                () -> subjects(mailsTo("integrity-officer@akimat.test"), code), subjects -> subjects.size() >= 3)).hasSize(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.forAppeal(appealId).stream()
                .anyMatch(n -> n.template().equals("akim-office-escalated")));
        assertThat(store.forAppeal(appealId)).filteredOn(n -> n.template().equals("akim-office-escalated"))
                .singleElement().satisfies(escalation -> {
                    assertThat(escalation.status()).isEqualTo(NotificationStatus.SKIPPED);
                    assertThat(escalation.skipReason()).isEqualTo("confidential-department");
                    assertThat(escalation.body()).isNull();
                });
        assertThat(subjects(mailsTo("akim-office@akimat.test"), code)).as("the akim's office is not told").isEmpty();
        assertThat(recipientsOfMailsAbout(code)).containsOnly("integrity-officer@akimat.test", email);

        HttpResponse<String> response = get("/api/v1/notifications?appealId=" + appealId, OPERATOR_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(code, "integrity-officer", "whistle-", "***");
        json.readTree(response.body()).forEach(view -> {
            assertThat(view.get("subject").isNull()).isTrue();
            assertThat(view.get("body").isNull()).isTrue();
        });
        // Nor the log, at DEBUG: no mailbox, masked or not, and no line naming the appeal says it is confidential.
        assertThat(log.getAll()).doesNotContain("@akimat.test", "@mail.test");
        assertThat(log.getAll().lines().filter(line -> line.contains(appealId)))
                .noneMatch(line -> line.contains("confidential") || line.contains("integrity"));
        // Nor the withheld notice's id, which anyone who knows the appeal's id can compute.
        String withheldId = store.forAppeal(appealId).stream().filter(n -> n.template().equals("akim-office-escalated"))
                .findFirst().orElseThrow().id();
        assertThat(log.getAll()).doesNotContain(withheldId);
    }

    @Test
    void givenOperatorWithKey_whenListingNotificationsOfAnAppeal_thenRecipientsAreMaskedAndOutcomesShown() throws Exception {
        String appealId = Appeals.newAppealId();
        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.ru,
                        Appeals.citizen(ContactChannel.EMAIL, "+77017654321", "dana.operator@mail.test", Language.ru)));
        publishStep(appealId, 1, LifecycleType.ROUTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.forAppeal(appealId).stream()
                .filter(n -> n.status() == NotificationStatus.SENT).count() == 3);

        HttpResponse<String> response = get("/api/v1/notifications?appealId=" + appealId, OPERATOR_KEY);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("dana.operator@", "7017654321", "roads@akimat.test");
        Map<String, JsonNode> byTemplate = new java.util.HashMap<>();
        json.readTree(response.body()).forEach(view -> byTemplate.put(view.get("template").asString(), view));
        assertThat(byTemplate).containsOnlyKeys("appeal-registered", "appeal-routed", "department-assigned");
        JsonNode registered = byTemplate.get("appeal-registered");
        assertThat(registered.get("recipientRole").asString()).isEqualTo("CITIZEN");
        assertThat(registered.get("recipient").asString()).isEqualTo("d***@mail.test");
        assertThat(registered.get("status").asString()).isEqualTo("SENT");
        assertThat(registered.get("attempts").asInt()).isEqualTo(1);
        assertThat(registered.get("sentAt").asString()).isNotBlank();
        assertThat(registered.get("subject").asString()).contains(Appeals.trackingCodeOf(appealId));
        assertThat(byTemplate.get("department-assigned").get("recipient").asString()).isEqualTo("r***@akimat.test");
    }

    @Test
    void givenNoOrWrongOperatorKey_whenListing_thenProblemJson401() throws Exception {
        for (String key : new String[] {null, "guess"}) {
            HttpResponse<String> response = get("/api/v1/notifications?appealId=ap-1", key);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(json.readTree(response.body()).get("type").asString())
                    .isEqualTo("https://hearingstate.kz/problems/unauthenticated");
        }
    }

    @Test
    void givenDirectoryChange_whenDepartmentGetsNewEmail_thenNextNoticesGoThereAndAnOlderVersionChangesNothing() throws Exception {
        publishDepartment("parks", 2, "parks-new@akimat.test");
        awaitConsumed(publishDepartment("parks", 1, "parks-old@akimat.test"));
        assertThat(directory.find("parks")).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("parks-new@akimat.test"));
        String appealId = Appeals.newAppealId();
        String code = Appeals.trackingCodeOf(appealId);
        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":1", LifecycleType.ROUTED.eventType(),
                Appeals.step(appealId, 1, LifecycleType.ROUTED, "parks"));

        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> subjects(mailsTo("parks-new@akimat.test"), code),
                s -> !s.isEmpty())).hasSize(1);
        assertThat(subjects(mailsTo("parks-old@akimat.test"), code)).isEmpty();
    }

    @Test
    void givenRoutedArrivesBeforeTheSubmission_whenSubmissionArrives_thenCitizenStillHearsOfBothOnce() throws Exception {
        String appealId = Appeals.newAppealId();
        String code = Appeals.trackingCodeOf(appealId);
        String email = "early-" + appealId.substring(3, 11) + "@mail.test";
        publishStep(appealId, 1, LifecycleType.ROUTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !subjects(mailsTo("roads@akimat.test"), code).isEmpty());

        publish(Topics.APPEALS_SUBMITTED, appealId, appealId + ":submitted", EventTypes.APPEAL_SUBMITTED,
                Appeals.submitted(appealId, "web", Language.en, Appeals.citizen(ContactChannel.EMAIL, null, email, Language.en)));

        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> subjects(mailsTo(email), code), s -> s.size() >= 2))
                .containsExactlyInAnyOrder("Your appeal " + code + " has been registered",
                        "Appeal " + code + " is now being considered");
        assertThat(subjects(mailsTo("roads@akimat.test"), code)).as("the department is told once").hasSize(1);
    }

    @Test
    void givenAnEscalation_whenItsDepartmentIsNotYetInTheDirectory_thenTheAkimsOfficeIsNotTold() {
        // The directory and the appeal topics are not ordered: until a department's flag is known, it may be confidential.
        String appealId = Appeals.newAppealId();
        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":1", LifecycleType.ESCALATED.eventType(),
                Appeals.step(appealId, 1, LifecycleType.ESCALATED, "not-yet-named"));

        await().atMost(Duration.ofSeconds(30)).until(() -> !store.forAppeal(appealId).isEmpty());
        assertThat(store.forAppeal(appealId)).singleElement().satisfies(escalation -> {
            assertThat(escalation.template()).isEqualTo("akim-office-escalated");
            assertThat(escalation.status()).isEqualTo(NotificationStatus.SKIPPED);
            assertThat(escalation.skipReason()).isEqualTo("confidential-department");
        });
    }

    private void publishStep(String appealId, long sequence, LifecycleType type) {
        publish(Topics.APPEALS_LIFECYCLE, appealId, appealId + ":" + sequence, type.eventType(),
                Appeals.step(appealId, sequence, type, "roads"));
    }

    private RecordMetadata publishDepartment(String code, long version, String email) {
        return publish(Topics.DEPARTMENTS_DIRECTORY, code, code + ":" + version, EventTypes.DEPARTMENT_CHANGED,
                new DepartmentChanged(code, version, Map.of(Language.kk, "Саябақтар", Language.ru, "Парки", Language.en, "Parks"),
                        null, email, null, null, List.of("parks"), List.of(), false, false, false, "admin", Instant.now()));
    }

    private static List<String> recipientsOfMailsAbout(String trackingCode) throws MessagingException {
        List<String> recipients = new java.util.ArrayList<>();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            if (mail.getSubject().contains(trackingCode)) {
                for (jakarta.mail.Address address : mail.getAllRecipients()) {
                    recipients.add(address.toString());
                }
            }
        }
        return recipients;
    }

    private static List<String> subjects(List<MimeMessage> mails, String trackingCode) {
        return mails.stream().map(mail -> {
            try {
                return mail.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).filter(subject -> subject.contains(trackingCode)).toList();
    }

    private HttpResponse<String> get(String path, String operatorKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (operatorKey != null) {
            request.header("X-Api-Key", operatorKey);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
