package kz.hearingstate.analytics.ingest;

import java.util.List;
import java.util.function.Consumer;

import kz.hearingstate.messaging.EventBatches;
import kz.hearingstate.messaging.EventReader;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The five consumer bindings of group {@code analytics}, one per topic (see application.yml). The four appeal
 * topics are consumed in batch mode, a poll's records at once, with one read and one write of the facts per
 * batch; poison records and failures are handled as appeal-messaging's {@link EventBatches} says. The
 * directory, a handful of records, is consumed record by record.
 */
@Configuration(proxyBeanMethods = false)
class IngestBindings {

    @Bean
    Consumer<Message<List<byte[]>>> recordSubmittedAppeal(EventReader reader, AnalyticsIngest ingest) {
        return batch -> EventBatches.handle(reader, batch, ingest::readSubmitted, ingest::submitted);
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordLifecycleChange(EventReader reader, AnalyticsIngest ingest) {
        return batch -> EventBatches.handle(reader, batch, ingest::readLifecycle, ingest::lifecycle);
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordFeedback(EventReader reader, AnalyticsIngest ingest) {
        return batch -> EventBatches.handle(reader, batch, ingest::readFeedback, ingest::feedback);
    }

    @Bean
    Consumer<Message<List<byte[]>>> recordNotificationOutcome(EventReader reader, AnalyticsIngest ingest) {
        return batch -> EventBatches.handle(reader, batch, ingest::readNotificationOutcome, ingest::notificationOutcomes);
    }

    @Bean
    Consumer<Message<byte[]>> recordDirectoryChange(AnalyticsIngest ingest) {
        return ingest::directoryChange;
    }
}
