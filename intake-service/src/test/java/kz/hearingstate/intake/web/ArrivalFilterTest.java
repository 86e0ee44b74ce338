package kz.hearingstate.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.submission.AdmissionGate;
import kz.hearingstate.web.problem.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * A submission that waited for a request thread beyond the arrival budget is refused at once, however its path is
 * spelled: the check is on the path the request is routed by, not the raw URI.
 */
class ArrivalFilterTest {

    @Test
    void givenASubmissionThatWaitedForAThread_whenItsPathIsPercentEncoded_thenItIsRefusedAllTheSame() throws Exception {
        for (String uri : List.of("/api/v1/appeals", "/api/v1/%61ppeals")) {
            MockHttpServletResponse response = runAfterAWait(uri);
            assertThat(response.getStatus()).as(uri).isEqualTo(503);
            assertThat(response.getHeader("Retry-After")).as(uri).isNotNull();
        }
        assertThat(runAfterAWait("/api/v1/appeals/access/x").getStatus()).as("not a submission").isEqualTo(200);
    }

    /** Runs the filter on a request thread of a one-thread pool whose thread was busy past the budget. */
    private static MockHttpServletResponse runAfterAWait(String uri) throws Exception {
        IntakeProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "hearing.intake.admission.arrival-budget", "50ms")))
                .bindOrCreate("hearing.intake", IntakeProperties.class);
        ArrivalFilter filter = new ArrivalFilter(new AdmissionGate(properties, new SimpleMeterRegistry()),
                new ProblemResponses(new StaticMessageSource(), new AcceptHeaderLocaleResolver(), JsonMapper.builder().build(),
                        List.of()));
        ArrivalStampingExecutor pool = new ArrivalStampingExecutor("arrival-test", 1, 1, 10);
        try {
            CountDownLatch busy = new CountDownLatch(1);
            pool.execute(() -> {
                try {
                    busy.await(200, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<MockHttpServletResponse> answered = new CompletableFuture<>();
            pool.execute(() -> {
                MockHttpServletRequest request = new MockHttpServletRequest("POST", uri);
                MockHttpServletResponse response = new MockHttpServletResponse();
                try {
                    filter.doFilter(request, response, new MockFilterChain());
                    answered.complete(response);
                } catch (Exception e) {
                    answered.completeExceptionally(e);
                }
            });
            return answered.get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}
