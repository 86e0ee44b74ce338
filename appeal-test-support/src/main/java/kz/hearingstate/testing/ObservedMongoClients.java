package kz.hearingstate.testing;

import java.util.function.Consumer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * MongoDB clients whose commands a test sees: what a store sends (how many round trips, which filters) or what it
 * reads back, the assertions of the tests that hold a store to its number of reads and writes.
 */
public final class ObservedMongoClients {

    private ObservedMongoClients() {
    }

    /** A client of {@code uri} that hands every command it sends to {@code sent}, before sending it. */
    public static MongoClient onSent(String uri, Consumer<CommandStartedEvent> sent) {
        return observed(uri, new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                sent.accept(event);
            }
        });
    }

    /** A client of {@code uri} that hands every command's successful answer to {@code answered}. */
    public static MongoClient onAnswered(String uri, Consumer<CommandSucceededEvent> answered) {
        return observed(uri, new CommandListener() {
            @Override
            public void commandSucceeded(CommandSucceededEvent event) {
                answered.accept(event);
            }
        });
    }

    private static MongoClient observed(String uri, CommandListener listener) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .addCommandListener(listener).build());
    }
}
