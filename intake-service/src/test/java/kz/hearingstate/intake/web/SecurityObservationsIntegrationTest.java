package kz.hearingstate.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import kz.hearingstate.intake.IntakeIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The service has an observation registry, for its metrics; with one, Spring Security would wrap every filter of
 * every request in an observation nothing reads (2.7 % of intake's CPU samples under load). The shared edge
 * (appeal-web's {@code ApiSecurityConfiguration}) switches them off where the chains are built, for every service.
 */
class SecurityObservationsIntegrationTest extends IntakeIntegrationTest {

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Autowired
    ObservationRegistry observations;

    @Test
    void givenTheServicesObservationRegistry_whenItsFilterChainsAreBuilt_thenNoFilterIsWrappedForObservation() {
        assertThat(observations.isNoop()).isFalse(); // else Spring Security would not wrap, and this could not fail
        // The bean is Spring Security's composite of the filter chain proxy it built, which holds the decorator.
        Object built = ReflectionTestUtils.getField(springSecurityFilterChain, "springSecurityFilterChain");
        assertThat(built).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(built, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
