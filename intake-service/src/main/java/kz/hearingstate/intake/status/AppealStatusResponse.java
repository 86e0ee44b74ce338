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

    /**
     * @param reason the department's own words to the citizen, as written, or null
     * @param by     who made the change: {@code department}, {@code system} (a rule: an anonymous appeal not
     *               considered, for the channel to explain in its own language) or {@code citizen} (a rating that
     *               reopened the appeal); null for the receipt and for changes recorded before it was kept
     */
    public record Step(AppealStatus status, String change, String department, String reason, Instant at, String by) {
    }

    public static AppealStatusResponse of(AppealStatusView view) {
        List<Step> history = view.history() == null ? List.of() : view.history().stream()
                .sorted(Comparator.comparingLong(AppealStatusView.HistoryEntry::sequence))
                .map(entry -> new Step(entry.status(), entry.type(), entry.department(), entry.departmentsWords(), entry.at(),
                        entry.by()))
                .toList();
        return new AppealStatusResponse(view.trackingCode(), view.status(), view.category(), view.department(),
                view.receivedAt(), view.registeredAt(), view.currentDeadline(), view.updatedAt(), history,
                view.answer(), view.answeredAt());
    }
}
