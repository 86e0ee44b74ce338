package kz.hearingstate.intake.submission;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import kz.hearingstate.clock.LegalClock;
import kz.hearingstate.intake.category.CategoryCatalog;
import kz.hearingstate.intake.config.IntakeProperties;
import kz.hearingstate.intake.identity.CitizenSecrets;
import kz.hearingstate.intake.status.AppealStatusStore;
import kz.hearingstate.messaging.EventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The context's submission service rebuilt on other stores: to put an unreachable or a slow MongoDB behind it. */
final class SubmissionServices {

    /** Reservations and marks go to {@code reservations}, the status view to {@code view}; all else is the context's. */
    static SubmissionService on(ApplicationContext context, MongoTemplate reservations, MongoTemplate view) {
        CitizenSecrets secrets = context.getBean(CitizenSecrets.class);
        IntakeProperties properties = context.getBean(IntakeProperties.class);
        return new SubmissionService(context.getBean(CategoryCatalog.class), context.getBean(EventPublisher.class),
                new SubmissionReservations(reservations), new AppealStatusStore(view, secrets, properties), secrets,
                context.getBean(AdmissionGate.class), context.getBean(LegalClock.class), context.getBean(Clock.class),
                context.getBean(MeterRegistry.class), properties);
    }

    private SubmissionServices() {
    }
}
