package kz.hearingstate.analytics.ingest;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The five consumer bindings of group {@code analytics}, one per topic (see application.yml). */
@Configuration(proxyBeanMethods = false)
class IngestBindings {

    @Bean
    Consumer<Message<byte[]>> recordSubmittedAppeal(AnalyticsIngest ingest) {
        return ingest::submitted;
    }

    @Bean
    Consumer<Message<byte[]>> recordLifecycleChange(AnalyticsIngest ingest) {
        return ingest::lifecycle;
    }

    @Bean
    Consumer<Message<byte[]>> recordFeedback(AnalyticsIngest ingest) {
        return ingest::feedback;
    }

    @Bean
    Consumer<Message<byte[]>> recordNotificationOutcome(AnalyticsIngest ingest) {
        return ingest::notificationOutcome;
    }

    @Bean
    Consumer<Message<byte[]>> recordDirectoryChange(AnalyticsIngest ingest) {
        return ingest::directoryChange;
    }
}
