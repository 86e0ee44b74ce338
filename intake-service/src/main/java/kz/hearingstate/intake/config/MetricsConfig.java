package kz.hearingstate.intake.config;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Common tags of every intake meter; the application tag itself comes from management.metrics.tags. */
@Configuration(proxyBeanMethods = false)
public class MetricsConfig {

    @Bean
    MeterRegistryCustomizer<MeterRegistry> intakeCommonTags() {
        return registry -> registry.config().commonTags("service", "intake");
    }
}
