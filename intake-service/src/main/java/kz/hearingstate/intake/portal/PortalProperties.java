package kz.hearingstate.intake.portal;

import java.net.URI;

import kz.hearingstate.intake.config.IntakeProperties.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hearing.intake.portal.*}: the citizen portal under {@code /portal}.
 *
 * @param channel         the channel id the portal submits as: it holds no key (it calls intake in-process), and none
 *                        may be configured for it, or an API client could act as the portal
 * @param transparencyUrl the public transparency page (analytics) the portal links to
 * @param submitRateLimit token bucket per client address for the portal's form posts (appeals, replies, ratings)
 * @param lookupRateLimit token bucket per client address for opening a private link
 */
@ConfigurationProperties("hearing.intake.portal")
public record PortalProperties(
        @DefaultValue("citizen-portal") String channel,
        @DefaultValue("http://127.0.0.1:8084/") URI transparencyUrl,
        @DefaultValue RateLimit submitRateLimit,
        @DefaultValue RateLimit lookupRateLimit) {
}
