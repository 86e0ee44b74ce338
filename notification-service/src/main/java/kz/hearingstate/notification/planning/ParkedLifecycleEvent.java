package kz.hearingstate.notification.planning;

import java.time.Instant;

import kz.hearingstate.events.AppealLifecycleEvent;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A lifecycle event that arrived before the appeal's submission (the two topics are read independently),
 * kept until the citizen's contact is known so the citizen's message is not lost. Its staff notices were recorded
 * when it came, so its release plans the citizen's alone.
 */
@Document("parked_lifecycle_events")
public record ParkedLifecycleEvent(@Id String eventId, String appealId, AppealLifecycleEvent event, Instant parkedAt) {
}
