package kz.hearingstate.storage;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/** Turns on {@link IndexCreator} in every service that has MongoDB. */
@AutoConfiguration(afterName = "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration")
public class StorageAutoConfiguration {

    @Bean
    @ConditionalOnBean(MongoOperations.class)
    IndexCreator indexCreator(MongoOperations mongo, ObjectProvider<IndexedCollection> collections) {
        return new IndexCreator(mongo, collections.orderedStream().toList());
    }
}
