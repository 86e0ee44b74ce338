package kz.hearingstate.intake.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.intake.*}: channels' rate limits, the legal term, and the category catalogue. Channel keys are
 * {@code hearing.web.security.keys.channel.<id>} (appeal-web), the body limit {@code hearing.web.max-body-size}.
 *
 * @param channels           channel id to its settings
 * @param answerWorkingDays  the legal answer term in working days, counted from registration
 * @param brokerRetryAfter   the Retry-After sent with 503 when Kafka did not acknowledge
 * @param categories         the category catalogue (categories.yml), one Open311 service each
 * @param citizenAccessKey   the server-side HMAC key of the citizens' access secrets (at least 32 characters,
 *                           never in the repository); changing it changes the secret of every later retry
 * @param confidentialDepartments departments whose appeals are never shown publicly (Open311 GETs), not even once
 *                           forwarded elsewhere; the only place that names them in intake
 * @param lookupRateLimit    the token bucket of each client address for the lookups and replies that need no
 *                           channel key (the citizen's secret links)
 * @param admission          the bound on submissions waiting for Kafka at once
 */
@ConfigurationProperties("hearing.intake")
public record IntakeProperties(
        @DefaultValue Map<String, ChannelSettings> channels,
        @DefaultValue("15") int answerWorkingDays,
        @DefaultValue("5s") Duration brokerRetryAfter,
        @DefaultValue List<Category> categories,
        String citizenAccessKey,
        @DefaultValue RateLimit lookupRateLimit,
        @DefaultValue("anti-corruption") Set<String> confidentialDepartments,
        @DefaultValue Admission admission) {

    /**
     * @param maxInFlight submissions admitted at once, across all channels and the portal
     * @param maxWait     how long a submission beyond the bound waits for a place before 503 {@code overloaded}
     * @param arrivalBudget how long a submission to the JSON API may wait for one of Tomcat's threads; beyond it,
     *                    503 {@code overloaded} at once, before its body is read
     * @param answerWithin how long after its admission a submission is due: past it, one whose idempotency key is
     *                    still not reserved gets 503 {@code overloaded}, and one Kafka acknowledged is answered 202
     *                    without waiting longer for the writes after the acknowledgement
     * @param maxStoreWrites the submissions' store writes (reservations, status views) that may run at once,
     *                    answered or not; beyond it a new submission gets 503 {@code overloaded} at once. They take
     *                    milliseconds: only a store that hangs gathers this many
     * @param retryAfter  the Retry-After sent with that 503
     */
    public record Admission(
            @DefaultValue("24") int maxInFlight,
            @DefaultValue("100ms") Duration maxWait,
            @DefaultValue("500ms") Duration arrivalBudget,
            @DefaultValue("1200ms") Duration answerWithin,
            @DefaultValue("96") int maxStoreWrites,
            @DefaultValue("1s") Duration retryAfter) {
    }

    /** @param rateLimit the channel's token bucket */
    public record ChannelSettings(@DefaultValue RateLimit rateLimit) {
    }

    /**
     * @param capacity        the burst: requests allowed at once
     * @param refillPerSecond the sustained rate
     */
    public record RateLimit(
            @DefaultValue("50") int capacity,
            @DefaultValue("10") double refillPerSecond) {

        public static final RateLimit DEFAULT = new RateLimit(50, 10);
    }

    /**
     * @param code       the category code, also the Open311 service_code
     * @param department the department code routing will most likely choose
     * @param group      the Open311 service group
     */
    public record Category(String code, String department, String group) {
    }
}
