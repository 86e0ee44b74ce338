package kz.hearingstate.intake.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds how long a request may wait for MongoDB. The driver's default server selection waits 30 s; intake
 * answers channels, and MongoDB is never needed to accept an appeal (Kafka is), so it gives up early on an
 * unreachable MongoDB.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

    @Bean
    MongoClientSettingsBuilderCustomizer boundedMongoWaits(
            @Value("${hearing.intake.mongo-timeout:2s}") Duration timeout) {
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS))
                // Not the read timeout: a slow but live MongoDB must not fail the status projection's writes.
                .applyToSocketSettings(socket -> socket.connectTimeout((int) timeout.toMillis(), TimeUnit.MILLISECONDS));
    }
}
