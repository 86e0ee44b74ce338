package kz.hearingstate.routing.config;

import java.io.IOException;
import java.io.InputStream;

import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.AppealClassifier;
import kz.hearingstate.routing.classification.CorruptionDetector;
import kz.hearingstate.routing.classification.LogisticRegressionModel;
import kz.hearingstate.routing.directory.DirectoryFile;
import kz.hearingstate.routing.directory.DirectoryService;
import kz.hearingstate.routing.classification.SettlementNormaliser;
import kz.hearingstate.routing.workflow.AppealWorkflow;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import tools.jackson.databind.json.JsonMapper;

/** The plain-Java domain objects, wired from configuration. */
@Configuration
public class RoutingConfig {

    @Bean
    @ConditionalOnMissingBean
    LegalClock legalClock() {
        return LegalClock.kazakhstan();
    }

    @Bean
    AppealClassifier appealClassifier(RoutingProperties properties) throws IOException {
        RoutingProperties.Classifier classifier = properties.classifier();
        return new AppealClassifier(new CorruptionDetector(read(classifier.corruptionModel()), classifier.corruptionThreshold(),
                classifier.corruptionReviewThreshold()),
                read(classifier.model()), classifier.confidenceThreshold(), classifier.hintWeight());
    }

    private static LogisticRegressionModel read(Resource model) throws IOException {
        try (InputStream in = model.getInputStream()) {
            return LogisticRegressionModel.readFrom(in);
        }
    }

    /** The directory file's canonical settlement list: the one list every public figure's place comes from. */
    @Bean
    SettlementNormaliser settlementNormaliser(RoutingProperties properties, JsonMapper mapper) {
        return new SettlementNormaliser(DirectoryFile.read(properties.directoryFile(), mapper).settlements());
    }

    @Bean
    AppealWorkflow appealWorkflow(LegalClock legalClock, RoutingProperties properties, DirectoryService directory,
            SettlementNormaliser settlements) {
        return new AppealWorkflow(legalClock, properties.deadlines(), directory::isActive, settlements::code,
                directory::isConfidential);
    }
}
