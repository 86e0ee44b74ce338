package kz.hearingstate.storage;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import kz.hearingstate.testing.ArchitectureRules;
import kz.hearingstate.testing.MongoIndexes;
import kz.hearingstate.testing.MongoWireServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IndexCreatorIntegrationTest {

    private static final MongoWireServer SERVER = new MongoWireServer();
    private static final MongoClient CLIENT = MongoClients.create(SERVER.uri("storage"));

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.close();
    }

    @Test
    void givenAStoreDeclaringIndexes_whenTheContextStarts_thenTheyExistBeforeAnyLifecycleBeanStarts() {
        MongoTemplate mongo = new MongoTemplate(CLIENT, "storage");
        List<String> seenByTheConsumer = new ArrayList<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(StorageAutoConfiguration.class))
                .withBean(MongoOperations.class, () -> mongo)
                .withBean(ThingStore.class)
                .withBean("consumer", SmartLifecycle.class, () -> new StartsLikeAKafkaBinding(
                        () -> seenByTheConsumer.addAll(MongoIndexes.of(mongo, Thing.class))))
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(seenByTheConsumer).containsExactlyInAnyOrder("_id_: _id ASC", "owner_createdAt: owner ASC, createdAt DESC");
    }

    @Test
    void givenTheIndexesExistAlready_whenCreatedAgain_thenNothingChanges() {
        MongoTemplate mongo = new MongoTemplate(CLIENT, "storage-again");
        IndexCreator creator = new IndexCreator(mongo, List.of(new ThingStore()));

        creator.afterSingletonsInstantiated();
        creator.afterSingletonsInstantiated();

        assertThat(MongoIndexes.of(mongo, Thing.class)).hasSize(2);
    }

    @Test
    void givenTheSharedArchitectureRule_whenCheckedOnTheCreatorItself_thenItFindsTheOneCallThatCreatesIndexes() {
        assertThatThrownBy(() -> ArchitectureRules.indexesAreOnlyDeclared()
                .check(new ClassFileImporter().importClasses(IndexCreator.class, ThingStore.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("IndexCreator.afterSingletonsInstantiated()")
                .hasMessageContaining("1 times");
    }

    @Document("things")
    record Thing(String id, String owner, java.time.Instant createdAt) {
    }

    static class ThingStore implements IndexedCollection {
        @Override
        public Class<?> documentType() {
            return Thing.class;
        }

        @Override
        public List<Index> indexes() {
            return List.of(new Index().on("owner", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC)
                    .named("owner_createdAt"));
        }
    }

    /** Stands for a Kafka binding or the web server: a SmartLifecycle, started after the singletons exist. */
    record StartsLikeAKafkaBinding(Runnable onStart) implements SmartLifecycle {
        @Override
        public void start() {
            onStart.run();
        }

        @Override
        public void stop() {
        }

        @Override
        public boolean isRunning() {
            return false;
        }
    }
}
