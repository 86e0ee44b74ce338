package kz.hearingstate.analytics.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class HotspotRuleTest {

    private final HotspotRule rule = new HotspotRule(Duration.ofHours(6), 8, 5, 3.0);

    @Test
    void givenAQuietPlace_whenFiveSimilarAppealsArrive_thenTheMinimumCountDecides() {
        assertThat(rule.isSurge(4, rule.baseline(0))).isFalse();
        assertThat(rule.isSurge(5, rule.baseline(0))).isTrue();
    }

    @Test
    void givenABusyPlace_whenTheCountIsBelowThreeTimesItsUsualRate_thenNoSurge() {
        double baseline = rule.baseline(24); // 3 per window over the last 8 windows
        assertThat(rule.isSurge(8, baseline)).isFalse();
        assertThat(rule.isSurge(9, baseline)).isTrue();
    }

    @Test
    void givenAnAppealTime_whenWindowsAreComputed_thenTheBaselineCoversTheEightWindowsBefore() {
        Instant end = Instant.parse("2026-03-18T12:00:00Z");
        assertThat(rule.windowStart(end)).isEqualTo(Instant.parse("2026-03-18T06:00:00Z"));
        assertThat(rule.baselineStart(end)).isEqualTo(Instant.parse("2026-03-16T06:00:00Z"));
    }

    @Test
    void givenTheSameSurge_whenItsIdIsComputedTwice_thenItIsTheSameAndDiffersByPlace() {
        Instant at = Instant.parse("2026-03-18T04:40:00Z");
        assertThat(HotspotDetector.incidentId("water", "settlement", "Samsy", at))
                .isEqualTo(HotspotDetector.incidentId("water", "settlement", "Samsy", at))
                .isNotEqualTo(HotspotDetector.incidentId("water", "settlement", "Uzynagash", at))
                .startsWith("incident-");
    }

    @Test
    void givenTheDetectingAppealsTime_whenTheIdIsComputed_thenOnlyItsHourCountsSoThePublicIdCannotBeHashedBackToIt() {
        Instant at = Instant.parse("2026-03-18T04:40:17.123Z");
        String id = HotspotDetector.incidentId("water", "settlement", "Samsy", at);
        assertThat(id).isEqualTo(HotspotDetector.incidentId("water", "settlement", "Samsy", Instant.parse("2026-03-18T04:00:00Z")))
                .isEqualTo(HotspotDetector.incidentId("water", "settlement", "Samsy", Instant.parse("2026-03-18T04:59:59.999Z")))
                .isNotEqualTo(HotspotDetector.incidentId("water", "settlement", "Samsy", Instant.parse("2026-03-18T05:00:00Z")));
    }

    @Test
    void givenAWindowShorterThanTheHourTheIdHashes_whenConfigured_thenTheServiceRefusesToStart() {
        assertThatThrownBy(() -> new kz.hearingstate.analytics.config.AnalyticsProperties.Hotspots(java.time.Duration.ofMinutes(30),
                8, 5, 3.0, java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1h");
        assertThat(new kz.hearingstate.analytics.config.AnalyticsProperties.Hotspots(java.time.Duration.ofHours(1), 8, 5, 3.0,
                java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(30)).window()).isEqualTo(java.time.Duration.ofHours(1));
    }
}
