package kz.hearingstate.routing.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The audit of a confidential view: the record names the appeal, the log line does not. */
@ExtendWith(OutputCaptureExtension.class)
class ConfidentialViewStoreTest {

    private final MongoTemplate mongo = mock(MongoTemplate.class);
    private final ConfidentialViewStore audit = new ConfidentialViewStore(mongo,
            Clock.fixed(Instant.parse("2026-12-01T05:00:00Z"), ZoneOffset.UTC));

    @Test
    void givenTheOfficerOpensAReport_whenAudited_thenTheRecordNamesTheAppealAndTheLogLineDoesNot(CapturedOutput output) {
        when(mongo.insert(any(ConfidentialViewStore.View.class))).thenAnswer(call -> call.getArgument(0));

        audit.viewed("appeal-7f3a", new StaffUser("officer", StaffRole.ANTI_CORRUPTION, "anti-corruption"));

        verify(mongo).insert(argThat((ConfidentialViewStore.View view) ->
                view.appealId().equals("appeal-7f3a") && view.username().equals("officer")));
        assertThat(output.getAll()).contains("a confidential appeal viewed by the ANTI_CORRUPTION role")
                .doesNotContain("appeal-7f3a");
    }
}
