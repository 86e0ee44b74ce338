package kz.hearingstate.routing.config;

import java.io.IOException;
import java.io.InputStream;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.AppealClassifier;
import kz.hearingstate.routing.classification.LogisticRegressionModel;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java domain objects, wired from configuration. */
@Configuration
public class RoutingConfig {

    @Bean
    @ConditionalOnMissingBean
    LegalClock legalClock() {
        return LegalClock.kazakhstan();
    }

    @Bean
    LogisticRegressionModel classifierModel(RoutingProperties properties) throws IOException {
        try (InputStream in = properties.classifier().model().getInputStream()) {
            return LogisticRegressionModel.readFrom(in);
        }
    }

    @Bean
    AppealClassifier appealClassifier(LogisticRegressionModel model, RoutingProperties properties) {
        return new AppealClassifier(model, properties.classifier().confidenceThreshold(), properties.classifier().hintWeight());
    }

    @Bean
    AppealWorkflow appealWorkflow(LegalClock legalClock, RoutingProperties properties, DirectoryService directory) {
        return new AppealWorkflow(legalClock, properties.deadlines(), directory::isActive);
    }
}
