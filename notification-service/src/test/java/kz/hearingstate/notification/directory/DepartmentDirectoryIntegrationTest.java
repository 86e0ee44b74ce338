package kz.hearingstate.notification.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import kz.hearingstate.events.Language;
import kz.hearingstate.notification.NotificationProperties;
import kz.hearingstate.notification.support.IntegrationTestSupport;
import kz.hearingstate.storage.RecentReads;
import kz.hearingstate.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What one instance reads of the directory, and when it sees a change made here or by another instance. */
class DepartmentDirectoryIntegrationTest extends IntegrationTestSupport {

    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private NotificationProperties properties;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));

    @Test
    void givenADepartmentRead_whenAnotherInstanceChangesIt_thenThisOneSeesTheChangeOnceItsReadIsNoLongerFresh() {
        String code = "museums-" + System.nanoTime();
        DepartmentDirectory here = new DepartmentDirectory(mongo, properties, clock);
        DepartmentDirectory elsewhere = new DepartmentDirectory(mongo, properties, clock);
        here.apply(contact(code, 1, "museums-1@akimat.test"));
        assertThat(here.find(code)).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("museums-1@akimat.test"));

        elsewhere.apply(contact(code, 2, "museums-2@akimat.test"));

        assertThat(here.find(code)).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("museums-1@akimat.test"));
        clock.advance(RecentReads.FRESH_FOR);
        assertThat(here.find(code)).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("museums-2@akimat.test"));
    }

    @Test
    void givenADepartmentRead_whenThisInstanceAppliesAChangeOrADeletion_thenTheNextReadSeesItAtOnce() {
        String code = "sports-" + System.nanoTime();
        DepartmentDirectory directory = new DepartmentDirectory(mongo, properties, clock);
        directory.apply(contact(code, 1, "sports-1@akimat.test"));
        assertThat(directory.find(code)).isPresent();

        directory.apply(contact(code, 2, "sports-2@akimat.test"));
        assertThat(directory.find(code)).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("sports-2@akimat.test"));

        directory.apply(new DepartmentContact(code, 3, Map.of(), null, null, false, true));
        assertThat(directory.find(code)).isEmpty();
    }

    @Test
    void givenAnUnknownDepartment_whenTheDirectoryNamesItLater_thenItIsFoundOnceTheEmptyReadIsNoLongerFresh() {
        String code = "archive-" + System.nanoTime();
        DepartmentDirectory here = new DepartmentDirectory(mongo, properties, clock);
        assertThat(here.find(code)).isEmpty();

        new DepartmentDirectory(mongo, properties, clock).apply(contact(code, 1, "archive@akimat.test"));
        clock.advance(Duration.ofMillis(RecentReads.FRESH_FOR.toMillis() + 1));

        assertThat(here.find(code)).hasValueSatisfying(d -> assertThat(d.email()).isEqualTo("archive@akimat.test"));
    }

    private static DepartmentContact contact(String code, long version, String email) {
        return new DepartmentContact(code, version, Map.of(Language.ru, code), email, null, false, false);
    }
}
