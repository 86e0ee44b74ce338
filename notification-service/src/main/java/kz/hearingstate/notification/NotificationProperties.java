package kz.hearingstate.notification;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import kz.hearingstate.events.Language;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.notification.*}: who is reached how. Every field is in the README's configuration table.
 *
 * @param publicBaseUrl  where citizens open the public pages; the answer's rating link starts with it
 * @param staffLanguage  the language of messages to departments and the akim's office
 * @param akimOffice     the directory code of the akim's office, told of each escalation
 * @param departments    fallback contacts per department code, used until the directory names the department
 * @param confidentialDepartments departments whose seed (fallback contact) counts as confidential, until the
 *                       directory's own flag arrives: a contact configured for anti-corruption must not make its reports
 *                       told to others meanwhile (intake's {@code hearing.intake.confidential-departments} likewise)
 */
@ConfigurationProperties("hearing.notification")
public record NotificationProperties(
        @DefaultValue("http://127.0.0.1:8081") String publicBaseUrl,
        @DefaultValue("ru") Language staffLanguage,
        @DefaultValue("akim-office") String akimOffice,
        @DefaultValue Delivery delivery,
        @DefaultValue Email email,
        @DefaultValue Sms sms,
        @DefaultValue Webhook webhook,
        Map<String, DepartmentContactSeed> departments,
        @DefaultValue("anti-corruption") Set<String> confidentialDepartments,
        @DefaultValue EmbeddedSmtp embeddedSmtp) {

    public NotificationProperties {
        departments = departments == null ? Map.of() : Map.copyOf(departments);
        confidentialDepartments = confidentialDepartments == null ? Set.of() : Set.copyOf(confidentialDepartments);
    }

    /**
     * @param pollInterval   how often the delivery worker searches the store for due notifications it was not
     *                       handed (a retry a restart forgot, a dead worker's claim, another instance's);
     *                       what this instance records goes out at once without a search
     * @param batchSize      notifications claimed per poll, and per round of sending (see DeliveryWorker)
     * @param parallelism    appeals whose notifications are sent at the same time (each appeal's in order)
     * @param maxAttempts    delivery attempts, the first included, before a notification is FAILED
     * @param initialBackoff the wait after the first failed attempt
     * @param multiplier     growth of the wait with each further failure
     * @param maxBackoff     the longest wait between two attempts
     * @param lease          how long a claimed notification stays claimed; after a crash it is tried again then
     */
    public record Delivery(
            @DefaultValue("30s") Duration pollInterval,
            @DefaultValue("200") int batchSize,
            @DefaultValue("16") int parallelism,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("5s") Duration initialBackoff,
            @DefaultValue("3.0") double multiplier,
            @DefaultValue("10m") Duration maxBackoff,
            @DefaultValue("5m") Duration lease) {
    }

    /** @param from the sender address of e-mails */
    public record Email(@DefaultValue("noreply@hearingstate.kz") String from) {
    }

    /**
     * @param url     the HTTP gateway's send endpoint; empty disables SMS
     * @param token   sent as {@code Authorization: Bearer <token>}
     * @param sender  the sender name the gateway shows
     * @param timeout connect and response timeout
     */
    public record Sms(
            @DefaultValue("") String url,
            @DefaultValue("") String token,
            @DefaultValue("Akimat") String sender,
            @DefaultValue("5s") Duration timeout) {
    }

    /**
     * @param timeout  connect and response timeout
     * @param channels callback URL and signing secret per intake channel (e.g. {@code egov-mobile})
     */
    public record Webhook(
            @DefaultValue("5s") Duration timeout,
            Map<String, WebhookEndpoint> channels) {

        public Webhook {
            channels = channels == null ? Map.of() : Map.copyOf(channels);
        }
    }

    public record WebhookEndpoint(String url, String secret) {
    }

    /** A department's contact as configured, until {@code department.changed.v1} brings the real one. */
    public record DepartmentContactSeed(String email, String phone, Map<Language, String> names) {

        public DepartmentContactSeed {
            names = names == null ? Map.of() : Map.copyOf(names);
        }
    }

    /**
     * @param enabled run a GreenMail SMTP server inside this service (local stack only) and list what it received
     * @param host    the address it listens on
     * @param port    its SMTP port
     */
    public record EmbeddedSmtp(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("127.0.0.1") String host,
            @DefaultValue("2525") int port) {
    }
}
