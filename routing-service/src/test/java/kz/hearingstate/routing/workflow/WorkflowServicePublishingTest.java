package kz.hearingstate.routing.workflow;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.hearingstate.events.AppealSubmitted;
import kz.hearingstate.messaging.EventPublisher.EventNotAcknowledgedException;
import kz.hearingstate.routing.RoutingProperties;
import kz.hearingstate.routing.classification.AppealClassifier;
import kz.hearingstate.routing.classification.CorrectionStore;
import kz.hearingstate.routing.classification.OverrideRuleStore;
import kz.hearingstate.routing.classification.SettlementNormaliser;
import kz.hearingstate.routing.directory.DirectoryService;
import org.junit.jupiter.api.Test;

/**
 * When Kafka refuses one appeal's events (a department added without its inbox topic, say), that appeal waits in its
 * outbox and the others go out: neither a batch of appeals.submitted nor the timer's re-sends are held back by it.
 */
class WorkflowServicePublishingTest {

    private static final Instant NOW = Instant.parse("2026-12-01T05:00:00Z");

    private final AppealStore store = mock(AppealStore.class);
    private final WorkflowService service = new WorkflowService(store, mock(AppealWorkflow.class), mock(AppealClassifier.class),
            mock(DirectoryService.class), mock(OverrideRuleStore.class), mock(CorrectionStore.class), mock(RoutingMetrics.class),
            Clock.fixed(NOW, ZoneOffset.UTC), mock(RoutingProperties.class, RETURNS_DEEP_STUBS), mock(SettlementNormaliser.class));

    private final RoutedAppeal refused = pending("a-refused");
    private final RoutedAppeal fine = pending("a-fine");

    @Test
    void givenABatchRedeliveredWhoseOneAppealKafkaRefuses_whenRouted_thenTheOthersGoOutAndTheBatchIsNotFailed() {
        givenBothStoredAndTheirBatchRefused();
        doThrow(refusal()).when(store).publishPending(refused);
        doNothing().when(store).publishPending(fine);

        assertThatNoException().isThrownBy(() -> service.routeAll(List.of(submitted("a-refused"), submitted("a-fine"))));
        verify(store).publishPending(fine);
    }

    @Test
    void givenKafkaRefusingEveryAppealOfTheBatch_whenRouted_thenTheBatchFailsToBeDeliveredAgain() {
        givenBothStoredAndTheirBatchRefused();
        doThrow(refusal()).when(store).publishPending(any(RoutedAppeal.class));

        assertThatThrownBy(() -> service.routeAll(List.of(submitted("a-refused"), submitted("a-fine"))))
                .isInstanceOf(EventNotAcknowledgedException.class);
    }

    @Test
    void givenAnAppealKafkaKeepsRefusing_whenPendingEventsAreSentAgain_thenItGoesToTheBackOfTheQueueAndTheOthersOut() {
        when(store.stalePending(any(), eq(0))).thenReturn(List.of(refused, fine));
        doThrow(refusal()).when(store).publishPending(refused);
        doNothing().when(store).publishPending(fine);

        service.republishStale(java.time.Duration.ofSeconds(30));

        verify(store).postponePending("a-refused", NOW);
        verify(store, never()).postponePending(eq("a-fine"), any());
        verify(store).publishPending(fine);
    }

    /** Both appeals stored already, with events pending (a redelivered batch), and Kafka refusing the two together. */
    private void givenBothStoredAndTheirBatchRefused() {
        Map<String, RoutedAppeal> stored = new LinkedHashMap<>();
        stored.put(refused.appealId, refused);
        stored.put(fine.appealId, fine);
        when(store.findAll(anyList())).thenReturn(stored);
        when(store.insertAll(anyList())).thenReturn(List.of());
        doThrow(refusal()).when(store).publishPending(anyList());
    }

    private static RoutedAppeal pending(String appealId) {
        RoutedAppeal appeal = new RoutedAppeal();
        appeal.appealId = appealId;
        appeal.outbox.add(new PendingEvent(appealId + ":routed", "appeals.lifecycle", "appeal.routed.v1", null, null, null));
        appeal.outboxSince = NOW.minusSeconds(60);
        return appeal;
    }

    private static AppealSubmitted submitted(String appealId) {
        AppealSubmitted submitted = mock(AppealSubmitted.class);
        when(submitted.appealId()).thenReturn(appealId);
        return submitted;
    }

    private static EventNotAcknowledgedException refusal() {
        return new EventNotAcknowledgedException("departments.new-department.inbox", "appeal.assigned.v1",
                new IllegalStateException("no such topic"));
    }
}
