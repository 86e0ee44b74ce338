package kz.hearingstate.intake.status;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import kz.hearingstate.events.AppealStatus;

/**
 * What a citizen sees for a tracking code: status, department, deadline, history and the answer.
 * No personal data at all: not even what the citizen sent is echoed back.
 */
public record AppealStatusResponse(
        String trackingCode,
        AppealStatus status,
        String category,
        String department,
        Instant receivedAt,
        Instant registeredAt,
        Instant deadline,
        Instant updatedAt,
        List<Step> history,
        String answer,
        Instant answeredAt) {

    public record Step(AppealStatus status, String change, String department, String reason, Instant at) {
    }

    public static AppealStatusResponse of(AppealStatusView view) {
        List<Step> history = view.history() == null ? List.of() : view.history().stream()
                .sorted(Comparator.comparingLong(AppealStatusView.HistoryEntry::sequence))
                .map(entry -> new Step(entry.status(), entry.type(), entry.department(), entry.reason(), entry.at()))
                .toList();
        return new AppealStatusResponse(view.trackingCode(), view.status(), view.category(), view.department(),
                view.receivedAt(), view.registeredAt(), view.currentDeadline(), view.updatedAt(), history,
                view.answer(), view.answeredAt());
    }
}
