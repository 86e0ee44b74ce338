package kz.hearingstate.intake.web;

import kz.hearingstate.intake.submission.AdmissionGate;
import kz.hearingstate.web.problem.ProblemResponses;
import org.apache.coyote.AbstractProtocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Admission before the request is parsed: Tomcat's thread pool ({@code server.tomcat.threads.*}, sized in
 * application.yml with the gate's {@code max-in-flight}) stamps every request with its arrival, and
 * {@link ArrivalFilter}, ahead of every other filter, refuses a submission that already waited beyond the
 * {@link AdmissionGate}'s budget.
 */
@Configuration(proxyBeanMethods = false)
public class AdmissionConfig {

    /** Tomcat does not stop an executor it was given, so the context does. */
    @Bean(destroyMethod = "shutdownNow")
    ArrivalStampingExecutor requestThreads(TomcatServerProperties tomcat) {
        TomcatServerProperties.Threads threads = tomcat.getThreads();
        return new ArrivalStampingExecutor("http-intake", threads.getMinSpare(), threads.getMax(),
                threads.getMaxQueueCapacity());
    }

    @Bean
    TomcatProtocolHandlerCustomizer<AbstractProtocol<?>> arrivalStampingThreads(ArrivalStampingExecutor requestThreads) {
        return protocol -> protocol.setExecutor(requestThreads);
    }

    @Bean
    FilterRegistrationBean<ArrivalFilter> arrivalFilter(AdmissionGate gate, ProblemResponses problems) {
        FilterRegistrationBean<ArrivalFilter> registration = new FilterRegistrationBean<>(new ArrivalFilter(gate, problems));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
