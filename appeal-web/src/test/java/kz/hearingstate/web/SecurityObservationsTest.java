package kz.hearingstate.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import kz.hearingstate.web.testapp.TestApplication;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.ObservationFilterChainDecorator;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Every service has an observation registry, for its metrics; with one, Spring Security wraps every filter of every
 * request in an observation nothing reads (2.7 % of intake's CPU samples under load). The shared edge switches them
 * off where the chains are built ({@code ApiSecurityConfiguration}), for every service.
 */
@SpringBootTest(classes = {TestApplication.class, SecurityObservationsTest.WithObservationRegistry.class})
class SecurityObservationsTest {

    /** A service's registry: one with no handler is a no-op, for which Spring Security would not wrap anyway. */
    @TestConfiguration(proxyBeanMethods = false)
    static class WithObservationRegistry {
        @Bean
        ObservationRegistry observationRegistry() {
            ObservationRegistry registry = ObservationRegistry.create();
            registry.observationConfig().observationHandler(context -> true);
            return registry;
        }
    }

    @Autowired
    FilterChainProxy springSecurityFilterChain;

    @Autowired
    ObservationRegistry observations;

    @Test
    void givenAServiceWithAnObservationRegistry_whenItsFilterChainsAreBuilt_thenNoFilterIsWrappedForObservation() {
        assertThat(observations.isNoop()).isFalse(); // else this test could not fail
        // The bean is Spring Security 7's composite around the filter chain proxy it built, which holds the decorator
        // (private fields of 7.0.6: a newer version may move them, and this test then says so).
        Object built = ReflectionTestUtils.getField(springSecurityFilterChain, "springSecurityFilterChain");
        assertThat(built).isInstanceOf(FilterChainProxy.class);
        assertThat(ReflectionTestUtils.getField(built, "filterChainDecorator"))
                .isNotInstanceOf(ObservationFilterChainDecorator.class);
    }
}
