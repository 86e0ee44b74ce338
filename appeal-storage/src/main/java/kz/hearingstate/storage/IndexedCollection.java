package kz.hearingstate.storage;

import java.util.List;

import org.springframework.data.mongodb.core.index.Index;

/**
 * A store (a Spring bean) that queries one MongoDB collection declares here the indexes its queries need.
 * It never creates them itself: {@link IndexCreator} creates every declared index at start-up, before any
 * Kafka consumer or HTTP endpoint starts, so no query runs on a collection without its index.
 */
public interface IndexedCollection {

    /** The {@code @Document} class whose collection the store reads and writes. */
    Class<?> documentType();

    /** One index per query of the store, named, so a log line and a test can list them. */
    List<Index> indexes();
}
