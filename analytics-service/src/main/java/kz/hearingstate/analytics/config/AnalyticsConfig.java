package kz.hearingstate.analytics.config;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.analytics.directory.DepartmentDirectory;
import kz.hearingstate.analytics.facts.AppealFactProjector;
import kz.hearingstate.analytics.facts.AppealFacts;
import kz.hearingstate.analytics.figures.StatsService;
import kz.hearingstate.analytics.hotspots.HotspotDetector;
import kz.hearingstate.analytics.hotspots.Incidents;
import kz.hearingstate.analytics.ingest.AnalyticsIngest;
import kz.hearingstate.analytics.metrics.BusinessMetrics;
import kz.hearingstate.messaging.EventPublisher;
import kz.hearingstate.messaging.EventReader;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoOperations;

/** Wires the plain domain classes; appeal-storage creates the stores' indexes at start-up. */
@Configuration(proxyBeanMethods = false)
class AnalyticsConfig {

    @Bean
    AppealFacts appealFacts(MongoOperations mongo) {
        return new AppealFacts(mongo);
    }

    @Bean
    Incidents incidents(MongoOperations mongo) {
        return new Incidents(mongo);
    }

    @Bean
    DepartmentDirectory departmentDirectory(MongoOperations mongo) {
        return new DepartmentDirectory(mongo);
    }

    @Bean
    BusinessMetrics businessMetrics(MeterRegistry registry) {
        return new BusinessMetrics(registry);
    }

    @Bean
    StatsService statsService(AppealFacts facts, Clock clock, AnalyticsProperties properties, DepartmentDirectory directory) {
        return new StatsService(facts, clock, properties.zone(), properties.slaWindow(), directory::confidentialCodes,
                directory::countableCodes);
    }

    @Bean
    HotspotDetector hotspotDetector(AppealFacts facts, Incidents incidents, DepartmentDirectory directory,
            EventPublisher publisher, BusinessMetrics metrics, AnalyticsProperties properties) {
        return new HotspotDetector(facts, incidents, properties.hotspots().rule(), publisher,
                event -> metrics.incidentDetected(event.category()), directory::countableCodes);
    }

    @Bean
    AnalyticsIngest analyticsIngest(EventReader reader, AppealFacts facts, HotspotDetector hotspots,
            DepartmentDirectory directory, BusinessMetrics metrics, AnalyticsProperties properties) {
        return new AnalyticsIngest(reader, new AppealFactProjector(facts, properties.geoCellDegrees()), hotspots,
                directory, metrics);
    }
}
