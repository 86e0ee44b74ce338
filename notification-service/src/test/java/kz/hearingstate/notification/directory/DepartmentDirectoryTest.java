package kz.hearingstate.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import kz.hearingstate.events.Language;
import kz.hearingstate.notification.NotificationProperties;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The configured seed contacts against the directory's own word, with a store that has not heard of the department. */
class DepartmentDirectoryTest {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final NotificationProperties properties = mock(NotificationProperties.class);
    private final DepartmentDirectory directory = new DepartmentDirectory(mongo, properties,
            Clock.fixed(Instant.parse("2026-12-06T05:00:00Z"), ZoneOffset.UTC));

    @Test
    void givenSeedContacts_beforeTheDirectoryNamesTheirDepartments_thenTheConfiguredConfidentialOneStaysConfidential() {
        when(properties.departments()).thenReturn(Map.of(
                "anti-corruption", new NotificationProperties.DepartmentContactSeed("officer@akimat.test", null,
                        Map.of(Language.ru, "Уполномоченный")),
                "roads", new NotificationProperties.DepartmentContactSeed("roads@akimat.test", null, Map.of())));
        when(properties.confidentialDepartments()).thenReturn(Set.of("anti-corruption"));
        when(mongo.findById(any(String.class), any())).thenReturn(null);

        assertThat(directory.find("anti-corruption")).hasValueSatisfying(seed ->
                assertThat(seed.email()).isEqualTo("officer@akimat.test"));
        assertThat(directory.confidential("anti-corruption")).as("its seed does not make its reports anyone's").isTrue();
        assertThat(directory.confidential("roads")).isFalse();
    }

    @Test
    void givenTheDirectorysWord_thenItsFlagDecides() {
        when(properties.departments()).thenReturn(Map.of());
        when(mongo.findById(eq("education"), any())).thenReturn(
                new DepartmentContact("education", 3, Map.of(), "edu@akimat.test", null, false, false));

        assertThat(directory.confidential("education")).isFalse();
        assertThat(directory.confidential("nowhere")).as("not named yet").isTrue();
    }
}
